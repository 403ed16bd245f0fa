import { Direction } from 'radix-ui';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { directionOf } from '../lib/format/locale';

export type Dir = 'ltr' | 'rtl';

export interface UiContextValue {
  /** Intl locale used by components that format numbers and dates (e.g. 'ar-SA', 'en-SA'). */
  locale: string;
  dir: Dir;
}

const UiContext = createContext<UiContextValue>({ locale: 'ar-SA', dir: 'rtl' });

export interface UiProviderProps {
  /** Intl locale for formatting; 'ar-SA' gives Arabic-Indic digits, 'ar-SA-u-nu-latn' Latin ones. */
  locale: string;
  /** Defaults to the locale's direction. Set the same `dir` on <html> so portals follow it. */
  dir?: Dir;
  children: ReactNode;
}

/**
 * Locale and direction for every component below it: Radix primitives read the direction from
 * Radix's DirectionProvider (menus, tabs and selects then order and key-navigate correctly in RTL),
 * charts and formatters read the locale from here unless a prop overrides it.
 */
export function UiProvider({ locale, dir, children }: UiProviderProps) {
  const resolvedDir = dir ?? directionOf(locale);
  const value = useMemo(() => ({ locale, dir: resolvedDir }), [locale, resolvedDir]);
  return (
    <UiContext.Provider value={value}>
      <Direction.Provider dir={resolvedDir}>{children}</Direction.Provider>
    </UiContext.Provider>
  );
}

/** The locale and direction from the nearest UiProvider (default: ar-SA, rtl). */
export function useUi(): UiContextValue {
  return useContext(UiContext);
}
