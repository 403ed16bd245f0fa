import type { ComponentProps, CSSProperties } from 'react';
import { Toaster as Sonner, toast } from 'sonner';
import { useUi } from './ui-provider';

/** Logical positions; mapped to sonner's physical ones by direction. */
export type ToasterPosition = 'top-start' | 'top-center' | 'top-end' | 'bottom-start' | 'bottom-center' | 'bottom-end';

export interface ToasterProps extends Omit<ComponentProps<typeof Sonner>, 'position' | 'dir' | 'theme'> {
  /** Default 'bottom-end': bottom-right in LTR, bottom-left in RTL. */
  position?: ToasterPosition;
  /** 'system' follows prefers-color-scheme; default reads the `.dark` class on <html>. */
  theme?: 'light' | 'dark' | 'system';
}

function physical(position: ToasterPosition, dir: 'ltr' | 'rtl') {
  const [y, x] = position.split('-') as ['top' | 'bottom', 'start' | 'center' | 'end'];
  if (x === 'center') return `${y}-center` as const;
  const right = (x === 'end') === (dir === 'ltr');
  return `${y}-${right ? 'right' : 'left'}` as const;
}

/** Mount once near the root; call `toast('…')`, `toast.success`, `toast.error` anywhere. */
export function Toaster({ position = 'bottom-end', theme, ...props }: ToasterProps) {
  const { dir } = useUi();
  const resolvedTheme =
    theme ?? (typeof document !== 'undefined' && document.documentElement.classList.contains('dark') ? 'dark' : 'light');
  return (
    <Sonner
      dir={dir}
      position={physical(position, dir)}
      theme={resolvedTheme}
      style={
        {
          '--normal-bg': 'var(--color-popover)',
          '--normal-text': 'var(--color-popover-foreground)',
          '--normal-border': 'var(--color-border)',
          fontFamily: 'var(--font-sans)',
        } as CSSProperties
      }
      {...props}
    />
  );
}

export { toast };
