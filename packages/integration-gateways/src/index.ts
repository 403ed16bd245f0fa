// @salla-analytics/integration-gateways — the only place that talks to outside APIs.

// QStash (queue in the cloud)
export {
  type LocalQStash,
  type LocalQStashMessage,
  type LocalQStashOptions,
  type LocalQStashSchedule,
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
export {
  createQStashSchedules,
  type QStashScheduleInfo,
  type QStashSchedules,
  type QStashScheduleSpec,
} from './qstash/qstash-schedules.js';
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

// Configuration fragments (each service composes the ones it uses into its own env schema)
export {
  type EmailEnv,
  emailEnvSchema,
  emailEnvShape,
  type OpenAiEnv,
  openAiEnvSchema,
  openAiEnvShape,
  readEmailEnv,
  readOpenAiEnv,
  readSallaEnv,
  type SallaEnv,
  sallaEnvSchema,
  sallaEnvShape,
} from './env.js';
// Salla: OAuth (Easy mode tokens + authorization code), token refresh under a per-merchant lock
export {
  createSallaOAuthClient,
  SALLA_ACCOUNTS_URL,
  type SallaOAuthClient,
  type SallaOAuthConfig,
  type SallaTokenSet,
  type SallaUserInfo,
} from './salla/oauth/salla-oauth-client.js';
export {
  createSallaTokenProvider,
  isReinstallRequired,
  type SallaTokenProvider,
  type SallaTokenProviderOptions,
} from './salla/oauth/salla-token-provider.js';
export type { NewSallaTokens, SallaTokenStore, StoredSallaTokens } from './salla/oauth/salla-token-store.js';
// Salla Admin API v2
export {
  createSallaAdminClient,
  type ListOptions,
  SALLA_API_URL,
  SALLA_MAX_PER_PAGE,
  type SallaAdminClient,
  type SallaAdminClientOptions,
} from './salla/admin-api/salla-admin-client.js';
export {
  type InvalidSallaItem,
  isFullOrder,
  type SallaPage,
  type SallaPagination,
  type SallaResource,
  type SallaResources,
} from './salla/admin-api/responses.js';
export {
  type RateLimitHeaders,
  readRateLimitHeaders,
  StoreRateLimiter,
  type StoreRateLimiterOptions,
} from './salla/admin-api/store-rate-limiter.js';
export { createSallaGateway, type SallaGateway } from './salla/create-salla-gateway.js';
// Salla for one machine (tests, the local stack): accounts + Admin API with rate limits
export type { IssuedTokens, LocalSallaUser, RefreshReuse } from './salla/local-server/accounts.js';
export {
  type LocalSalla,
  type LocalSallaFaults,
  type LocalSallaRequest,
  type LocalSallaServerOptions,
  type RetryAfterViolation,
  startLocalSallaServer,
} from './salla/local-server/local-salla-server.js';
export type { LocalResource, LocalStoreData } from './salla/local-server/store-data.js';
export { sallaWallTime, toSallaWire } from './salla/local-server/wire-format.js';
// Circuit breakers (opossum) with their state as a Prometheus metric
export {
  BREAKER_EVENTS_METRIC,
  BREAKER_STATE_METRIC,
  type BreakerState,
  type CircuitBreakerOptions,
  createCircuitBreaker,
  type GatewayCircuitBreaker,
} from './resilience/circuit-breaker.js';
// OpenAI
export {
  type ChatInput,
  type ChatMessage,
  type ChatResult,
  type ChatStreamEvent,
  type ChatTool,
  createOpenAiGateway,
  type OpenAiGateway,
  type OpenAiGatewayOptions,
  type ToolCall,
} from './openai/openai-gateway.js';
export { type LocalOpenAi, type LocalOpenAiOptions, type LocalOpenAiReply, startLocalOpenAiServer } from './openai/local-openai-server.js';
// Email: Postmark, or the outbox (embedded default)
export { createEmailSender } from './email/create-email-sender.js';
export { createCacheEmailLedger, type EmailIdempotencyLedger } from './email/email-idempotency.js';
export type { EmailEnvelope, EmailSender, EmailSendResult, TemplatedEmail } from './email/email-sender.js';
export { type LocalPostmark, type LocalPostmarkMessage, startLocalPostmarkServer } from './email/local-postmark-server.js';
export { createOutboxSender, type OutboxEmail, type OutboxSenderOptions, type OutboxStore } from './email/outbox-sender.js';
export { createPostmarkSender, type PostmarkSenderOptions } from './email/postmark-sender.js';
export {
  EMAIL_TEMPLATES,
  type EmailLocale,
  type EmailModel,
  type EmailTemplateName,
  postmarkTemplateAlias,
  type RenderedEmail,
  renderEmail,
} from './email/templates.js';
// Rich emails rendered here (alerts, digests): RTL-correct HTML, ar-SA / en-SA numbers
export { type AlertEmailModel, renderAlertEmail } from './email/alert-email.js';
export { type DigestEmailModel, type DigestMetric, renderDigestEmail } from './email/digest-email.js';
