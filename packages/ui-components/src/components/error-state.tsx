import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { cn } from '../lib/cn';
import { Button } from './button';

export interface ErrorStateProps {
  title: string;
  description?: string;
  /** Shown as a retry button when given together with retryLabel. */
  onRetry?: () => void;
  retryLabel?: string;
  /** Disables the button and spins its icon while a retry is in flight. */
  retrying?: boolean;
  /** Optional support reference (request id) shown in small print. */
  reference?: string;
  className?: string;
}

export function ErrorState({
  title,
  description,
  onRetry,
  retryLabel,
  retrying = false,
  reference,
  className,
}: ErrorStateProps) {
  return (
    <div
      data-slot="error-state"
      role="alert"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border border-destructive/30 bg-destructive/5 px-6 py-10 text-center',
        className,
      )}
    >
      <div className="flex size-11 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <TriangleAlertIcon className="size-5" aria-hidden="true" />
      </div>
      <div className="flex max-w-sm flex-col gap-1">
        <p className="font-medium">{title}</p>
        {description && <p className="text-muted-foreground text-sm">{description}</p>}
        {reference && <p className="font-mono text-muted-foreground text-xs">{reference}</p>}
      </div>
      {onRetry && retryLabel && (
        <Button variant="outline" size="sm" onClick={onRetry} disabled={retrying}>
          <RefreshCwIcon className={cn(retrying && 'animate-spin')} aria-hidden="true" />
          {retryLabel}
        </Button>
      )}
    </div>
  );
}
