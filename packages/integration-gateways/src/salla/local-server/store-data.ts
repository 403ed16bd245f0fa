import type { SallaCustomer, SallaOrder, SallaProduct } from '@salla-analytics/core-library';
import { toSallaWire } from './wire-format.js';

export type LocalResource = 'orders' | 'products' | 'customers';

interface Entry {
  id: number;
  /** Sort key: newest first, like Salla's lists. */
  at: number;
  json: string;
  summary?: string;
}

/** One resource of one store, kept as wire JSON (serialized once) in Salla's list order: newest first. */
export class ResourceList {
  readonly #byId = new Map<number, Entry>();
  #order: Entry[] = [];

  put(id: number, at: number, wire: Record<string, unknown>, summary?: Record<string, unknown>): void {
    const entry: Entry = { id, at, json: JSON.stringify(wire), ...(summary ? { summary: JSON.stringify(summary) } : {}) };
    const existing = this.#byId.get(id);
    this.#byId.set(id, entry);
    if (existing && existing.at === at) {
      this.#order[this.#indexOf(existing)] = entry;
      return;
    }
    if (existing) this.#order.splice(this.#indexOf(existing), 1);
    this.#order.splice(this.#insertionIndex(entry), 0, entry);
  }

  delete(id: number): boolean {
    const existing = this.#byId.get(id);
    if (!existing) return false;
    this.#byId.delete(id);
    this.#order.splice(this.#indexOf(existing), 1);
    return true;
  }

  get(id: number): string | undefined {
    return this.#byId.get(id)?.json;
  }

  get size(): number {
    return this.#order.length;
  }

  page(page: number, perPage: number, summaries: boolean): string[] {
    return this.#order.slice((page - 1) * perPage, page * perPage).map((entry) => (summaries ? (entry.summary ?? entry.json) : entry.json));
  }

  ids(): number[] {
    return this.#order.map((entry) => entry.id);
  }

  // Newest first: larger `at` first, then larger id.
  #before(a: Entry, b: Entry): boolean {
    return a.at > b.at || (a.at === b.at && a.id > b.id);
  }

  #insertionIndex(entry: Entry): number {
    let low = 0;
    let high = this.#order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#before(this.#order[mid] as Entry, entry)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  #indexOf(entry: Entry): number {
    const index = this.#insertionIndex(entry);
    // Same sort key: scan the short run of equal keys.
    for (let i = Math.max(0, index - 1); i < this.#order.length; i++) if (this.#order[i]?.id === entry.id) return i;
    return this.#order.findIndex((candidate) => candidate.id === entry.id);
  }
}

/** One store's catalogue as the Admin API serves it. */
export class LocalStoreData {
  readonly orders = new ResourceList();
  readonly products = new ResourceList();
  readonly customers = new ResourceList();

  putOrder(order: SallaOrder): void {
    const wire = toSallaWire(order) as Record<string, unknown>;
    // What a list may carry instead of the full order (the client then reads /orders/{id}).
    const summary = { id: wire.id, reference_id: wire.reference_id, date: wire.date, status: wire.status, total: (wire.amounts as { total?: unknown } | undefined)?.total };
    this.orders.put(order.id, order.date?.getTime() ?? 0, wire, summary);
  }

  putProduct(product: SallaProduct): void {
    this.products.put(product.id, product.created_at?.getTime() ?? 0, toSallaWire(product) as Record<string, unknown>);
  }

  putCustomer(customer: SallaCustomer): void {
    this.customers.put(customer.id, customer.created_at?.getTime() ?? 0, toSallaWire(customer) as Record<string, unknown>);
  }
}
