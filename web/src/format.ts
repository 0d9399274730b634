/** Numbers and dates in the user's locale. */
export const locale = typeof navigator !== 'undefined' ? navigator.language : undefined;

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

export const formatInt = (value: number | null | undefined) => (value == null ? '—' : integer.format(value));
export const formatScore = (value: number | null | undefined) =>
  value == null ? '—' : decimal.format(value);
export const formatPercent = (value: number | null | undefined) =>
  value == null ? '—' : percent.format(value);

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

/** A calendar date (`2024-05-01`) shown in the locale, without a time-zone shift. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return dateOnly.format(new Date(year, month - 1, day));
}

export function formatMoney(
  value: number | null | undefined,
  currency: string | null | undefined,
  maximumFractionDigits = 0,
): string {
  if (value == null) return '—';
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency ?? 'USD',
      maximumFractionDigits,
    }).format(value);
  } catch {
    return `${integer.format(value)} ${currency ?? ''}`.trim();
  }
}

export function formatSalaryRange(
  min: number | null,
  max: number | null,
  currency: string | null,
  maximumFractionDigits = 0,
): string {
  if (min == null && max == null) return '—';
  if (min != null && max != null && min !== max)
    return `${formatMoney(min, currency, maximumFractionDigits)} – ${formatMoney(max, currency, maximumFractionDigits)}`;
  if (min == null) return `up to ${formatMoney(max, currency, maximumFractionDigits)}`;
  if (max == null) return `from ${formatMoney(min, currency, maximumFractionDigits)}`;
  return formatMoney(min, currency, maximumFractionDigits);
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  if (seconds < 60) return `${integer.format(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${integer.format(minutes)} min ${integer.format(Math.round(seconds % 60))} s`;
}

export const humanize = (text: string | null | undefined) => (text ? text.replaceAll('_', ' ') : '—');
