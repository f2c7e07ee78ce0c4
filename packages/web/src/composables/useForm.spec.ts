import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { ApiError, NetworkError } from '../api-client.js';
import { createAppI18n } from '../i18n.js';
import { useForm } from './useForm.js';

function withForm() {
  let form!: ReturnType<typeof useForm>;
  mount(defineComponent({ setup: () => ((form = useForm()), () => null) }), { global: { plugins: [createAppI18n('test', { vi: {}, en: {} }).i18n] } });
  return form;
}

describe('useForm', () => {
  it('is busy while the action runs and returns its result', async () => {
    const form = withForm();
    let release!: (v: string) => void;
    const pending = form.submit(() => new Promise<string>((r) => (release = r)));
    expect(form.busy.value).toBe(true);
    release('saved');
    expect(await pending).toBe('saved');
    expect(form.busy.value).toBe(false);
  });

  it('keeps the API’s field errors by field and its message as the general error', async () => {
    const form = withForm();
    const failed = await form.submit(() => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu chưa hợp lệ', [{ path: 'body.services.0.serviceId', message: 'Dịch vụ này không thuộc trung tâm' }])));
    expect(failed).toBeUndefined();
    expect(form.fieldErrors.value).toEqual({ 'services.0.serviceId': 'Dịch vụ này không thuộc trung tâm' });
    expect(form.error.value).toBe('Dữ liệu chưa hợp lệ');
    await form.submit(async () => 1);
    expect([form.error.value, form.fieldErrors.value]).toEqual([null, {}]);
  });

  it('says the server is unreachable in the chosen language', async () => {
    const form = withForm();
    await form.submit(() => Promise.reject(new NetworkError('fetch failed')));
    expect(form.error.value).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  });
});
