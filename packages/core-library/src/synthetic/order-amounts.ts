import { fromMinorUnits } from '../money/to-minor-units.js';

export const VAT_PERCENT = 15;

export interface LineInput {
  unitPriceMinor: number;
  quantity: number;
}

export interface LineAmounts {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface OrderAmountsMinor {
  subTotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: LineAmounts[];
}

/** Integer percentage of an integer amount, rounded half up (amounts here are never negative). */
export function percentOf(amountMinor: number, percent: number): number {
  return Math.floor((amountMinor * percent + 50) / 100);
}

/**
 * Computes an order in halalas so that, exactly,
 * total = sub_total + shipping + tax - discount, and each line's total = price * qty - discount.
 * The coupon discount is spread over lines by value; rounding leftovers go to the last line.
 * VAT applies to discounted lines and to shipping.
 */
export function computeOrderAmounts(
  lines: readonly LineInput[],
  discountPercent: number,
  shippingMinor: number,
): OrderAmountsMinor {
  const subtotals = lines.map((line) => line.unitPriceMinor * line.quantity);
  const subTotalMinor = subtotals.reduce((sum, value) => sum + value, 0);
  const discountMinor = percentOf(subTotalMinor, discountPercent);

  let allocated = 0;
  const lineAmounts = subtotals.map((subtotalMinor, index) => {
    const isLast = index === subtotals.length - 1;
    const lineDiscount = isLast
      ? discountMinor - allocated
      : Math.floor((discountMinor * subtotalMinor) / Math.max(subTotalMinor, 1));
    allocated += lineDiscount;
    const totalMinor = subtotalMinor - lineDiscount;
    return {
      subtotalMinor,
      discountMinor: lineDiscount,
      taxMinor: percentOf(totalMinor, VAT_PERCENT),
      totalMinor,
    };
  });

  const taxMinor =
    lineAmounts.reduce((sum, line) => sum + line.taxMinor, 0) + percentOf(shippingMinor, VAT_PERCENT);
  return {
    subTotalMinor,
    discountMinor,
    shippingMinor,
    taxMinor,
    totalMinor: subTotalMinor + shippingMinor + taxMinor - discountMinor,
    lines: lineAmounts,
  };
}

/** Salla's `{ amount, currency }` from halalas. */
export function sallaAmount(amountMinor: number, currency: string): { amount: number; currency: string } {
  return { amount: fromMinorUnits(amountMinor, currency), currency };
}
