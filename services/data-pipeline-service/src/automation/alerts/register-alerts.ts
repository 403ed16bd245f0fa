import type { JobScheduler } from '../../scheduler/scheduler.js';
import type { AutomationDeps } from '../automation-deps.js';
import { ALERTS_SCHEDULE, evaluateAlerts } from './evaluate-alerts.js';

export function registerAlerts(scheduler: JobScheduler, deps: AutomationDeps): void {
  scheduler.register({ ...ALERTS_SCHEDULE, handler: async ({ scheduledFor }) => void (await evaluateAlerts(deps, scheduledFor)) });
}
