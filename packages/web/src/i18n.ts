import { createI18n } from 'vue-i18n';

export type Locale = 'vi' | 'en';

const shared = {
  vi: {
    product: 'Một Cửa',
    language: 'Ngôn ngữ',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    noData: 'Chưa có dữ liệu',
    errorTitle: 'Không tải được dữ liệu',
    networkError: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    notFound: 'Không tìm thấy trang này',
    backHome: 'Về trang chính',
    realtime: { connecting: 'Đang kết nối…', online: 'Trực tuyến', reconnecting: 'Đang kết nối lại…', offline: 'Mất kết nối' },
  },
  en: {
    product: 'Một Cửa',
    language: 'Language',
    loading: 'Loading…',
    retry: 'Try again',
    noData: 'No data',
    errorTitle: 'Could not load the data',
    networkError: 'Cannot reach the server. Check the network and try again.',
    notFound: 'This page does not exist',
    backHome: 'Back to the main page',
    realtime: { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' },
  },
};

/** vue-i18n with the shared messages merged under each app's own; the choice is remembered per app. */
export function createAppI18n<M extends Record<Locale, Record<string, unknown>>>(appKey: string, messages: M) {
  const storageKey = `motcua:${appKey}:locale`;
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  const i18n = createI18n({
    legacy: false,
    locale: saved === 'en' ? 'en' : 'vi',
    fallbackLocale: 'vi',
    messages: { vi: { ...shared.vi, ...messages.vi }, en: { ...shared.en, ...messages.en } },
  });
  return {
    i18n,
    setLocale(locale: Locale) {
      i18n.global.locale.value = locale;
      localStorage.setItem(storageKey, locale);
      document.documentElement.lang = locale;
    },
  };
}
