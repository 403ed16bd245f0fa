import { dueCronTicks } from '@salla-analytics/core-library';
import type { Database } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';

/** The job type of a schedule's ticks. */
export function scheduleJobType(name: string): string {
  return `schedule:${name}`;
}

/** At most one job per schedule and tick, ever: a duplicate trigger finds it and adds nothing. */
export function scheduleTickDedupeKey(name: string, scheduledFor: Date): string {
  return `schedule:${name}:${scheduledFor.toISOString()}`;
}

export interface EnqueueDueScheduleTicksInput {
  now?: Date;
  /** Only these schedules (a QStash push names its own); default all. */
  names?: readonly string[];
  /** Missed ticks to run per schedule after downtime, the newest ones (default 1: only the latest). */
  maxCatchUp?: (name: string) => number;
}

export interface EnqueuedTick {
  name: string;
  scheduledFor: Date;
  jobId: string;
  /** True when the tick's job existed already (a duplicate trigger). */
  duplicate: boolean;
}

/**
 * Turns every due tick into a job (type `schedule:<name>`, checkpoint `{ scheduledFor }`, dedupe
 * key name + tick) and moves each schedule to its next tick, in one transaction. Due schedules are
 * locked `FOR UPDATE SKIP LOCKED`, so concurrent triggers (two processes' timers, QStash
 * redelivering a push) never enqueue a tick twice: the second finds the schedule moved on, and
 * the dedupe key catches anything else.
 */
export async function enqueueDueScheduleTicks(db: Database, input: EnqueueDueScheduleTicksInput = {}): Promise<EnqueuedTick[]> {
  const now = input.now ?? new Date();
  const nameFilter = input.names ? Prisma.sql`AND "name" IN (${Prisma.join([...input.names, ''])})` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ name: string; cron: string; next_run_at: Date }[]>`
      SELECT "name", "cron", "next_run_at" FROM "schedules"
      WHERE "next_run_at" <= ${now} ${nameFilter}
      ORDER BY "name"
      FOR UPDATE SKIP LOCKED`;
    const enqueued: EnqueuedTick[] = [];
    for (const schedule of due) {
      const limit = Math.max(1, input.maxCatchUp?.(schedule.name) ?? 1);
      const { ticks, next } = dueCronTicks(schedule.cron, schedule.next_run_at, now, limit);
      for (const scheduledFor of ticks) {
        const dedupeKey = scheduleTickDedupeKey(schedule.name, scheduledFor);
        const [created] = await tx.job.createManyAndReturn({
          data: [{ type: scheduleJobType(schedule.name), merchantId: null, runAt: scheduledFor, dedupeKey, checkpoint: { scheduledFor: scheduledFor.toISOString() } }],
          skipDuplicates: true,
        });
        const job = created ?? (await tx.job.findUniqueOrThrow({ where: { dedupeKey } }));
        enqueued.push({ name: schedule.name, scheduledFor, jobId: job.id, duplicate: created === undefined });
      }
      await tx.schedule.update({ where: { name: schedule.name }, data: { nextRunAt: next } });
    }
    return enqueued;
  });
}
