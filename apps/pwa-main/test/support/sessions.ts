import { createDatabase, findOrCreateUser, grantMembership, type MembershipRole } from '@salla-analytics/database-schema';
import { startSession } from '../../src/server/auth/session';

/** A session cookie for a (new) user with `role` on `merchantId`. */
export async function sessionFor(databaseUrl: string, email: string, merchantId: number, role: MembershipRole): Promise<string> {
  const db = createDatabase(databaseUrl);
  try {
    const { user } = await findOrCreateUser(db, { email });
    await grantMembership(db, { userId: user.id, merchantId, role });
    const { cookie } = await startSession(db, user.id, merchantId);
    return cookie.split(';')[0] as string;
  } finally {
    await db.$disconnect();
  }
}
