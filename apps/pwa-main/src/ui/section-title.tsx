import { cn } from '@salla-analytics/ui-components';
import type { ComponentProps } from 'react';

/** A card's title as an h2 (pages have one h1; the library's CardTitle is an h3, which skips a level). */
export function SectionTitle({ className, ...props }: ComponentProps<'h2'>) {
  return <h2 data-slot="card-title" className={cn('font-semibold leading-none', className)} {...props} />;
}
