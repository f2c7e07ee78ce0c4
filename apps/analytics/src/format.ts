type N = (value: number, options: Intl.NumberFormatOptions) => string;

/** A share as a percentage in the current language (null is handled by the caller as "no data"). */
export const percent = (n: N, v: number) => n(v, { style: 'percent', maximumFractionDigits: 1 });
/** Minutes with one decimal. */
export const minutes = (n: N, v: number) => n(v, { maximumFractionDigits: 1 });
/** Local time (hh:mm) and date-time of an instant, in the business time zone. */
export const timeOf = (locale: string, iso: string) => new Date(iso).toLocaleTimeString(locale, { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
export const dateTimeOf = (locale: string, iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
