import type { Messages } from '../../i18n/messages';

/** Display name of a breakdown key (payment method slug, status slug or city as stored). */
export function breakdownLabel(t: Messages, dimension: 'payment_method' | 'city' | 'status', key: string): string {
  if (key === '') return t.unknown;
  if (dimension === 'payment_method') return t.payment[key] ?? key;
  if (dimension === 'status') return t.status[key] ?? key;
  return key;
}
