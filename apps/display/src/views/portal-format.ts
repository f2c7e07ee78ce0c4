import { CENTER_TIME_ZONE } from '../lib/format.js';

/** Dates of the portal in the citizen's language, Vietnam time. */
export function portalDate(iso: string | null, locale: string, withTime = false): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: CENTER_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) });
}

export const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
