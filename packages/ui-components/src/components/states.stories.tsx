import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { SearchXIcon } from 'lucide-react';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Button } from './button';
import { Card, CardContent } from './card';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { Skeleton } from './skeleton';

const text = {
  ar: {
    emptyTitle: 'لا توجد طلبات في هذه الفترة',
    emptyDescription: 'جرّب فترة أطول أو أزل الفلاتر.',
    emptyAction: 'آخر ٣٠ يومًا',
    errorTitle: 'تعذر تحميل البيانات',
    errorDescription: 'حدث خطأ أثناء الاتصال بالخادم.',
    retry: 'إعادة المحاولة',
  },
  en: {
    emptyTitle: 'No orders in this period',
    emptyDescription: 'Try a longer period or clear the filters.',
    emptyAction: 'Last 30 days',
    errorTitle: 'Could not load the data',
    errorDescription: 'Something went wrong while reaching the server.',
    retry: 'Try again',
  },
};

type Args = { onRetry: () => void };

function States({ onRetry }: Args, context: StoryContext<Args>) {
  const t = text[langOf(context)];
  return (
    <div className="grid max-w-5xl gap-4 md:grid-cols-3">
      <Card>
        <CardContent className="flex flex-col gap-3" data-testid="skeleton-card">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-8 w-40" />
          <Skeleton className="h-32 w-full" />
        </CardContent>
      </Card>
      <EmptyState
        title={t.emptyTitle}
        description={t.emptyDescription}
        icon={<SearchXIcon />}
        action={
          <Button variant="outline" size="sm">
            {t.emptyAction}
          </Button>
        }
      />
      <ErrorState
        title={t.errorTitle}
        description={t.errorDescription}
        onRetry={onRetry}
        retryLabel={t.retry}
        reference="req_8f2c1a"
      />
    </div>
  );
}

const meta = {
  title: 'Feedback/Skeleton, EmptyState, ErrorState',
  render: States,
  args: { onRetry: fn() },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

async function play({ canvasElement, globals, args }: Pick<StoryContext, 'canvasElement' | 'globals'> & { args: { onRetry: ReturnType<typeof fn> } }) {
  const t = text[langOf({ globals })];
  const canvas = within(canvasElement);
  expect(canvas.getByTestId('skeleton-card').querySelectorAll('[data-slot="skeleton"][aria-hidden="true"]')).toHaveLength(3);
  expect(canvas.getByText(t.emptyTitle)).toBeVisible();
  expect(canvas.getByRole('alert')).toHaveTextContent(t.errorTitle);
  await userEvent.click(canvas.getByRole('button', { name: t.retry }));
  expect(args.onRetry).toHaveBeenCalledTimes(1);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };

export const Retrying: Story = {
  ...EnglishLtrLightGlobals,
  render: () => <ErrorState title="Could not load the data" onRetry={() => {}} retryLabel="Try again" retrying />,
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeDisabled();
  },
};
