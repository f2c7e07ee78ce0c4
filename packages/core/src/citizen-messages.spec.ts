import { CitizenChannel, CitizenEvent, Language } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { CITIZEN_PLACEHOLDERS, citizenEventOf, defaultTemplate, dueAfterPaymentText, formatItems, maskTarget, optOutFooter, pushMessage, renderTemplate, unknownPlaceholders } from './citizen-messages.js';

describe('citizen messages', () => {
  it('has a default for every event × channel × language that uses only its own placeholders', () => {
    for (const event of CitizenEvent) for (const channel of CitizenChannel) for (const language of Language) {
      const t = defaultTemplate(event, channel, language);
      expect(t.body.length, `${event}/${channel}/${language}`).toBeGreaterThan(0);
      expect(unknownPlaceholders(event, `${t.subject} ${t.body}`), `${event}/${channel}/${language}`).toEqual([]);
      expect(!!t.subject, `${event}/${channel}`).toBe(channel === 'email');
    }
  });

  it('fills placeholders, tolerates spaces, and never leaves braces behind', () => {
    expect(renderTemplate('Hồ sơ {{code}} hẹn {{ dueDate }}{{missing}}.', { code: 'H12-1', dueDate: '10/12' })).toBe('Hồ sơ H12-1 hẹn 10/12.');
  });

  it('reports the placeholders an event does not fill', () => {
    expect(unknownPlaceholders('returned', '{{code}} {{dueDate}} {{foo}} {{foo}}')).toEqual(['dueDate', 'foo']);
    expect(CITIZEN_PLACEHOLDERS.supplement_requested).toContain('items');
  });

  it('maps control-slip kinds to what a citizen hears about (both supplement requests, not refusals)', () => {
    expect(citizenEventOf('intake_supplement')).toBe('supplement_requested');
    expect(citizenEventOf('supplement_requested')).toBe('supplement_requested');
    expect(citizenEventOf('extended')).toBe('apology');
    expect(citizenEventOf('refused')).toBeUndefined();
    expect(citizenEventOf('assign')).toBeUndefined();
  });

  it('lists every missing item: one per line by email, on one line by SMS', () => {
    expect(formatItems(['A', 'B'], 'email')).toBe('- A\n- B');
    expect(formatItems(['A', 'B'], 'sms')).toBe('A; B');
  });

  it('says when the return date waits for the payment', () => {
    expect(dueAfterPaymentText(true, 'x', 'vi')).toMatch(/tính lại kể từ khi ông\/bà nộp xong/);
    expect(dueAfterPaymentText(false, '09:00 10/12/2026', 'en')).toBe('The return date stays 09:00 10/12/2026.');
  });

  it('adds the opt-out link to person-facing channels only', () => {
    expect(optOutFooter('https://x/o/t', 'sms', 'vi')).toContain('https://x/o/t');
    expect(optOutFooter('https://x/o/t', 'webhook', 'vi')).toBe('');
  });

  it('masks targets, and masking twice changes nothing', () => {
    expect(maskTarget('sms', '0905111222')).toBe('090****222');
    expect(maskTarget('zalo', maskTarget('zalo', '0905111222'))).toBe('090****222');
    expect(maskTarget('email', 'lan@example.vn')).toBe('l***@example.vn');
    expect(maskTarget('webhook', 'https://hook.example.vn/x?k=1')).toBe('hook.example.vn');
    expect(maskTarget('sms', '12345')).toBe('***');
  });
});

describe('pushMessage', () => {
  it('says how many are ahead, and where to go when called, in the citizen’s language', () => {
    expect(pushMessage({ kind: 'ahead', code: 'A005', ahead: 3 }, 'vi').body).toBe('Còn 3 người nữa đến lượt bạn');
    expect(pushMessage({ kind: 'ahead', code: 'A005', ahead: 1 }, 'en').body).toBe('1 person ahead of you');
    expect(pushMessage({ kind: 'called', code: 'A005', counter: 'Quầy 2' }, 'vi')).toEqual({ title: 'Số A005', body: 'Mời số A005 đến Quầy 2', tag: 'ticket-A005' });
  });
});
