import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { useI18n } from 'vue-i18n';
import LanguageSwitch from './components/LanguageSwitch.vue';
import { createAppI18n } from './i18n.js';

const Probe = defineComponent({
  setup() {
    const { t } = useI18n();
    return () => h('p', t('retry'));
  },
});

describe('createAppI18n and LanguageSwitch', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Vietnamese, switches to English and remembers it per app', async () => {
    const { i18n, setLocale } = createAppI18n('test', { vi: {}, en: {} });
    const wrapper = mount({ components: { Probe, LanguageSwitch }, setup: () => ({ setLocale }), template: '<div><Probe /><LanguageSwitch :set-locale="setLocale" /></div>' }, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toContain('Thử lại');
    await wrapper.find('select').setValue('en');
    expect(wrapper.text()).toContain('Try again');
    expect(localStorage.getItem('motcua:test:locale')).toBe('en');
    expect(createAppI18n('test', { vi: {}, en: {} }).i18n.global.locale.value).toBe('en');
    expect(createAppI18n('other', { vi: {}, en: {} }).i18n.global.locale.value).toBe('vi');
  });
});
