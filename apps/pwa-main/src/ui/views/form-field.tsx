'use client';

import { cn } from '@salla-analytics/ui-components';
import { type ComponentProps, type ReactNode, useId } from 'react';

/** A labelled form row (label beside the control on wide screens, above it on phones). */
export function FormField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="grid gap-1.5 sm:grid-cols-[16rem_1fr] sm:items-center">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

export function TextInput({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50 sm:w-72',
        className,
      )}
      {...props}
    />
  );
}
