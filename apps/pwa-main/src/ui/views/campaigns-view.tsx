'use client';

import { Button, Card, CardContent, CardDescription, CardHeader, EmptyState } from '@salla-analytics/ui-components';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { SectionTitle } from '../section-title';
import { useApi } from '../use-api';
import type { CampaignView as Campaign } from '../../contracts/campaign-view';

export function CampaignsView({ role }: { role: string }) {
  const { t, money, number } = useAppLocale();
  const query = useApi<Campaign[]>('/api/v1/campaigns', {});
  const campaigns = query.data?.data ?? [];
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const canEdit = role === 'owner' || role === 'admin';
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t.campaigns.title}</h1>
          <p className="text-sm text-muted-foreground">{t.campaigns.help}</p>
        </div>
        {canEdit && (
          <Button asChild>
            <Link href="/campaigns/new" data-testid="new-campaign">
              <Plus aria-hidden className="size-4" />
              {t.campaigns.newCampaign}
            </Link>
          </Button>
        )}
      </header>
      <QueryBoundary loading={query.isPending} error={query.error} empty={false} onRetry={() => void query.refetch()} retrying={query.isFetching}>
        {campaigns.length === 0 ? (
          <EmptyState title={t.campaigns.none} />
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2" data-testid="campaign-list">
            {campaigns.map((campaign) => (
              <li key={campaign.id}>
                <Card data-testid="campaign-card">
                  <CardHeader className="flex flex-row items-start justify-between gap-3">
                    <div className="flex flex-col gap-1.5">
                      <SectionTitle dir="auto">{campaign.name}</SectionTitle>
                      <CardDescription>
                        {t.campaigns.rulesSummary(number(campaign.rules.delayMinutes), money(campaign.rules.minCartValueMinor, currency), number(campaign.rules.maxAttempts))}
                      </CardDescription>
                    </div>
                    <span
                      className={
                        campaign.status === 'active'
                          ? 'rounded-full bg-success/15 px-2.5 py-0.5 text-xs font-medium text-success'
                          : 'rounded-full bg-muted px-2.5 py-0.5 text-xs font-medium text-muted-foreground'
                      }
                      data-testid="campaign-status"
                    >
                      {t.campaigns.statuses[campaign.status]}
                    </span>
                  </CardHeader>
                  <CardContent className="flex flex-col gap-4">
                    <CampaignStats campaign={campaign} currency={currency} />
                    {canEdit && (
                      <div>
                        <Button asChild variant="outline" size="sm">
                          <Link href={`/campaigns/${campaign.id}`}>{t.campaigns.edit}</Link>
                        </Button>
                      </div>
                    )}
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryBoundary>
    </>
  );
}

/** A campaign's results: emails sent, carts emailed, recovered carts, recovered revenue (halalas shown in the store currency). */
export function CampaignStats({ campaign, currency }: { campaign: Campaign; currency: string }) {
  const { t, money, number } = useAppLocale();
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Stat label={t.campaigns.sent} value={number(campaign.stats.emailsSent)} testId="stat-sent" />
      <Stat label={t.campaigns.cartsEmailed} value={number(campaign.stats.cartsEmailed)} testId="stat-carts" />
      <Stat label={t.campaigns.recoveredCarts} value={number(campaign.stats.recoveredCarts)} testId="stat-recovered" />
      <Stat label={t.campaigns.recoveredRevenue} value={money(campaign.stats.recoveredRevenueMinor, currency)} testId="stat-revenue" />
    </dl>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md bg-muted/50 p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
