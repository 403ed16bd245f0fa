import type { DatabaseClient } from '../client.js';
import type { Locale, MembershipRole } from '../generated/prisma/client.js';

export type ActiveSession = {
  sessionId: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string | null; locale: Locale };
  /** The merchant the session acts for, with the user's role there; null when none is chosen
   * or the membership has been revoked since. */
  merchant: { id: bigint; role: MembershipRole } | null;
};

/**
 * Resolves a session from its token hash. Expired sessions are treated as absent. The merchant
 * comes from the session and a live membership, never from the request.
 */
export async function findActiveSession(
  db: DatabaseClient,
  tokenHash: string,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  const session = await db.session.findUnique({
    where: { tokenHash },
    include: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  if (!session || session.expiresAt <= now) return null;
  const membership =
    session.activeMerchantId === null
      ? null
      : await db.membership.findUnique({
          where: { userId_merchantId: { userId: session.userId, merchantId: session.activeMerchantId } },
          select: { merchantId: true, role: true },
        });
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt,
    user: session.user,
    merchant: membership ? { id: membership.merchantId, role: membership.role } : null,
  };
}
