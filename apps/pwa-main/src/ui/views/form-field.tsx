'use client';

import { cn, Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@salla-analytics/ui-components';
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

/** The app's select: options as [value, label] pairs (the same control in every settings card). */
export function Choice({ id, value, options, onChange, disabled }: { id: string; value: string; options: string[][]; onChange: (v: string) => void; disabled?: boolean }) {
  return (
    <Select value={value} onValueChange={onChange} disabled={disabled ?? false}>
      <SelectTrigger id={id} className="w-full sm:w-72">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map(([v, label]) => (
          <SelectItem key={v} value={v as string}>
            {label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
