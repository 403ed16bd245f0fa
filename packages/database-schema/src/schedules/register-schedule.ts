import { assertCronExpression, nextCronTick } from '@salla-analytics/core-library';
import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { Schedule } from '../generated/prisma/client.js';

export const ScheduleNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-"');

export const RegisterScheduleInputSchema = z.object({
  name: ScheduleNameSchema,
  /** 5-field cron, UTC. */
  cron: z.string().min(9).superRefine((value, ctx) => {
    try {
      assertCronExpression(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  now: z.date().optional(),
});

export type RegisterScheduleInput = z.input<typeof RegisterScheduleInputSchema>;

/**
 * Makes a schedule exist with this cron. A new schedule is first due at its first tick after
 * `now` (ticks before it was registered are not owed); an existing one keeps its next due time
 * unless its cron changed (then: the new cron's first tick after `now`). Safe to call from every
 * process at start-up, concurrently.
 */
export async function registerSchedule(db: DatabaseClient, input: RegisterScheduleInput): Promise<Schedule> {
  const { name, cron, now = new Date() } = RegisterScheduleInputSchema.parse(input);
  const nextRunAt = nextCronTick(cron, now);
  await db.schedule.createMany({ data: [{ name, cron, nextRunAt }], skipDuplicates: true });
  await db.schedule.updateMany({ where: { name, NOT: { cron } }, data: { cron, nextRunAt } });
  return db.schedule.findUniqueOrThrow({ where: { name } });
}
