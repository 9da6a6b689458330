/** plotlySafeText: the escape applied to every data-file string before it reaches Plotly. */
import { expect, test } from '@playwright/test';

import { plotlySafeText } from '../../shared/report/plotly-safe-text';

test('escapes the five HTML-significant characters', () => {
  expect(plotlySafeText('<>&"\'')).toBe('&lt;&gt;&amp;&#34;&#39;');
});

test('neutralises tags Plotly would render', () => {
  expect(plotlySafeText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(plotlySafeText('"><img src=x onerror=window.__xss=1>')).toBe(
    '&#34;&gt;&lt;img src=x onerror=window.__xss=1&gt;',
  );
  expect(plotlySafeText('<a href="javascript:alert(1)">x</a>')).not.toMatch(/[<>"]/);
  expect(plotlySafeText('<b>bold</b><br>')).toBe('&lt;b&gt;bold&lt;/b&gt;&lt;br&gt;');
});

test('escapes ampersands first-class so entities in data stay literal', () => {
  expect(plotlySafeText('&lt;')).toBe('&amp;lt;');
  expect(plotlySafeText('a & b')).toBe('a &amp; b');
});

test('leaves ordinary text unchanged', () => {
  for (const text of ['', 'age', 'région', 'x_1 (m²)', '42', 'naïve café', '日本語']) {
    expect(plotlySafeText(text)).toBe(text);
  }
});
