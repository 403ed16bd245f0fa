import type { RecoveryCart } from '@salla-analytics/olap-repository';
import { describe, expect, it } from 'vitest';
import { renderCartRecoveryEmail, safeCheckoutUrl } from './render-cart-recovery-email.js';

const cart: RecoveryCart = {
  cartId: 1,
  customerId: 2,
  totalMinor: 25_050,
  currency: 'SAR',
  abandonedAt: new Date('2026-03-02T07:00:00Z'),
  checkoutUrl: 'https://store.example/checkout/1?x=1&y=2',
  email: 'c@example.com',
  name: 'نورة <script>',
  language: '',
  items: [{ name: 'عطر "ورد" & عود', quantity: 2, totalMinor: 25_050 }],
};

describe('cart recovery email', () => {
  it('is right to left in Arabic with the items, the SAR total and the checkout button, every value escaped', () => {
    const email = renderCartRecoveryEmail(cart, 'ar', 'متجر <b>');
    expect(email.subject).toBe('سلتك في متجر <b> بانتظارك');
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('text-align: right');
    expect(email.html).toContain('مرحباً نورة &#60;script&#62;،');
    expect(email.html).toContain('عطر &#34;ورد&#34; &#38; عود × 2');
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('href="https://store.example/checkout/1?x=1&#38;y=2"');
    expect(email.html).toContain('أكمل طلبك');
    expect(email.text).toContain('الإجمالي: ');
    expect(email.text).toContain('٢٥٠٫٥٠');
  });

  it('is left to right in English, and drops a checkout link that is not http(s)', () => {
    const email = renderCartRecoveryEmail({ ...cart, name: '', checkoutUrl: 'javascript:alert(1)' }, 'en', 'Store');
    expect(email.html).toContain('<html lang="en" dir="ltr">');
    expect(email.html).toContain('<p>Hello,</p>');
    expect(email.html).toContain('SAR\u00a0250.50');
    expect(email.html).not.toContain('href=');
    expect(email.text).not.toContain('javascript:');
    expect(safeCheckoutUrl('data:text/html,x')).toBeNull();
    expect(safeCheckoutUrl('not a url')).toBeNull();
  });
});
