import { AppError } from '@salla-analytics/core-library';

export type EmailLocale = 'ar' | 'en';

interface TemplateText {
  subject: string;
  /** Paragraphs; `{{name}}` placeholders are filled from the model (HTML-escaped in the HTML part). */
  body: string[];
}

/**
 * Our transactional emails, in Arabic (right to left) and English. The same text is used to
 * render locally (Postmark `/email`, the outbox) and, with `POSTMARK_SERVER_TEMPLATES`, as the
 * definition of Postmark-hosted templates with alias `<template>-<locale>` (`/email/withTemplate`).
 */
export const EMAIL_TEMPLATES = {
  backfill_completed: {
    ar: {
      subject: 'اكتمل استيراد سجل متجر {{storeName}}',
      body: [
        'مرحباً {{name}}،',
        'استوردنا سجل متجرك من سلة: {{orders}} طلب و{{products}} منتج و{{customers}} عميل.',
        'لوحة التحليلات جاهزة الآن بكامل تاريخك.',
      ],
    },
    en: {
      subject: 'Your {{storeName}} history is imported',
      body: [
        'Hello {{name}},',
        'We imported your store history from Salla: {{orders}} orders, {{products}} products and {{customers}} customers.',
        'Your analytics now cover your whole history.',
      ],
    },
  },
  alert_triggered: {
    ar: { subject: 'تنبيه: {{metric}} في متجر {{storeName}}', body: ['مرحباً {{name}}،', 'تغيّر {{metric}}: {{change}}.', 'افتح لوحة التحليلات للتفاصيل.'] },
    en: { subject: 'Alert: {{metric}} at {{storeName}}', body: ['Hello {{name}},', '{{metric}} changed: {{change}}.', 'Open your dashboard for details.'] },
  },
} as const satisfies Record<string, Record<EmailLocale, TemplateText>>;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailModel = Record<string, string | number>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function renderEmail(template: EmailTemplateName, locale: EmailLocale, model: EmailModel): RenderedEmail {
  const source = EMAIL_TEMPLATES[template]?.[locale];
  if (!source) throw new AppError('INVALID_ARGUMENT', `No email template ${template} in ${locale}`);
  const fill = (text: string, encode: (value: string) => string) =>
    text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => {
      const value = model[key];
      if (value === undefined) throw new AppError('INVALID_ARGUMENT', `Email template ${template} needs "${key}"`);
      return encode(String(value));
    });
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const paragraphs = source.body.map((line) => `<p>${fill(line, escapeHtml)}</p>`).join('\n');
  return {
    subject: fill(source.subject, (value) => value),
    html: `<!doctype html>\n<html lang="${locale}" dir="${dir}"><body style="font-family: 'IBM Plex Sans Arabic', Arial, sans-serif; direction: ${dir}; text-align: ${locale === 'ar' ? 'right' : 'left'}">\n${paragraphs}\n</body></html>`,
    text: source.body.map((line) => fill(line, (value) => value)).join('\n\n'),
  };
}

/** Postmark's alias for a template in one language. */
export function postmarkTemplateAlias(template: EmailTemplateName, locale: EmailLocale): string {
  return `${template.replaceAll('_', '-')}-${locale}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
