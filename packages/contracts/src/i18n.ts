import { z } from 'zod';

export const Locale = ['vi', 'en'] as const;
export type Locale = (typeof Locale)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

// zod parses synchronously, so the locale of the parse in progress can live here:
// custom messages read it while the parse runs, and it is restored right after.
let activeLocale: Locale = DEFAULT_LOCALE;

const localeMaps = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** A validation message in both languages; the one shown follows the locale of the parse. */
export function msg(vi: string, en: string): () => string {
  return () => (activeLocale === 'en' ? en : vi);
}

/** Parses with messages (built-in and `msg`) in the given language. */
export function safeParseIn<T extends z.ZodType>(schema: T, data: unknown, locale: Locale = DEFAULT_LOCALE) {
  const previous = activeLocale;
  activeLocale = locale;
  try {
    const result = schema.safeParse(data, { error: localeMaps[locale] });
    // zod builds issue messages lazily; touch them while the locale is still set.
    if (!result.success) for (const issue of result.error.issues) void issue.message;
    return result;
  } finally {
    activeLocale = previous;
  }
}

/** Picks vi or en from an Accept-Language header (vi when absent or unknown). */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  return (wanted.find((w) => w.lang === 'vi' || w.lang === 'en')?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}
