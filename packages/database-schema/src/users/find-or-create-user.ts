import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { Locale, type User } from '../generated/prisma/client.js';

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email());

export const FindOrCreateUserInputSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).nullish(),
  locale: z.enum(Locale).optional(),
  passwordHash: z.string().min(1).nullish(),
});

export type FindOrCreateUserInput = z.input<typeof FindOrCreateUserInputSchema>;

/**
 * Returns the user with this email (case-insensitive), creating it when missing. An existing
 * user is returned unchanged: sign-in through Salla must not overwrite what the user edited.
 */
export async function findOrCreateUser(
  db: DatabaseClient,
  input: FindOrCreateUserInput,
): Promise<{ user: User; created: boolean }> {
  const { email, name, locale, passwordHash } = FindOrCreateUserInputSchema.parse(input);
  const [created] = await db.user.createManyAndReturn({
    data: [{ email, name: name ?? null, passwordHash: passwordHash ?? null, ...(locale ? { locale } : {}) }],
    skipDuplicates: true,
  });
  if (created) return { user: created, created: true };
  return { user: await db.user.findUniqueOrThrow({ where: { email } }), created: false };
}
