import type { ComponentProps } from 'react';
import { cn } from '../lib/cn';

/** A pulsing placeholder block; size it with classes (h-4 w-24 …). */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-muted', className)}
      {...props}
    />
  );
}
