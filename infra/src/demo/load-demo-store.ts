import { generateStore, type SallaWebhookDelivery, toLocalDate, toWebhookDeliveries } from '@salla-analytics/core-library';
import { countDeliveriesByStatus, createDatabase, type Database, listDeadLetters, upsertMerchant } from '@salla-analytics/database-schema';
import { z } from 'zod';
import type { StackEnv } from '../env.js';
import type { LocalStack, StackLog } from '../local-stack/start-stack.js';
import { SignedWebhookSender, signDeliveries } from '../load/signed-webhook-sender.js';

export interface DemoStoreSummary {
  merchantId: number;
  loaded: boolean;
  orders: number;
  products: number;
  customers: number;
  fromDate: string;
  toDate: string;
  /** Deliveries sent through the pipeline, and how fast (sent → all processed). */
  deliveries?: number;
  deliveriesPerSecond?: number;
}

const countsSchema = z.array(
  z.object({
    orders: z.coerce.number(),
    products: z.coerce.number(),
    customers: z.coerce.number(),
    first_day: z.string(),
    last_day: z.string(),
  }),
);

/**
 * Fills the demo store (a generated Saudi store, deterministic by DEMO_SEED) once, the way Salla
 * would: every generated webhook delivery is signed with the stack's webhook secret and POSTed
 * to the running pipeline service, then we wait until its queue has drained and the analytics
 * counts match the generator. A store that already has orders is left alone.
 */
export async function loadDemoStore(stack: LocalStack, env: StackEnv, log: StackLog): Promise<DemoStoreSummary> {
  const merchantId = env.DEMO_MERCHANT_ID;
  const existing = await analyticsCounts(stack, merchantId);
  if (existing && existing.orders > 0) {
    return {
      merchantId,
      loaded: false,
      orders: existing.orders,
      products: existing.products,
      customers: existing.customers,
      fromDate: existing.first_day,
      toDate: existing.last_day,
    };
  }

  // Whole minutes: with the seed, anyone can regenerate the same store and check the numbers.
  const endDate = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  log(
    `generating demo store ${merchantId} (${env.DEMO_MONTHS} months up to ${endDate.toISOString()}, ~${env.DEMO_ORDERS_PER_MONTH} orders/month, seed ${env.DEMO_SEED})…`,
  );
  const store = generateStore({
    seed: env.DEMO_SEED,
    merchantId,
    months: env.DEMO_MONTHS,
    endDate,
    ordersPerMonth: env.DEMO_ORDERS_PER_MONTH,
  });
  const deliveries = toWebhookDeliveries(store);
  const db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
  try {
    await upsertMerchant(db, { id: merchantId, name: 'متجر العرض — Demo Store', domain: 'demo.salla.sa', currency: 'SAR', timeZone: store.timeZone });
    log(`sending ${deliveries.length} signed webhook deliveries to ${stack.pipelineUrl}/webhooks/salla…`);
    const started = performance.now();
    await sendDeliveries(stack, deliveries, (sent) => log(`  ${sent} / ${deliveries.length} accepted`));
    const acceptedAfter = (performance.now() - started) / 1000;
    log(`all ${deliveries.length} accepted in ${acceptedAfter.toFixed(1)} s; waiting for the queue to drain…`);
    await waitUntilLoaded(stack, db, merchantId, { orders: store.orders.length, products: store.products.length, customers: store.customers.length });
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(deliveries.length / seconds);
    log(`demo store processed through the pipeline: ${deliveries.length} deliveries in ${seconds.toFixed(1)} s (${rate} deliveries/s end to end)`);
    return {
      merchantId,
      loaded: true,
      orders: store.orders.length,
      products: store.products.length,
      customers: store.customers.length,
      fromDate: toLocalDate(store.startDate, store.timeZone),
      toDate: toLocalDate(store.endDate, store.timeZone),
      deliveries: deliveries.length,
      deliveriesPerSecond: rate,
    };
  } finally {
    await db.$disconnect();
  }
}

/** POSTs every delivery, signed, 64 at a time over keep-alive connections; anything but 200 is retried (as Salla would). */
async function sendDeliveries(stack: LocalStack, deliveries: SallaWebhookDelivery[], progress: (sent: number) => void): Promise<void> {
  const step = Math.max(5_000, Math.ceil(deliveries.length / 10 / 1000) * 1000);
  const sender = new SignedWebhookSender(stack.pipelineUrl);
  try {
    await sender.sendAll(signDeliveries(deliveries, stack.webhookSecret), {
      concurrency: 64,
      onAccepted: (accepted) => {
        if (accepted % step === 0) progress(accepted);
      },
    });
  } finally {
    sender.close();
  }
}

async function waitUntilLoaded(
  stack: LocalStack,
  db: Database,
  merchantId: number,
  expected: { orders: number; products: number; customers: number },
): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const inbox = await countDeliveriesByStatus(db, merchantId);
    if (inbox.received + inbox.queued === 0) {
      const deadLetters = await listDeadLetters(db, { merchantId, limit: 1 });
      if (deadLetters.length > 0) {
        throw new Error(`demo deliveries were dead-lettered (e.g. ${deadLetters[0]?.reason}); see pnpm admin dead-letters list --json`);
      }
      const counts = await analyticsCounts(stack, merchantId);
      if (counts && counts.orders === expected.orders && counts.products === expected.products && counts.customers === expected.customers) return;
    }
    if (Date.now() > deadline) throw new Error('the demo store did not finish loading within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function analyticsCounts(stack: LocalStack, merchantId: number) {
  const counts = await stack.analytics.query({
    query: `SELECT
        (SELECT count() FROM orders FINAL WHERE merchant_id = {m:UInt64}) AS orders,
        (SELECT count() FROM products FINAL WHERE merchant_id = {m:UInt64}) AS products,
        (SELECT count() FROM customers FINAL WHERE merchant_id = {m:UInt64}) AS customers,
        (SELECT toString(toDate(min(created_at), 'Asia/Riyadh')) FROM orders WHERE merchant_id = {m:UInt64}) AS first_day,
        (SELECT toString(toDate(max(created_at), 'Asia/Riyadh')) FROM orders WHERE merchant_id = {m:UInt64}) AS last_day`,
    query_params: { m: merchantId },
    format: 'JSONEachRow',
  });
  const [row] = countsSchema.parse(await counts.json());
  return row;
}
