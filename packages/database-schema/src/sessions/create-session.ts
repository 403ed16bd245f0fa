import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { Session } from '../generated/prisma/client.js';

export const CreateSessionInputSchema = z.object({
  /** A hash (e.g. SHA-256 hex) of the session token: the token itself is never stored. */
  tokenHash: z.string().min(32),
  userId: z.uuid(),
  expiresAt: z.date(),
});

export type CreateSessionInput = z.input<typeof CreateSessionInputSchema>;

/** Starts a session with no active merchant; pick one with setActiveMerchant. */
export async function createSession(db: DatabaseClient, input: CreateSessionInput): Promise<Session> {
  return db.session.create({ data: CreateSessionInputSchema.parse(input) });
}
