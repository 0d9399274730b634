/** Compact money for reasons: $150K, £45K, €60K, CA$120K, ₹12L, ₹1.2Cr, CHF 130K. */

const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  GBP: '£',
  EUR: '€',
  INR: '₹',
  JPY: '¥',
  KRW: '₩',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  SGD: 'S$',
  HKD: 'HK$',
  MXN: 'MX$',
  BRL: 'R$',
  ILS: '₪',
  PHP: '₱',
  NGN: '₦',
};

/** Currencies whose amounts are read in lakh (1e5) and crore (1e7). */
const LAKH_CURRENCIES = new Set(['INR', 'PKR', 'NPR', 'BDT', 'LKR']);

const LAKH = 1e5;
const CRORE = 1e7;

function trimmedDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function compactWestern(amount: number): string {
  if (amount >= 1e9) return `${trimmedDecimal(amount / 1e9)}B`;
  if (amount >= 1e6) return `${trimmedDecimal(amount / 1e6)}M`;
  if (amount >= 1e4) return `${Math.round(amount / 1e3)}K`;
  if (amount >= 1e3) return `${trimmedDecimal(amount / 1e3)}K`;
  return String(Math.round(amount));
}

function compactLakh(amount: number): string {
  if (amount >= CRORE) return `${trimmedDecimal(amount / CRORE)}Cr`;
  if (amount >= LAKH) return `${trimmedDecimal(amount / LAKH)}L`;
  return compactWestern(amount);
}

export function formatMoney(amount: number, currency: string | null): string {
  const code = currency?.toUpperCase() ?? null;
  const digits = code !== null && LAKH_CURRENCIES.has(code) ? compactLakh(amount) : compactWestern(amount);
  if (code === null) return digits;
  const symbol = SYMBOLS[code];
  return symbol === undefined ? `${code} ${digits}` : `${symbol}${digits}`;
}

/** "$150K-$180K", "$150K" (equal bounds), "$150K+" (min only), "up to $120K" (max only). */
export function formatMoneyRange(min: number | null, max: number | null, currency: string | null): string {
  if (min !== null && max !== null) {
    const low = formatMoney(min, currency);
    const high = formatMoney(max, currency);
    return low === high ? low : `${low}-${high}`;
  }
  if (min !== null) return `${formatMoney(min, currency)}+`;
  if (max !== null) return `up to ${formatMoney(max, currency)}`;
  return 'unknown';
}
