import { describe, expect, it } from '@jest/globals';

import { wholePercentLabel } from './chart-theme';

describe('wholePercentLabel', () => {
  it('rounds a figure to whole percent with a no-break space before the sign', () => {
    expect(wholePercentLabel(42.5)).toBe('43\u00a0%');
    expect(wholePercentLabel(0)).toBe('0\u00a0%');
    expect(wholePercentLabel(99.4)).toBe('99\u00a0%');
  });

  it('gives no label where the column has no figure', () => {
    expect(wholePercentLabel(null)).toBe('');
    expect(wholePercentLabel(undefined)).toBe('');
    expect(wholePercentLabel('42')).toBe('');
  });
});
