import type { GuideContent } from '@motcua/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n/index.js';
import GuideEditorView from './GuideEditorView.vue';

const id = '01900000-0000-7000-8000-000000000001';
const guide: GuideContent = {
  procedureId: id, code: 'HT-GH', name: 'Đăng ký giám hộ', field: 'ho_tich',
  steps: [{ vi: 'Một', en: 'One' }, { vi: 'Hai', en: 'Two' }, { vi: 'Ba', en: 'Three' }],
  documents: [{ name: { vi: 'Tờ khai', en: 'Form' }, original: true, reusable: false }],
  forms: [{ code: 'TK-GH', title: { vi: 'Tờ khai đăng ký giám hộ', en: 'Guardianship registration form' } }],
  notes: { vi: '', en: '' }, updatedAt: null,
  formLibrary: [
    { code: 'TK-GH', title: { vi: 'Tờ khai đăng ký giám hộ', en: 'Guardianship registration form' } },
    { code: 'TK-KS', title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' } },
  ],
};

async function render(put: (body: unknown) => Response) {
  const calls: Array<{ method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, body });
    return method === 'PUT' ? put(body) : new Response(JSON.stringify(guide), { status: 200 });
  }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'procedures', component: { template: '<p />' } }] });
  const wrapper = mount(GuideEditorView, { props: { id }, global: { plugins: [i18n, router] } });
  await flushPromises();
  return { wrapper, calls };
}
const stepValues = (w: Awaited<ReturnType<typeof render>>['wrapper']) => w.findAll('[data-testid^="ge-step-"] textarea').map((t) => (t.element as HTMLTextAreaElement).value);

describe('GuideEditorView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reorders, removes and adds rows, then saves exactly what is shown', async () => {
    const { wrapper, calls } = await render((body) => new Response(JSON.stringify({ ...guide, ...(body as object), forms: [], updatedAt: '2026-11-25T02:00:00.000Z' }), { status: 200 }));
    expect(stepValues(wrapper)).toEqual(['Một', 'One', 'Hai', 'Two', 'Ba', 'Three']);
    await wrapper.find('[aria-label="Đưa bước 1 xuống"]').trigger('click');
    await wrapper.find('[aria-label="Xóa bước 3"]').trigger('click');
    expect(stepValues(wrapper)).toEqual(['Hai', 'Two', 'Một', 'One']);
    await wrapper.find('[data-testid="ge-form-pick"]').setValue('TK-KS');
    await wrapper.find('[data-testid="ge-add-form"]').trigger('click');
    // A form already listed is not offered twice.
    expect(wrapper.findAll('[data-testid="ge-form-pick"] option').map((o) => o.attributes('value'))).toEqual(['']);
    await wrapper.find('[data-testid="ge-notes-en"]').setValue('Come in person');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)).toEqual({
      method: 'PUT',
      body: { steps: [{ vi: 'Hai', en: 'Two' }, { vi: 'Một', en: 'One' }], documents: guide.documents, forms: [{ code: 'TK-GH' }, { code: 'TK-KS' }], notes: { vi: '', en: 'Come in person' } },
    });
    expect(wrapper.find('[role=status]').text()).toContain('Đã lưu');
  });

  it('shows the server’s field errors beside the row, and clears them once rows move', async () => {
    const { wrapper } = await render(() => new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'body.steps.1.en', message: 'Không được để trống' }] } }), { status: 400 }));
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="ge-step-1"] .field-error').text()).toBe('Không được để trống');
    expect(wrapper.find('[aria-label="Bước 2 – Tiếng Anh"]').attributes('aria-invalid')).toBe('true');
    await wrapper.find('[aria-label="Đưa bước 2 lên"]').trigger('click');
    expect(wrapper.findAll('.field-error')).toHaveLength(0);
  });

  it('previews the page in English', async () => {
    const { wrapper } = await render(() => new Response('{}'));
    await wrapper.find('[data-testid="ge-preview-en"]').setValue(true);
    const preview = wrapper.find('[data-testid="ge-preview"]').text();
    expect(preview).toContain('Three');
    expect(preview).toContain('TK-GH – Guardianship registration form');
  });
});
