import { bench, describe } from 'vitest';
import { generateStore } from './generate-store.js';
import { toWebhookDeliveries } from './to-webhook-deliveries.js';

const options = {
  seed: 1,
  merchantId: 1,
  months: 12,
  endDate: new Date('2025-11-30T20:00:00Z'),
  ordersPerMonth: 3000,
};

describe('synthetic store, 12 months x 3000 orders', () => {
  bench(
    'generateStore',
    () => {
      generateStore(options);
    },
    { iterations: 3 },
  );

  const store = generateStore(options);
  bench(
    'toWebhookDeliveries',
    () => {
      toWebhookDeliveries(store);
    },
    { iterations: 3 },
  );
});
