import { DEFAULT_TIME_ZONE, type WeekStart } from '@salla-analytics/core-library';
import { type Database, getMerchant } from '@salla-analytics/database-schema';

export interface StoreSettings {
  merchantId: number;
  name: string;
  timeZone: string;
  weekStart: WeekStart;
  locale: 'ar' | 'en';
  currency: string;
}

// Settings change rarely and every request needs them: a short in-process memo, dropped on PATCH.
const memo = new Map<number, { at: number; settings: StoreSettings }>();
const MEMO_MS = 10_000;

export async function loadStoreSettings(db: Database, merchantId: number): Promise<StoreSettings> {
  const hit = memo.get(merchantId);
  if (hit && Date.now() - hit.at < MEMO_MS) return hit.settings;
  const merchant = await getMerchant(db, merchantId);
  const settings: StoreSettings = {
    merchantId,
    name: merchant?.name ?? String(merchantId),
    timeZone: merchant?.timeZone ?? DEFAULT_TIME_ZONE,
    weekStart: merchant?.weekStart ?? 'saturday',
    locale: merchant?.locale ?? 'ar',
    currency: merchant?.currency ?? 'SAR',
  };
  memo.set(merchantId, { at: Date.now(), settings });
  return settings;
}

export function forgetStoreSettings(merchantId: number): void {
  memo.delete(merchantId);
}
