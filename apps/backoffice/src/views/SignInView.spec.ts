import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import SignInView from './SignInView.vue';

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

async function render() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p>home</p>' } }, { path: '/sign-in', component: SignInView }] });
  await router.push('/sign-in');
  const wrapper = mount(SignInView, { global: { plugins: [i18n, router] } });
  return { wrapper, router };
}

describe('SignInView', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server’s field messages next to the fields', async () => {
    vi.stubGlobal('fetch', answer(400, { error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'body.username', message: 'Hãy nhập tên đăng nhập' }] } }));
    const { wrapper } = await render();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#username-error').text()).toBe('Hãy nhập tên đăng nhập');
    expect(wrapper.find('#username').attributes('aria-invalid')).toBe('true');
  });

  it('explains a locked account', async () => {
    vi.stubGlobal('fetch', answer(423, { error: { code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khoá đến 10:15' } }));
    const { wrapper } = await render();
    await wrapper.find('#username').setValue('canbo');
    await wrapper.find('#password').setValue('x');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role=alert]').text()).toContain('khoá đến 10:15');
  });

  it('goes to the page asked for after signing in', async () => {
    vi.stubGlobal('fetch', answer(200, { id: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', username: 'admin', fullName: 'A', homeCenterId: null, homeUnitId: null, roles: [], mustChangePassword: false }));
    const { wrapper, router } = await render();
    await router.replace('/sign-in?next=/');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/');
  });
});
