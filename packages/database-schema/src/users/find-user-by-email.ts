import type { DatabaseClient } from '../client.js';
import type { User } from '../generated/prisma/client.js';
import { EmailSchema } from './find-or-create-user.js';

export async function findUserByEmail(db: DatabaseClient, email: string): Promise<User | null> {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) return null;
  return db.user.findUnique({ where: { email: parsed.data } });
}
