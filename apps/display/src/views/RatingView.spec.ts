import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.js';
import RatingView from './RatingView.vue';

// Presence needs a server; these tests drive the tablet through HTTP answers only.
vi.mock('../composables/useDevicePresence.js', () => ({ useDevicePresence: () => {} }));

const COUNTER = '11111111-1111-4111-8111-111111111111';
const TICKET = '22222222-2222-4222-8222-222222222222';
const prompt = { counterLabel: 'Quầy 5', ticket: { id: TICKET, code: 'A023', doneAt: '2026-11-25T02:14:00Z' } };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('RatingView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks about the last finished ticket, sends a reason when not satisfied, then thanks', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'POST') {
        posts.push(JSON.parse(init.body as string));
        return json({ ticketId: TICKET, level: 'not_satisfied', at: '2026-11-25T02:15:00Z' }, 201);
      }
      return json(prompt);
    }));
    const w = mount(RatingView, { props: { counterId: COUNTER }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.get('[data-testid=rate-ask]').text()).toContain('Mời đánh giá lượt phục vụ vé A023');
    await w.get('[data-testid=rate-not_satisfied]').trigger('click');
    await w.get('textarea').setValue('  Chờ lâu quá ');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(posts).toEqual([{ ticketId: TICKET, level: 'not_satisfied', reason: 'Chờ lâu quá' }]);
    expect(w.get('[data-testid=rate-thanks]').text()).toContain('Cảm ơn quý khách đã đánh giá!');
  });

  it('shows the API’s message when the ticket was rated already (409)', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) =>
      init.method === 'POST' ? json({ error: { code: 'CONFLICT', message: 'Vé A023 đã được đánh giá' } }, 409) : json(prompt)));
    const w = mount(RatingView, { props: { counterId: COUNTER }, global: { plugins: [i18n] } });
    await flushPromises();
    await w.get('[data-testid=rate-very_satisfied]').trigger('click');
    await flushPromises();
    expect(w.get('[data-testid=rate-error]').text()).toBe('Vé A023 đã được đánh giá');
  });

  it('waits for the next ticket and asks again when the officer finishes one (polls every 5 s)', async () => {
    vi.useFakeTimers();
    const answers = [{ counterLabel: 'Quầy 5', ticket: null }, prompt];
    vi.stubGlobal('fetch', vi.fn(async () => json(answers.shift() ?? prompt)));
    const w = mount(RatingView, { props: { counterId: COUNTER }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.find('[data-testid=rate-idle]').exists()).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    await flushPromises();
    expect(w.get('[data-testid=rate-ask]').text()).toContain('A023');
  });
});
