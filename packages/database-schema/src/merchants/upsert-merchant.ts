import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { Merchant } from '../generated/prisma/client.js';
import { MerchantIdSchema } from './merchant-id.js';
import { MerchantSettingsSchema } from './merchant-settings.js';

export const UpsertMerchantInputSchema = MerchantSettingsSchema.partial().extend({
  id: MerchantIdSchema,
  name: z.string().trim().min(1),
  domain: z.string().trim().min(1).nullish(),
  installedAt: z.date().optional(),
});

export type UpsertMerchantInput = z.input<typeof UpsertMerchantInputSchema>;

/**
 * Creates the merchant or refreshes it (Salla may send `app.installed`, `app.updated` and
 * `app.store.authorize` in any order and more than once). A (re)install makes it active again.
 * Settings the merchant chose in our app are only overwritten when passed explicitly.
 */
export async function upsertMerchant(db: DatabaseClient, input: UpsertMerchantInput): Promise<Merchant> {
  const { id, name, domain, installedAt, ...settings } = UpsertMerchantInputSchema.parse(input);
  const identity = { name, ...(domain !== undefined ? { domain } : {}) };
  return db.merchant.upsert({
    where: { id },
    create: { id, ...identity, ...settings, status: 'active', installedAt: installedAt ?? new Date() },
    update: {
      ...identity,
      ...settings,
      status: 'active',
      uninstalledAt: null,
      ...(installedAt ? { installedAt } : {}),
    },
  });
}
