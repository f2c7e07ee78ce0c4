import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import AppointmentView from './AppointmentView.vue';

const missed = {
  code: 'AB12CD34', manageToken: 'tok-0123456789abcdefghij', status: 'missed', centerId: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a01', centerName: 'Trung tâm An Xuyên', address: 'Phường An Xuyên',
  serviceId: '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a02', serviceNameVi: 'Hộ tịch', serviceNameEn: 'Civil status', procedureCode: '1.001193',
  slotStart: '2026-11-25T02:30:00.000Z', slotMinutes: 30, onTimeMinutes: 10, ticketCode: null, ticketTrackingCode: null,
};

describe('AppointmentView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says clearly that a missed appointment is no longer valid and links to booking again, without cancel or reschedule', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(missed))));
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/appointment/:token', component: AppointmentView }, { path: '/book/:centerId/:serviceId', name: 'book', component: { template: '<p/>' } }, { path: '/t/:code', name: 'ticket', component: { template: '<p/>' } }],
    });
    const w = mount(AppointmentView, { props: { token: missed.manageToken }, global: { plugins: [i18n, router] } });
    await flushPromises();
    expect(w.find('[data-testid=appt-status]').text()).toBe('Đã lỡ hẹn');
    expect(w.find('[data-testid=appt-missed]').text()).toContain('không còn hiệu lực');
    expect(w.find('[data-testid=appt-book-again]').attributes('href')).toBe(`/book/${missed.centerId}/${missed.serviceId}?procedure=1.001193`);
    expect(w.find('[data-testid=appt-cancel]').exists()).toBe(false);
    expect(w.find('[data-testid=appt-reschedule]').exists()).toBe(false);
    expect(w.find('[data-testid=appt-qr]').exists()).toBe(false);
  });
});
