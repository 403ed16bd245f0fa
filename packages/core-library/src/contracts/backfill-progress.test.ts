import { describe, expect, it } from 'vitest';
import { BACKFILL_JOB_TYPE, backfillProgressOf, emptyBackfillCheckpoint } from '../index.js';

const job = (overrides: Partial<Parameters<typeof backfillProgressOf>[0]> = {}) => ({
  id: '0190a0a0-0000-7000-8000-000000000001',
  type: BACKFILL_JOB_TYPE,
  status: 'running',
  progressDone: 250,
  progressTotal: 1000,
  checkpoint: { ...emptyBackfillCheckpoint(new Date('2026-01-01T00:00:00Z')), ratePerSecond: 50, etaSeconds: 15 },
  error: null,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  finishedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

describe('backfill progress', () => {
  it('reads done/total, rate and ETA from a running job', () => {
    expect(backfillProgressOf(job())).toMatchObject({ status: 'running', done: 250, total: 1000, fraction: 0.25, ratePerSecond: 50, etaSeconds: 15 });
  });

  it('has no ETA unless running, and a finished job is whole', () => {
    expect(backfillProgressOf(job({ status: 'succeeded', progressDone: 1000 }))).toMatchObject({ fraction: 1, etaSeconds: 0 });
    expect(backfillProgressOf(job({ status: 'failed' })).etaSeconds).toBeNull();
  });

  it('tolerates a checkpoint it does not know (no resources, no rate)', () => {
    expect(backfillProgressOf(job({ checkpoint: { something: 'else' }, progressTotal: null }))).toMatchObject({ resources: null, ratePerSecond: null, fraction: null });
  });
});
