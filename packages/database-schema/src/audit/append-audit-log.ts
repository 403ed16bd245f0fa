import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { AuditLog, Prisma } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const AppendAuditLogInputSchema = z.object({
  merchantId: MerchantIdSchema,
  /** Who: `user:<id>`, `system`, `salla`, `admin-cli`, ... */
  actor: z.string().min(1),
  /** What, as a dotted verb: `settings.updated`, `dead_letter.replayed`, ... */
  action: z.string().min(1),
  target: z.string().min(1).nullish(),
  /** Details. Never tokens, secrets or personal data. */
  data: z.custom<Prisma.InputJsonValue>((value) => value !== undefined && value !== null).optional(),
  at: z.date().optional(),
});

export type AppendAuditLogInput = z.input<typeof AppendAuditLogInputSchema>;

export async function appendAuditLog(db: DatabaseClient, input: AppendAuditLogInput): Promise<AuditLog> {
  const { target, ...rest } = AppendAuditLogInputSchema.parse(input);
  return db.auditLog.create({ data: { ...rest, target: target ?? null } });
}
