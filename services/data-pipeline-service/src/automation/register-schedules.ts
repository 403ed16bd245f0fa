import { deleteExpiredFiles, listEmailDeliveries } from '@salla-analytics/database-schema';
import type { JobScheduler } from '../scheduler/scheduler.js';
import { registerAlerts } from './alerts/register-alerts.js';
import type { AutomationDeps } from './automation-deps.js';
import { registerDigests } from './digests/register-digests.js';
import { runCartRecovery } from './cart-recovery/run-cart-recovery.js';

/**
 * Every scheduled feature registers its handlers here, one line each (one file per feature under
 * src/automation/<feature>/). Handlers must be idempotent; their emails go through sendEmailOnce.
 */
export function registerSchedules(scheduler: JobScheduler, deps: AutomationDeps): void {
  registerAlerts(scheduler, deps);
  registerDigests(scheduler, deps);
  scheduler.register({
    // Cart recovery emails: every 5 minutes, so an email due at the end of quiet hours goes out then.
    name: 'campaigns.cart-recovery',
    cron: '*/5 * * * *',
    handler: async ({ now, signal }) => {
      await runCartRecovery({ db: deps.db, analytics: deps.clickhouse, sendOnce: deps.sendEmailOnce, logger: deps.logger }, { now, signal });
    },
  });
  scheduler.register({
    // Finished exports past their link's expiry and uploads nobody imported: deleted (idempotent).
    name: 'files.cleanup',
    cron: '*/10 * * * *',
    handler: async ({ now }) => {
      const removed = await deleteExpiredFiles(deps.db, now);
      if (removed.exports + removed.uploads > 0) deps.logger.info(removed, 'expired export files and uploads deleted');
    },
  });
  scheduler.register({
    // Sends a crash interrupted stay `sending` and are never re-sent: report them, hourly.
    name: 'email.ledger-report',
    cron: '7 * * * *',
    handler: async ({ now }) => {
      const stuck = await listEmailDeliveries(deps.db, { status: 'sending', claimedBefore: new Date(now.getTime() - 15 * 60_000), limit: 1000 });
      if (stuck.length > 0) {
        deps.logger.warn(
          { count: stuck.length, deliveries: stuck.slice(0, 20).map((row) => ({ id: row.id, merchantId: Number(row.merchantId), key: row.idempotencyKey })) },
          'emails claimed but never confirmed sent (interrupted by a crash or a timeout): not re-sent; check the provider',
        );
      }
    },
  });
}
