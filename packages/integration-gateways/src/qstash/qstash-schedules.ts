import { AppError } from '@salla-analytics/core-library';
import { createQStashSdkClient } from './qstash-client.js';

export interface QStashScheduleSpec {
  /** Our id for the schedule; creating it again with the same id replaces it (QStash upsert). */
  scheduleId: string;
  /** Where QStash POSTs on every tick. */
  destination: string;
  /** 5-field cron; QStash evaluates it in UTC. */
  cron: string;
  body: unknown;
  /** QStash retries of a failed push. */
  retries?: number;
}

export interface QStashScheduleInfo {
  scheduleId: string;
  destination: string;
  cron: string;
}

export interface QStashSchedules {
  upsert(spec: QStashScheduleSpec): Promise<{ scheduleId: string }>;
  list(): Promise<QStashScheduleInfo[]>;
  delete(scheduleId: string): Promise<void>;
}

/** QStash schedules through the SDK's `Client.schedules` (no other module imports the SDK). */
export function createQStashSchedules(options: { token: string; baseUrl?: string }): QStashSchedules {
  const client = createQStashSdkClient(options);
  const wrap = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw new AppError('UPSTREAM_UNAVAILABLE', `QStash ${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  return {
    upsert: (spec) =>
      wrap('schedule create', async () => {
        const created = await client.schedules.create({
          scheduleId: spec.scheduleId,
          destination: spec.destination,
          cron: spec.cron,
          body: JSON.stringify(spec.body),
          headers: { 'Content-Type': 'application/json' },
          ...(spec.retries === undefined ? {} : { retries: spec.retries }),
        });
        return { scheduleId: created.scheduleId };
      }),
    list: () =>
      wrap('schedule list', async () =>
        (await client.schedules.list()).map((schedule) => ({ scheduleId: schedule.scheduleId, destination: schedule.destination, cron: schedule.cron })),
      ),
    delete: (scheduleId) => wrap('schedule delete', async () => void (await client.schedules.delete(scheduleId))),
  };
}
