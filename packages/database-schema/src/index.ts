// @salla-analytics/database-schema — the OLTP model (PostgreSQL via Prisma 7 + adapter-pg).

// Assistant history (the Ask panel)
export {
  type RecordAssistantExchangeInput,
  RecordAssistantExchangeInputSchema,
  recordAssistantExchange,
} from './assistant/record-assistant-exchange.js';
export { type ListAssistantExchangesInput, listAssistantExchanges } from './assistant/list-assistant-exchanges.js';
// Audit log
export {
  type AppendAuditLogInput,
  AppendAuditLogInputSchema,
  appendAuditLog,
} from './audit/append-audit-log.js';
export { type ListAuditLogInput, listAuditLog } from './audit/list-audit-log.js';
// Client, configuration, migrations
export { type CreateDatabaseOptions, createDatabase, type Database, type DatabaseClient } from './client.js';
export {
  ALL_MERCHANTS,
  type ListDeadLettersInput,
  listDeadLetters,
} from './dead-letters/list-dead-letters.js';
export { getDeadLetter } from './dead-letters/get-dead-letter.js';
export { markDeadLetterReplayed } from './dead-letters/mark-dead-letter-replayed.js';
// Dead letters
export {
  type RecordDeadLetterInput,
  RecordDeadLetterInputSchema,
  recordDeadLetter,
} from './dead-letters/record-dead-letter.js';
export { type DatabaseEnv, DatabaseEnvSchema, LOCAL_DATABASE_URL, parseDatabaseEnv } from './env.js';
// Generated model types and enums
export {
  type AssistantExchange,
  type AuditLog,
  type DeadLetter,
  DeadLetterSource,
  type EmailOutbox,
  InboxStatus,
  type Installation,
  type Job,
  JobStatus,
  Locale,
  type Membership,
  type OrderState as OrderStateRecord,
  MembershipRole,
  type Merchant,
  MerchantStatus,
  Prisma,
  type Session,
  type User,
  type WebhookInbox,
  WeekStart,
} from './generated/prisma/client.js';
// Webhook inbox
export { deliveryKeyOf } from './inbox/delivery-key.js';
export {
  countDeliveriesByStatus,
  findDeliveryByKey,
  findUnqueuedDeliveries,
  getDeliveries,
  markDeliveriesProcessed,
  markDeliveryQueued,
} from './inbox/get-deliveries.js';
export { getDelivery } from './inbox/get-delivery.js';
export { getInboxBacklog, type InboxBacklog } from './inbox/inbox-backlog.js';
export {
  type ClaimedDelivery,
  claimDeliveries,
  countPendingDeliveries,
  releaseDeliveries,
  requeueDeliveries,
} from './inbox/inbox-queue.js';
export { markDeliveriesQueued, recordDeliveries } from './inbox/record-deliveries.js';
export {
  type RecordDeliveryInput,
  RecordDeliveryInputSchema,
  type RecordDeliveryResult,
  recordDelivery,
} from './inbox/record-delivery.js';
export { type DeliveryStatusUpdate, updateDeliveryStatus } from './inbox/update-delivery-status.js';
export {
  type AcquireRefreshLockInput,
  type AcquireRefreshLockResult,
  acquireRefreshLock,
} from './installations/acquire-refresh-lock.js';
// Installations (encrypted Salla tokens)
export {
  type EncryptedToken,
  EncryptedTokenSchema,
  type InstallationTokens,
} from './installations/encrypted-token.js';
export { getInstallationTokens } from './installations/get-installation-tokens.js';
export { releaseRefreshLock } from './installations/release-refresh-lock.js';
export {
  type SaveInstallationTokensInput,
  SaveInstallationTokensInputSchema,
  type SaveInstallationTokensResult,
  saveInstallationTokens,
} from './installations/save-installation-tokens.js';
export { cancelJob } from './jobs/cancel-job.js';
export { enqueueJobUnlessActive } from './jobs/enqueue-job-unless-active.js';
export { findActiveJob, getJob } from './jobs/get-job.js';
export { heartbeatJob } from './jobs/heartbeat-job.js';
// Email outbox (embedded default of transactional email)
export {
  listOutboxEmails,
  type RecordOutboxEmailInput,
  RecordOutboxEmailInputSchema,
  recordOutboxEmail,
} from './email-outbox/record-outbox-email.js';
export { type ClaimNextJobInput, claimNextJob } from './jobs/claim-next-job.js';
export { completeJob } from './jobs/complete-job.js';
// Jobs
export { type EnqueueJobInput, EnqueueJobInputSchema, enqueueJob } from './jobs/enqueue-job.js';
export { type FailJobInput, failJob } from './jobs/fail-job.js';
export { type ListJobsInput, listJobs } from './jobs/list-jobs.js';
export { type JobProgress, updateJobProgress } from './jobs/update-job-progress.js';
export { getMerchant } from './merchants/get-merchant.js';
export { markMerchantUninstalled } from './merchants/mark-merchant-uninstalled.js';
// Merchants
export {
  type MerchantId,
  type MerchantIdInput,
  MerchantIdSchema,
  toMerchantId,
} from './merchants/merchant-id.js';
export { type MerchantSettings, MerchantSettingsSchema } from './merchants/merchant-settings.js';
export {
  type UpdateMerchantSettingsInput,
  UpdateMerchantSettingsInputSchema,
  updateMerchantSettings,
} from './merchants/update-merchant-settings.js';
export {
  type UpsertMerchantInput,
  UpsertMerchantInputSchema,
  upsertMerchant,
} from './merchants/upsert-merchant.js';
export {
  type MigrateDeployOptions,
  type MigrateDeployResult,
  migrateDeploy,
} from './migrate/migrate-deploy.js';
// Order states (merged from out-of-order webhook events)
export {
  mergeOrderStates,
  type OrderState,
  type OrderStatePart,
  OrderStatePartSchema,
} from './order-states/merge-order-states.js';
export { isRecordNotFound, isUniqueViolation } from './prisma-errors.js';
export {
  type CreateSessionInput,
  CreateSessionInputSchema,
  createSession,
} from './sessions/create-session.js';
export { deleteExpiredSessions, deleteSession } from './sessions/delete-session.js';
export { type ActiveSession, findActiveSession } from './sessions/find-active-session.js';
export { setActiveMerchant } from './sessions/set-active-merchant.js';
export { touchSession } from './sessions/touch-session.js';
// Users, memberships, sessions
export {
  EmailSchema,
  type FindOrCreateUserInput,
  FindOrCreateUserInputSchema,
  findOrCreateUser,
} from './users/find-or-create-user.js';
export { findUserByEmail } from './users/find-user-by-email.js';
export {
  type GrantMembershipInput,
  GrantMembershipInputSchema,
  grantMembership,
} from './users/grant-membership.js';
export { listUserMerchants, type UserMerchant } from './users/list-user-merchants.js';

