import type { Locale } from '@verigram-kit/core';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A server timestamp in the reader's locale and time zone; the raw string if it does not parse. */
export function formatTimestamp(iso: string | number, locale: Locale, style: 'time' | 'date-time'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      style === 'time' ? { timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'medium' },
    );
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
