import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyRange } from './money-format.js';

describe('money format', () => {
  it('writes compact amounts with the currency symbol or code', () => {
    expect(formatMoney(150_000, 'USD')).toBe('$150K');
    expect(formatMoney(45_000, 'GBP')).toBe('£45K');
    expect(formatMoney(60_500, 'EUR')).toBe('€61K');
    expect(formatMoney(9_500, 'USD')).toBe('$9.5K');
    expect(formatMoney(1_250_000, 'USD')).toBe('$1.3M');
    expect(formatMoney(130_000, 'CHF')).toBe('CHF 130K');
    expect(formatMoney(120_000, 'CAD')).toBe('CA$120K');
    expect(formatMoney(800, null)).toBe('800');
  });

  it('uses lakh and crore for Indian-numbering currencies', () => {
    expect(formatMoney(1_200_000, 'INR')).toBe('₹12L');
    expect(formatMoney(12_000_000, 'INR')).toBe('₹1.2Cr');
    expect(formatMoney(2_500_000, 'PKR')).toBe('PKR 25L');
  });

  it('writes ranges, single values and open bounds', () => {
    expect(formatMoneyRange(150_000, 180_000, 'USD')).toBe('$150K-$180K');
    expect(formatMoneyRange(150_000, 150_400, 'USD')).toBe('$150K');
    expect(formatMoneyRange(150_000, null, 'USD')).toBe('$150K+');
    expect(formatMoneyRange(null, 120_000, 'USD')).toBe('up to $120K');
  });
});
