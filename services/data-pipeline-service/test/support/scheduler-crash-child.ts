// One worker process of the scheduler crash test: it claims the due tick, its handler sends the
// tick's email through the ledger, and the process is killed (SIGKILL) after the send or inside it —
// before the job completes —
// the job stays `running` with a lease nobody renews.
import { createDatabase } from '@salla-analytics/database-schema';
import { createOutboxSender } from '@salla-analytics/integration-gateways';
import { pino } from 'pino';
import { createOutboxStore, JobScheduler, sendEmailOnce } from '../../src/index.js';

const [databaseUrl, outboxDir, nowIso, stage] = process.argv.slice(2) as [string, string, string, 'after-send' | 'during-send'];
// Registered a minute before the tick (a new schedule owes no earlier ticks), run 30 s after it.
let now = new Date(new Date(nowIso).getTime() - 90_000);
const db = createDatabase(databaseUrl, { maxConnections: 2 });
const outbox = createOutboxSender({ dir: outboxDir, from: 'Reports <r@example.test>', store: createOutboxStore(db) });
// during-send: the ledger row is committed (`sending`), then the process dies inside the send.
const sender: typeof outbox = stage === 'during-send' ? { ...outbox, send: async () => process.kill(process.pid, 'SIGKILL') as never } : outbox;
const scheduler = new JobScheduler({ db, logger: pino({ level: 'silent' }), driver: 'postgres', clock: () => now, leaseMs: 60_000 });
scheduler.register({
  name: 'crash.report',
  cron: '0 5 * * *',
  handler: async ({ scheduledFor }) => {
    await sendEmailOnce(
      { db, sender },
      { merchantId: 42, idempotencyKey: `report:${scheduledFor.toISOString()}`, email: { to: 'owner@example.test', locale: 'en', template: 'alert_triggered', model: { metric: 'Revenue', storeName: 'Crash', name: 'Owner', change: '-50%' } } },
    );
    process.kill(process.pid, 'SIGKILL');
  },
});
await scheduler.sync();
now = new Date(nowIso);
await scheduler.runOnce();
