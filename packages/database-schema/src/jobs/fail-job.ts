import type { DatabaseClient } from '../client.js';

export type FailJobInput = {
  error: string;
  /** Run it again at this time (its checkpoint is kept); omit to fail it for good. */
  retryAt?: Date;
  now?: Date;
};

/** Records a failed run of a running job: back to the queue for a retry, or failed. */
export async function failJob(
  db: DatabaseClient,
  id: string,
  { error, retryAt, now = new Date() }: FailJobInput,
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, status: 'running' },
    data: retryAt
      ? { status: 'queued', runAt: retryAt, error }
      : { status: 'failed', finishedAt: now, error },
  });
  return count === 1;
}
