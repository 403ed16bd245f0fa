import { createHash } from 'node:crypto';
import { AppError } from '@salla-analytics/core-library';
import {
  createLogger,
  openQueueForPublishing,
  type ReplayResult,
  readPipelineAdminEnv,
  replayAllDeadLetters,
  replayDeadLetter,
} from '@salla-analytics/data-pipeline-service';
import { ALL_MERCHANTS, createDatabase, type DeadLetter, listDeadLetters } from '@salla-analytics/database-schema';

export interface DeadLettersListOptions {
  merchant?: string;
  source?: string;
  includeReplayed?: boolean;
  limit?: string;
  json?: boolean;
}

const SOURCES = ['webhook', 'queue', 'job'] as const;

/** Dead letters, newest first. Payloads are not printed (they hold customer data): only their size and hash. */
export async function deadLettersListCommand(options: DeadLettersListOptions): Promise<string> {
  const env = readPipelineAdminEnv();
  const merchantId = options.merchant === undefined ? ALL_MERCHANTS : parseMerchant(options.merchant);
  if (options.source !== undefined && !(SOURCES as readonly string[]).includes(options.source)) {
    throw new AppError('INVALID_ARGUMENT', `--source must be one of ${SOURCES.join(', ')}, got "${options.source}"`);
  }
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError('INVALID_ARGUMENT', `--limit must be 1 to 500, got "${options.limit}"`);
  const db = createDatabase(env.DATABASE_URL, { maxConnections: 1 });
  try {
    const letters = await listDeadLetters(db, {
      merchantId,
      limit,
      ...(options.source ? { source: options.source as (typeof SOURCES)[number] } : {}),
      ...(options.includeReplayed ? { includeReplayed: true } : {}),
    });
    const rows = letters.map(describe);
    if (options.json) return JSON.stringify(rows, null, 2);
    if (rows.length === 0) return 'No dead letters.';
    return rows
      .map((row) => `${row.id}  ${row.createdAt}  ${row.source.padEnd(7)}  merchant ${row.merchantId ?? '-'}  ${row.event ?? '-'}  ${row.reason}: ${row.message}`)
      .join('\n');
  } finally {
    await db.$disconnect();
  }
}

export interface DeadLettersReplayOptions {
  all?: boolean;
  force?: boolean;
  json?: boolean;
}

/** Puts dead letters back through the pipeline's intake path (validation, inbox, queue). Idempotent. */
export async function deadLettersReplayCommand(id: string | undefined, options: DeadLettersReplayOptions): Promise<string> {
  if ((id === undefined) === !options.all) {
    throw new AppError('INVALID_ARGUMENT', 'give either a dead letter id or --all');
  }
  if (id !== undefined && !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('INVALID_ARGUMENT', `"${id}" is not a dead letter id`);
  const env = readPipelineAdminEnv();
  const db = createDatabase(env.DATABASE_URL, { maxConnections: 2 });
  const queue = await openQueueForPublishing(env, createLogger({ level: 'silent' }));
  try {
    const results: ReplayResult[] =
      id === undefined ? await replayAllDeadLetters({ db, queue }) : [await replayDeadLetter({ db, queue }, id, { force: options.force === true })];
    if (options.json) return JSON.stringify(results, null, 2);
    if (results.length === 0) return 'No dead letters to replay.';
    return results
      .map((result) =>
        result.status === 'replayed'
          ? `${result.id}: replayed (${result.outcome === 'accepted' ? 'new delivery' : 'known delivery re-enqueued'}, inbox ${result.inboxId})`
          : result.status === 'still_invalid'
            ? `${result.id}: still invalid (${result.reason}: ${result.message})`
            : `${result.id}: ${result.status.replace('_', ' ')}`,
      )
      .join('\n');
  } finally {
    await queue.stop();
    await db.$disconnect();
  }
}

function describe(letter: DeadLetter) {
  return {
    id: letter.id,
    source: letter.source,
    merchantId: letter.merchantId === null ? null : Number(letter.merchantId),
    event: letter.event,
    reason: letter.reason,
    message: letter.message,
    createdAt: letter.createdAt.toISOString(),
    replayedAt: letter.replayedAt?.toISOString() ?? null,
    replayCount: letter.replayCount,
    payloadBytes: letter.payload.byteLength,
    payloadSha256: createHash('sha256').update(letter.payload).digest('hex'),
  };
}

function parseMerchant(text: string): number {
  const merchantId = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `--merchant must be a positive integer store id, got "${text}"`);
  }
  return merchantId;
}
