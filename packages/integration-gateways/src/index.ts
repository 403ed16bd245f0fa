// @salla-analytics/integration-gateways — the only place that talks to outside APIs.

// QStash (queue in the cloud)
export {
  type LocalQStash,
  type LocalQStashMessage,
  type LocalQStashOptions,
  signQStashPush,
  startLocalQStashServer,
} from './qstash/local-qstash-server.js';
export {
  createQStashPublisher,
  createQStashVerifier,
  type QStashPublisher,
  type QStashPublisherOptions,
  type QStashPublishInput,
  type QStashPushRequest,
  type QStashVerifier,
  type QStashVerifierOptions,
  qstashRetriedCount,
} from './qstash/qstash-client.js';
// Salla tokens at rest
export {
  createTokenCipher,
  type EncryptedToken,
  parseTokenEncryptionKeys,
  sallaTokenContext,
  type TokenCipher,
  type TokenEncryptionKey,
} from './salla/token-cipher.js';
// Cache (in-process LRU, Redis, Upstash Redis REST) with per-merchant invalidation
export * from './cache/index.js';
