import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getEnv } from '../../env';

interface Limiters {
  session: RateLimiterMemory;
  ip: RateLimiterMemory;
}

let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const env = getEnv();
  limiters ??= {
    session: new RateLimiterMemory({ keyPrefix: 'session', points: env.RATE_LIMIT_SESSION_PER_MINUTE, duration: 60 }),
    ip: new RateLimiterMemory({ keyPrefix: 'ip', points: env.RATE_LIMIT_IP_PER_MINUTE, duration: 60 }),
  };
  return limiters;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * One point per API request from this client IP and (when there is one) this session. Counters
 * live in this process: behind several instances each enforces its own share (a Redis-backed
 * limiter from the same library can replace them without touching callers).
 */
export async function consumeRateLimit(ip: string, sessionKey: string | undefined): Promise<RateLimitVerdict> {
  const { session, ip: byIp } = getLimiters();
  try {
    await byIp.consume(ip);
    if (sessionKey) await session.consume(sessionKey);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** The client's address as the server in front of Next reports it (first X-Forwarded-For hop). */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}

export function resetRateLimitersForTests(): void {
  limiters = undefined;
}
