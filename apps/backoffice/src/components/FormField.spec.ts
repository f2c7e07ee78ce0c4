import { mount } from '@vue/test-utils';
import { useForm } from '@motcua/web';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { i18n } from '../i18n/index.js';
import FormActions from './FormActions.vue';
import FormField from './FormField.vue';

const field = (error?: string) =>
  mount(FormField, {
    props: { id: 'u-code', label: 'Mã', error },
    slots: { default: (f: { id: string; invalid: boolean }) => h('input', { id: f.id, 'aria-invalid': f.invalid }) },
  });

describe('FormField', () => {
  it('labels the control and shows the API’s message under it, marking it invalid', () => {
    const f = field('Mã đã được dùng');
    expect(f.find('label').attributes('for')).toBe('u-code');
    expect(f.find('input').attributes()).toMatchObject({ id: 'u-code', 'aria-invalid': 'true' });
    expect(f.find('.field-error').text()).toBe('Mã đã được dùng');
  });

  it('shows no message and a valid control without an error', () => {
    const f = field();
    expect(f.find('input').attributes('aria-invalid')).toBe('false');
    expect(f.find('.field-error').exists()).toBe(false);
  });
});

describe('FormActions', () => {
  it('shows the form’s general error, disables save while busy, and asks to cancel', async () => {
    let form!: ReturnType<typeof useForm>;
    const Host = defineComponent({
      emits: ['cancel'],
      setup: (_, { emit }) => {
        form = useForm();
        return () => h('form', [h(FormActions, { form, onCancel: () => emit('cancel') })]);
      },
    });
    const host = mount(Host, { global: { plugins: [i18n] } });
    let release!: () => void;
    const pending = form.submit(() => new Promise<void>((r) => (release = r)));
    await host.vm.$nextTick();
    expect(host.find('button[type="submit"]').attributes('disabled')).toBeDefined();
    release();
    await pending;
    form.error.value = 'Dữ liệu chưa hợp lệ';
    await host.vm.$nextTick();
    expect(host.find('[role="alert"]').text()).toBe('Dữ liệu chưa hợp lệ');
    expect(host.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
    await host.find('button[type="button"]').trigger('click');
    expect(host.emitted('cancel')).toHaveLength(1);
  });
});
