import type { JobScheduler } from '../../scheduler/scheduler.js';
import type { AutomationDeps } from '../automation-deps.js';
import { DIGESTS_SCHEDULE, sendDigests } from './send-digests.js';

export function registerDigests(scheduler: JobScheduler, deps: AutomationDeps): void {
  scheduler.register({ ...DIGESTS_SCHEDULE, handler: async ({ scheduledFor }) => void (await sendDigests(deps, scheduledFor)) });
}
