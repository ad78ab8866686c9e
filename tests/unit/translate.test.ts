// Main-side wording (documents, exports, errors) picks plural forms as the
// screens do, so a printed report never shows a bare key or "1 days".
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/translate';

describe('translate', () => {
  it.each([
    ['en', 1, '1 day'],
    ['en', 0, '0 days'],
    ['en', 3, '3 days'],
    ['zh-CN', 1, '1 天'],
    ['zh-CN', 3, '3 天'],
  ] as const)('words %s with count %d as "%s"', (language, count, expected) => {
    expect(translate(language, 'figures.reports.days', { days: String(count), count })).toBe(expected);
  });

  it('uses the other form for a count the rules do not name, and the plain key without a count', () => {
    expect(translate('en', 'figures.reports.days', { days: '8+', count: 8 })).toBe('8+ days');
    expect(translate('en', 'figures.reports.partsUsed', { count: 2 })).toBe('Parts used');
    expect(translate('en', 'figures.reports.no_such_key')).toBe('figures.reports.no_such_key');
  });
});