// Embedded PostgreSQL for the local stack and tests (optional peer dependency)
export {
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from './embedded/start-embedded-postgres.js';
export { startTestPostgres, type TestPostgres } from './embedded/start-test-postgres.js';

// Job scheduler (schedules → dedupe-keyed jobs) and the email ledger (at most once per key)
export {
  type EnqueueDueScheduleTicksInput,
  type EnqueuedTick,
  enqueueDueScheduleTicks,
  scheduleJobType,
  scheduleTickDedupeKey,
} from './schedules/enqueue-due-schedule-ticks.js';
export {
  type RegisterScheduleInput,
  RegisterScheduleInputSchema,
  registerSchedule,
  ScheduleNameSchema,
} from './schedules/register-schedule.js';
export {
  type ClaimEmailDeliveryInput,
  ClaimEmailDeliveryInputSchema,
  claimEmailDelivery,
  type EmailDeliveryClaim,
} from './email-deliveries/claim-email-delivery.js';
export { markEmailDeliveryFailed, markEmailDeliverySent } from './email-deliveries/finish-email-delivery.js';
export { listEmailDeliveries } from './email-deliveries/list-email-deliveries.js';
export {
  type AlertEvent,
  type AlertRule,
  AlertRuleType,
  DigestFrequency,
  type DigestPreference,
  type EmailDelivery,
  EmailDeliveryStatus,
  type Notification,
  type Schedule,
} from './generated/prisma/client.js';

// Custom customer segments and cart recovery campaigns (issue 7, campaigns)
export { CreateCustomerSegmentInputSchema, type CreateCustomerSegmentInput, createCustomerSegment } from './segments/create-customer-segment.js';
export { deleteCustomerSegment } from './segments/delete-customer-segment.js';
export { getCustomerSegment } from './segments/get-customer-segment.js';
export { listCustomerSegments } from './segments/list-customer-segments.js';
export { type UpdateCustomerSegmentInput, UpdateCustomerSegmentInputSchema, updateCustomerSegment } from './segments/update-customer-segment.js';
export { campaignRules } from './campaigns/campaign-rules.js';
export { type ClaimRecoverySendInput, ClaimRecoverySendInputSchema, claimRecoverySend, finishRecoverySend } from './campaigns/claim-recovery-send.js';
export { type CreateRecoveryCampaignInput, CreateRecoveryCampaignInputSchema, createRecoveryCampaign } from './campaigns/create-recovery-campaign.js';
export { getRecoveryCampaign } from './campaigns/get-recovery-campaign.js';
export { listActiveRecoveryCampaigns, listRecoveryCampaigns } from './campaigns/list-recovery-campaigns.js';
export { listRecoverySends } from './campaigns/list-recovery-sends.js';
export { type UpdateRecoveryCampaignInput, UpdateRecoveryCampaignInputSchema, updateRecoveryCampaign } from './campaigns/update-recovery-campaign.js';
export {
  type CustomerSegment,
  type RecoveryCampaign,
  RecoveryCampaignStatus,
  type RecoverySend,
  RecoverySendStatus,
} from './generated/prisma/client.js';

// Exports (files of table views) and order-history file imports
export { deleteExpiredFiles } from './exports/delete-expired-files.js';
export { findExportFileOfJob, getExportFile } from './exports/get-export-file.js';
export { listExportFiles } from './exports/list-export-files.js';
export { type SaveExportFileInput, saveExportFile } from './exports/save-export-file.js';
export { type CreateImportUploadInput, createImportUpload } from './imports/create-import-upload.js';
export { getImportUpload } from './imports/get-import-upload.js';
export { listImportUploads } from './imports/list-import-uploads.js';
export { resolveImportKeys } from './imports/resolve-import-keys.js';
export { startImportUpload } from './imports/start-import-upload.js';
export type { ExportFile, ImportUpload } from './generated/prisma/client.js';
// Alerts, in-app notifications and digest preferences (issue 7, sched)
export { createAlertRule } from './alerts/create-alert-rule.js';
export { deleteAlertRule, updateAlertRule } from './alerts/update-alert-rule.js';
export { type AlertRuleWithLastEvent, listAlertEvents, listAlertRules, listEnabledAlertRules } from './alerts/list-alert-rules.js';
export { findAlertEvents, recordAlertEvent } from './alerts/record-alert-event.js';
export { createAlertNotifications, listNotifications, markNotificationsRead } from './notifications/notifications.js';
export { listMerchantMembers, type MerchantMember } from './notifications/list-merchant-members.js';
export {
  type DigestPreferenceInput,
  DigestPreferenceInputSchema,
  type DigestRecipient,
  getDigestPreference,
  listDigestRecipients,
  saveDigestPreference,
} from './digests/digest-preferences.js';
