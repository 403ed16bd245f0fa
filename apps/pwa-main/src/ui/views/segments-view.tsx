'use client';

import type { SegmentMember } from '@salla-analytics/olap-repository';
import { Button, Card, CardContent, CardDescription, CardHeader, DataTable, type DataTableColumn, toast } from '@salla-analytics/ui-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ExportButton } from '../export-button';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { SectionTitle } from '../section-title';
import { fetchApi, useApi } from '../use-api';
import { SegmentForm } from './segment-form';

interface RfmSummary {
  segment: string;
  customers: number;
  share: number;
  avgMonetaryMinor: number;
}

interface SavedSegment {
  id: string;
  name: string;
  members: number;
}

/** A member as the API sends it (dates as ISO text). */
type Member = Omit<SegmentMember, 'lastOrderAt'> & { lastOrderAt: string };

const PAGE = 25;

export function SegmentsView({ role }: { role: string }) {
  const { t, number, percent, money } = useAppLocale();
  const client = useQueryClient();
  const canEdit = role === 'owner' || role === 'admin';
  const segments = useApi<{ rfm: RfmSummary[]; custom: SavedSegment[] }>('/api/v1/segments', {});
  const [selected, setSelected] = useState<{ key: string | undefined; label: string }>({ key: undefined, label: t.segmentsPage.allCustomers });
  const currency = 'SAR';

  const remove = async (segment: SavedSegment) => {
    await fetchApi('/api/v1/segments', { id: segment.id }, { method: 'DELETE' });
    toast.success(t.segmentsPage.deleted);
    if (selected.key === segment.id) setSelected({ key: undefined, label: t.segmentsPage.allCustomers });
    await client.invalidateQueries({ queryKey: ['/api/v1/segments'] });
  };

  const rfmColumns: DataTableColumn<RfmSummary>[] = [
    { id: 'segment', header: t.segmentsPage.columns.segment, accessor: (r) => t.segments[r.segment] ?? r.segment },
    { id: 'customers', header: t.segmentsPage.columns.customers, accessor: (r) => r.customers, cell: (r) => number(r.customers), align: 'end' },
    { id: 'share', header: t.segmentsPage.columns.share, accessor: (r) => r.share, cell: (r) => percent(r.share), align: 'end' },
    { id: 'avg', header: t.segmentsPage.columns.avgSpend, accessor: (r) => r.avgMonetaryMinor, cell: (r) => money(r.avgMonetaryMinor, currency), align: 'end' },
    {
      id: 'members',
      header: t.segmentsPage.members,
      accessor: () => '',
      cell: (r) => (
        <Button
          variant="link"
          size="sm"
          disabled={r.customers === 0}
          aria-label={`${t.segmentsPage.viewMembers}: ${t.segments[r.segment] ?? r.segment}`}
          onClick={() => setSelected({ key: r.segment, label: t.segments[r.segment] ?? r.segment })}
        >
          {t.segmentsPage.view}
        </Button>
      ),
    },
  ];

  return (
    <>
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t.pages.segments}</h1>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <SectionTitle>{t.segmentsPage.rfmTitle}</SectionTitle>
            <CardDescription>{t.segmentsPage.rfmHelp}</CardDescription>
          </CardHeader>
          <CardContent>
            <QueryBoundary loading={segments.isPending} error={segments.error} empty={false} onRetry={() => void segments.refetch()} retrying={segments.isFetching}>
              <DataTable columns={rfmColumns} data={segments.data?.data.rfm ?? []} labels={t.table} getRowId={(r) => r.segment} pageSize={11} csvFilename="rfm-segments" />
            </QueryBoundary>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <SectionTitle>{t.segmentsPage.customTitle}</SectionTitle>
            <CardDescription>{t.segmentsPage.customHelp}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <QueryBoundary loading={segments.isPending} error={segments.error} empty={false} onRetry={() => void segments.refetch()} retrying={segments.isFetching}>
              {(segments.data?.data.custom ?? []).length === 0 ? (
                <p className="text-sm text-muted-foreground">{t.segmentsPage.noCustom}</p>
              ) : (
                <ul className="divide-y divide-border" data-testid="custom-segments">
                  {(segments.data?.data.custom ?? []).map((segment) => (
                    <li key={segment.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="font-medium" dir="auto">{segment.name}</span>
                      <span className="flex items-center gap-2">
                        <span className="text-sm text-muted-foreground tabular-nums">{t.segmentsPage.total(number(segment.members))}</span>
                        <Button variant="outline" size="sm" onClick={() => setSelected({ key: segment.id, label: segment.name })}>
                          {t.segmentsPage.viewMembers}
                        </Button>
                        {canEdit && (
                          <Button variant="ghost" size="sm" onClick={() => void remove(segment)}>
                            {t.segmentsPage.delete}
                          </Button>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </QueryBoundary>
            {canEdit ? <SegmentForm /> : <p className="rounded-md bg-muted p-3 text-sm">{t.segmentsPage.readOnly}</p>}
          </CardContent>
        </Card>
      </div>
      <MembersCard segment={selected.key} label={selected.label} />
    </>
  );
}

function MembersCard({ segment, label }: { segment: string | undefined; label: string }) {
  const { t, number, money, date } = useAppLocale();
  const [offset, setOffset] = useState(0);
  const [forSegment, setForSegment] = useState(segment);
  if (forSegment !== segment) {
    setForSegment(segment);
    setOffset(0);
  }
  const query = useApi<{ total: number; members: Member[] }>('/api/v1/segments/members', { segment, limit: PAGE, offset });
  const page = query.data?.data;
  const columns: DataTableColumn<Member>[] = [
    { id: 'name', header: t.segmentsPage.columns.name, accessor: (r) => r.name || `#${r.customerId}` },
    { id: 'email', header: t.segmentsPage.columns.email, accessor: (r) => r.email, cell: (r) => <span dir="ltr">{r.email}</span> },
    { id: 'city', header: t.segmentsPage.columns.city, accessor: (r) => r.city },
    { id: 'orders', header: t.segmentsPage.columns.orders, accessor: (r) => r.orders, cell: (r) => number(r.orders), align: 'end' },
    { id: 'spend', header: t.segmentsPage.columns.spend, accessor: (r) => r.spendMinor / 100, cell: (r) => money(r.spendMinor, 'SAR'), align: 'end' },
    { id: 'last', header: t.segmentsPage.columns.lastOrder, accessor: (r) => r.lastOrderAt, cell: (r) => date(r.lastOrderAt.slice(0, 10)) },
    { id: 'segment', header: t.segmentsPage.columns.segment, accessor: (r) => t.segments[r.rfmSegment] ?? r.rfmSegment },
  ];
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <SectionTitle data-testid="members-title">{t.segmentsPage.membersOf(label)}</SectionTitle>
        <div className="flex flex-wrap items-center gap-3">
          {page && <span className="text-sm text-muted-foreground tabular-nums" data-testid="members-total">{t.segmentsPage.total(number(page.total))}</span>}
          {/* Every member (not just this page), as CSV or Excel, through the export jobs. */}
          <ExportButton table="segment_members" filters={{ segmentId: segment }} />
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <QueryBoundary loading={query.isPending} error={query.error} empty={page?.total === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {page && page.members.length > 0 && (
            <DataTable columns={columns} data={page.members} labels={t.table} getRowId={(r) => String(r.customerId)} pageSize={PAGE} csvFilename="segment-members" csvScope="page" />
          )}
        </QueryBoundary>
        {page && page.total > PAGE && (
          <div className="flex items-center justify-end gap-2">
            <Button variant="outline" size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(offset - PAGE, 0))}>
              {t.segmentsPage.previous}
            </Button>
            <span className="text-sm tabular-nums">
              {number(offset + 1)}–{number(Math.min(offset + PAGE, page.total))}
            </span>
            <Button variant="outline" size="sm" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              {t.segmentsPage.next}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
