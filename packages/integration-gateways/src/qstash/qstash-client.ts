import { AppError } from '@salla-analytics/core-library';
import { Client, Receiver } from '@upstash/qstash';

export interface QStashPublisherOptions {
  token: string;
  /** QStash's API (default https://qstash.upstash.io); a local server in tests and on the local stack. */
  baseUrl?: string;
}

export interface QStashPublishInput {
  /** Where QStash pushes the message (our consumer endpoint). */
  url: string;
  body: unknown;
  /** QStash drops a second publish with the same id (for its deduplication window). */
  deduplicationId: string;
  /** How many times QStash retries a failed push (exponential backoff on its side). */
  retries?: number;
}

export interface QStashPublisher {
  publishJSON(input: QStashPublishInput): Promise<{ messageId: string; deduplicated: boolean }>;
}

/** The SDK client as all our QStash modules use it. */
export function createQStashSdkClient(options: QStashPublisherOptions): Client {
  return new Client({
    token: options.token,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    // Never the SDK's own dev server or environment lookups: configuration comes from our env schema.
    devMode: false,
    // Our callers retry themselves (they get the error).
    retry: false,
  } as ConstructorParameters<typeof Client>[0]);
}

/** A thin, typed wrapper over the QStash SDK's `Client.publishJSON` (no other module imports the SDK). */
export function createQStashPublisher(options: QStashPublisherOptions): QStashPublisher {
  const client = createQStashSdkClient(options);
  return {
    async publishJSON(input) {
      try {
        const response = (await client.publishJSON({
          url: input.url,
          body: input.body,
          deduplicationId: input.deduplicationId,
          ...(input.retries === undefined ? {} : { retries: input.retries }),
        })) as { messageId: string; deduplicated?: boolean };
        return { messageId: response.messageId, deduplicated: response.deduplicated === true };
      } catch (error) {
        throw new AppError('UPSTREAM_UNAVAILABLE', `QStash publish failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    },
  };
}

export interface QStashVerifierOptions {
  currentSigningKey: string;
  nextSigningKey: string;
  /** Seconds of clock skew tolerated on exp/nbf (default 5). */
  clockToleranceSeconds?: number;
}

export interface QStashPushRequest {
  /** The `Upstash-Signature` header (a JWT signed with the current or next signing key). */
  signature: string | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  /** The URL QStash was asked to call; checked against the token's subject when given. */
  url?: string;
}

export interface QStashVerifier {
  /** True only for a push QStash signed for exactly this body (and URL). Never throws for a bad signature. */
  verify(request: QStashPushRequest): Promise<boolean>;
}

/** Verifies pushes with the SDK's `Receiver` (current key, then next key: key rotation). */
export function createQStashVerifier(options: QStashVerifierOptions): QStashVerifier {
  const receiver = new Receiver({
    currentSigningKey: options.currentSigningKey,
    nextSigningKey: options.nextSigningKey,
    devMode: false,
  } as ConstructorParameters<typeof Receiver>[0]);
  return {
    async verify(request) {
      if (!request.signature) return false;
      try {
        return await receiver.verify({
          signature: request.signature,
          body: request.body,
          clockTolerance: options.clockToleranceSeconds ?? 5,
          ...(request.url === undefined ? {} : { url: request.url }),
        });
      } catch {
        return false;
      }
    },
  };
}

/** How many times QStash already tried this push before (`Upstash-Retried`, 0 on the first try). */
export function qstashRetriedCount(header: string | string[] | undefined): number {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}
