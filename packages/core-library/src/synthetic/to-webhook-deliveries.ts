import { tzOffset } from '@date-fns/tz';
import type { SallaWebhookDelivery } from '../salla/envelope.js';
import type { SallaOrder } from '../salla/order.js';
import { DEFAULT_TIME_ZONE } from '../time/time-zone.js';
import { toLocalDateTime } from '../time/zoned-time.js';
import { statusObject } from './generate-orders.js';
import type { SyntheticStore } from './generate-store.js';
import type { StatusStep } from './order-lifecycle.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

interface Pending {
  at: number;
  /** Tie-break for equal instants: things must exist before they are referred to. */
  rank: number;
  event: string;
  data: Record<string, unknown>;
}

/**
 * The store as the webhook bodies Salla would have sent, oldest first: app.store.authorize,
 * then product.created, customer.created, order.created (with the status at creation),
 * order.status.updated for each later status (plus order.cancelled / order.refunded), and
 * abandoned.cart once a cart has been idle. Bodies are JSON-ready: envelope `created_at` is
 * Riyadh wall time like Salla's, dates inside `data` are `{ date, timezone_type, timezone }`.
 */
export function toWebhookDeliveries(store: SyntheticStore): SallaWebhookDelivery[] {
  const wire = new WireFormatter(store.timeZone);
  const pending: Pending[] = [];
  const push = (at: number, rank: number, event: string, data: unknown) =>
    pending.push({ at, rank, event, data: wire.value(data) as Record<string, unknown> });

  for (const product of store.products)
    push(Number(product.created_at ?? store.startDate), 1, 'product.created', product);
  for (const customer of store.customers)
    push(Number(customer.created_at ?? store.startDate), 2, 'customer.created', customer);

  const ordersById = new Map(store.orders.map((order) => [order.id, order]));
  const seen = new Set<number>();
  for (const change of store.statusHistory) {
    const order = ordersById.get(change.orderId);
    if (order === undefined) continue;
    const slug = change.slug as StatusStep['slug'];
    const at = change.at.getTime();
    if (!seen.has(order.id)) {
      seen.add(order.id);
      push(at, 3, 'order.created', { ...order, status: statusObject(slug), updated_at: change.at });
      continue;
    }
    push(at, 4, 'order.status.updated', {
      id: order.id,
      reference_id: order.reference_id,
      status: statusObject(slug),
      order: { id: order.id, reference_id: order.reference_id },
    });
    if (slug === 'canceled' || slug === 'refunded') {
      const event = slug === 'canceled' ? 'order.cancelled' : 'order.refunded';
      push(at, 5, event, {
        ...order,
        status: statusObject(slug),
        updated_at: change.at,
      } satisfies SallaOrder);
    }
  }

  for (const cart of store.carts) {
    const idleSince = Number(cart.updated_at ?? cart.created_at ?? store.startDate);
    push(idleSince + (cart.age_in_minutes ?? 0) * 60_000, 6, 'abandoned.cart', cart);
  }

  pending.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const first = pending[0]?.at ?? store.startDate.getTime();
  const installedAt = Math.min(first, store.startDate.getTime()) - 60_000;
  const deliveries: SallaWebhookDelivery[] = [
    {
      event: 'app.store.authorize',
      merchant: store.merchantId,
      created_at: wire.envelopeDate(installedAt),
      data: {
        id: 1_911_645_512,
        app_name: 'Salla Analytics',
        access_token: `synthetic-access-${store.merchantId}`,
        refresh_token: `synthetic-refresh-${store.merchantId}`,
        expires: Math.floor(installedAt / 1000) + 14 * 24 * 3600,
        scope: 'settings.read orders.read products.read customers.read webhooks.read_write offline_access',
        token_type: 'bearer',
      },
    },
  ];
  for (const item of pending) {
    deliveries.push({
      event: item.event,
      merchant: store.merchantId,
      created_at: wire.envelopeDate(item.at),
      data: item.data,
    });
  }
  return deliveries;
}

/** Turns parsed values back into Salla's wire shapes (Dates become PHP-style date objects). */
class WireFormatter {
  readonly #timeZone: string;
  readonly #offsets = new Map<string, number | null>();
  readonly #days = new Map<number, string>();

  constructor(timeZone: string) {
    this.#timeZone = timeZone;
  }

  envelopeDate(at: number): string {
    return this.#wallTime(at, DEFAULT_TIME_ZONE);
  }

  value(input: unknown): unknown {
    if (input instanceof Date) {
      return {
        date: `${this.#wallTime(input.getTime(), this.#timeZone)}.000000`,
        timezone_type: 3,
        timezone: this.#timeZone,
      };
    }
    if (Array.isArray(input)) return input.map((entry) => this.value(entry));
    if (typeof input === 'object' && input !== null) {
      const output: Record<string, unknown> = {};
      const record = input as Record<string, unknown>;
      for (const key in record) {
        const entry = record[key];
        if (entry !== undefined) output[key] = this.value(entry);
      }
      return output;
    }
    return input;
  }

  // tzOffset goes through Intl and costs microseconds; ~10^5 deliveries need a cache. Offsets
  // are cached per UTC hour and trusted only when the hour has one offset throughout (no DST
  // change inside it); local day strings are cached per local day.
  #wallTime(at: number, timeZone: string): string {
    const hour = Math.floor(at / HOUR);
    const key = `${timeZone}|${hour}`;
    let offset = this.#offsets.get(key);
    if (offset === undefined) {
      const atStart = tzOffset(timeZone, new Date(hour * HOUR));
      const atEnd = tzOffset(timeZone, new Date((hour + 1) * HOUR - 1));
      offset = atStart === atEnd ? atStart : null;
      this.#offsets.set(key, offset);
    }
    if (offset === null) return toLocalDateTime(new Date(at), timeZone);
    const local = at + offset * 60_000;
    const dayIndex = Math.floor(local / DAY);
    let day = this.#days.get(dayIndex);
    if (day === undefined) {
      day = new Date(dayIndex * DAY).toISOString().slice(0, 10);
      this.#days.set(dayIndex, day);
    }
    const seconds = Math.floor((local - dayIndex * DAY) / 1000);
    return `${day} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
