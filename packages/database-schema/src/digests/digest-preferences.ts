import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { DigestPreference } from '../generated/prisma/client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

export const DigestPreferenceInputSchema = z
  .object({
    enabled: z.boolean(),
    frequency: z.enum(['daily', 'weekly']),
    hour: z.number().int().min(0).max(23),
    locale: z.enum(['ar', 'en']),
  })
  .strict();

export type DigestPreferenceInput = z.infer<typeof DigestPreferenceInputSchema>;

export async function getDigestPreference(db: DatabaseClient, merchantId: bigint | number, userId: string): Promise<DigestPreference | null> {
  return db.digestPreference.findUnique({ where: { userId_merchantId: { userId, merchantId: toMerchantId(merchantId) } } });
}

/** Saves one user's digest settings for one store. */
export async function saveDigestPreference(db: DatabaseClient, merchantId: bigint | number, userId: string, input: DigestPreferenceInput): Promise<DigestPreference> {
  const data = DigestPreferenceInputSchema.parse(input);
  const key = { userId, merchantId: toMerchantId(merchantId) };
  return db.digestPreference.upsert({ where: { userId_merchantId: key }, create: { ...key, ...data }, update: data });
}

export interface DigestRecipient {
  userId: string;
  email: string;
  name: string | null;
  merchantId: bigint;
  storeName: string;
  currency: string;
  timeZone: string;
  weekStart: 'saturday' | 'sunday' | 'monday';
  frequency: 'daily' | 'weekly';
  hour: number;
  locale: 'ar' | 'en';
}

/** Every enabled digest whose user is still a member of an active store. */
export async function listDigestRecipients(db: DatabaseClient): Promise<DigestRecipient[]> {
  const rows = await db.$queryRaw<DigestRecipient[]>`
    SELECT p."user_id"::text AS "userId", u."email", u."name", p."merchant_id" AS "merchantId", m."name" AS "storeName",
           m."currency", m."time_zone" AS "timeZone", m."week_start"::text AS "weekStart",
           p."frequency"::text AS "frequency", p."hour", p."locale"::text AS "locale"
    FROM "digest_preferences" p
    JOIN "users" u ON u."id" = p."user_id"
    JOIN "merchants" m ON m."id" = p."merchant_id" AND m."status" = 'active'
    JOIN "memberships" ms ON ms."user_id" = p."user_id" AND ms."merchant_id" = p."merchant_id"
    WHERE p."enabled"
    ORDER BY p."merchant_id", p."user_id"`;
  return rows;
}
