import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect } from 'react';
import { UiProvider } from '../src/components/ui-provider';
import './preview.css';

type Lang = 'ar' | 'en';
type Theme = 'light' | 'dark';

/**
 * Sets dir, lang and the .dark class on <html> (portals such as Dialog, Select and toasts render
 * into <body>, so the document must carry them) and wraps the story in UiProvider.
 */
const withLocaleAndTheme: Decorator = (Story, context) => {
  const lang: Lang = context.globals.locale === 'en' ? 'en' : 'ar';
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dir = dir;
    root.lang = lang;
    root.classList.toggle('dark', theme === 'dark');
  }, [dir, lang, theme]);
  return (
    <UiProvider dir={dir} locale={lang === 'ar' ? 'ar-SA' : 'en-SA'}>
      <div dir={dir} lang={lang} className="bg-background p-6 font-sans text-foreground">
        <Story />
      </div>
    </UiProvider>
  );
};

const preview: Preview = {
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language and direction',
      toolbar: {
        icon: 'globe',
        items: [
          { value: 'ar', title: 'العربية (RTL)' },
          { value: 'en', title: 'English (LTR)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ar', theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
