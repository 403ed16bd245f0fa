import { cva } from 'class-variance-authority';
import { ArrowDownIcon, ArrowUpIcon, MinusIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import { formatPercent } from '../lib/format/number';
import { Card } from './card';
import { Skeleton } from './skeleton';
import { useUi } from './ui-provider';

export type Trend = 'up' | 'down' | 'flat';
export type Sentiment = 'positive' | 'negative' | 'neutral';

/**
 * Direction of the change and whether it is good. Up is good unless `invert` (canceled orders,
 * refunds, cart abandonment). Direction never depends on the writing direction.
 */
export function changeSentiment(change: number, invert = false): { trend: Trend; sentiment: Sentiment } {
  if (change === 0 || Object.is(change, -0)) return { trend: 'flat', sentiment: 'neutral' };
  const trend: Trend = change > 0 ? 'up' : 'down';
  const good = (trend === 'up') !== invert;
  return { trend, sentiment: good ? 'positive' : 'negative' };
}

const changeBadge = cva(
  'inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 font-medium text-xs tabular-nums',
  {
    variants: {
      sentiment: {
        positive: 'bg-success/12 text-success',
        negative: 'bg-destructive/12 text-destructive',
        neutral: 'bg-muted text-muted-foreground',
      },
    },
  },
);

export interface KpiCardProps {
  label: string;
  /** The formatted value ('١٢٬٣٤٠ ر.س.'); use formatMoney / formatNumber with the same locale. */
  value: ReactNode;
  /**
   * Change vs the comparison period as a ratio (0.12 = +12 %); null/undefined shows the
   * "no comparison" state (no comparison chosen, or the previous value was 0).
   */
  change?: number | null;
  /** For metrics where down is good (canceled orders, refunds): a fall is green, a rise red. */
  invert?: boolean;
  /** E.g. 'vs previous period' / 'مقارنة بالفترة السابقة'. */
  comparisonLabel?: string;
  /** Text for the no-comparison state, e.g. 'No comparison' / 'لا توجد مقارنة'. Default '—'. */
  noComparisonLabel?: string;
  /** Screen-reader words for the arrow; defaults are English, pass translations. */
  increaseLabel?: string;
  decreaseLabel?: string;
  unchangedLabel?: string;
  /** Intl locale for the percentage; defaults to UiProvider's. */
  locale?: string;
  icon?: ReactNode;
  /** Shows skeletons instead of value and change. */
  loading?: boolean;
  className?: string;
}

export function KpiCard({
  label,
  value,
  change,
  invert = false,
  comparisonLabel,
  noComparisonLabel = '—',
  increaseLabel = 'Increase',
  decreaseLabel = 'Decrease',
  unchangedLabel = 'No change',
  locale,
  icon,
  loading = false,
  className,
}: KpiCardProps) {
  const ui = useUi();
  const hasChange = typeof change === 'number' && Number.isFinite(change);
  const { trend, sentiment } = hasChange ? changeSentiment(change, invert) : { trend: undefined, sentiment: undefined };
  // Vertical arrows only: a diagonal "trending" arrow points right, which reads backwards in RTL.
  const Arrow = trend === 'up' ? ArrowUpIcon : trend === 'down' ? ArrowDownIcon : MinusIcon;
  const srTrend = trend === 'up' ? increaseLabel : trend === 'down' ? decreaseLabel : unchangedLabel;

  return (
    <Card data-slot="kpi-card" className={cn('@container min-w-0 gap-2 px-5 py-4', className)}>
      <div className="flex items-center justify-between gap-2 text-muted-foreground text-sm">
        <span className="truncate">{label}</span>
        {icon && <span className="shrink-0 [&_svg]:size-4">{icon}</span>}
      </div>
      {loading ? (
        <>
          <Skeleton className="h-8 w-32" />
          <Skeleton className="h-5 w-24" />
        </>
      ) : (
        <>
          {/* Container-sized so long money values ('SAR 482,130.50') fit narrow grid cells. */}
          <div className="truncate font-semibold text-xl tabular-nums tracking-tight @[15rem]:text-2xl">{value}</div>
          <div className="flex min-h-5 flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            {hasChange ? (
              <span
                data-slot="kpi-change"
                data-trend={trend}
                data-sentiment={sentiment}
                className={changeBadge({ sentiment })}
              >
                <Arrow className="size-3.5" aria-hidden="true" data-icon={`arrow-${trend}`} />
                <span className="sr-only">{srTrend} </span>
                {/* bdi keeps the sign attached to the number inside RTL text. */}
                <bdi>{formatPercent(Math.abs(change), locale ?? ui.locale)}</bdi>
              </span>
            ) : (
              <span data-slot="kpi-change" data-trend="none" className="text-muted-foreground">
                {noComparisonLabel}
              </span>
            )}
            {hasChange && comparisonLabel && <span className="text-muted-foreground">{comparisonLabel}</span>}
          </div>
        </>
      )}
    </Card>
  );
}
