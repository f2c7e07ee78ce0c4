import { describe, expect, it } from 'vitest';
import { ratingAllowed, sameDocumentKind, supplementAnswer } from './citizen-portal-rules.js';

const askedAt = new Date('2026-12-01T02:00:00Z');
const before = new Date('2026-11-30T02:00:00Z');
const after = new Date('2026-12-01T03:00:00Z');

describe('answering a supplement request online', () => {
  const components = [{ name: 'Tờ khai', attachedAt: after }, { name: 'Giấy khai sinh', attachedAt: before }, { name: 'Sổ hộ khẩu', attachedAt: null }];

  it('is done when every asked component has a file attached since the request', () => {
    expect(supplementAnswer({ status: 'awaiting_supplement', asked: ['tờ khai '], askedAt, components, note: null })).toEqual({ ok: true });
  });

  it('does not count a file attached before the request, nor a component without a file', () => {
    const r = supplementAnswer({ status: 'intake_supplement', asked: ['Tờ khai', 'Giấy khai sinh', 'Sổ hộ khẩu'], askedAt, components, note: 'đã nộp' });
    expect(r).toMatchObject({ ok: false, missing: ['Giấy khai sinh', 'Sổ hộ khẩu'] });
  });

  it('takes a note for items that name no component, and refuses them without one', () => {
    expect(supplementAnswer({ status: 'awaiting_supplement', asked: ['Giải trình nguồn gốc đất'], askedAt, components, note: 'Đã gửi bản giải trình qua bưu điện' })).toEqual({ ok: true });
    expect(supplementAnswer({ status: 'awaiting_supplement', asked: ['Giải trình nguồn gốc đất'], askedAt, components, note: '  ' })).toMatchObject({ ok: false, missing: ['Giải trình nguồn gốc đất'] });
  });

  it('is refused when nothing is asked of the citizen', () => {
    const r = supplementAnswer({ status: 'in_process', asked: [], askedAt: null, components, note: 'x' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.en).toMatch(/not waiting for a supplement/);
  });
});

describe('rating a dossier from the portal', () => {
  it('is allowed once, after the result was handed over', () => {
    expect(ratingAllowed('returned', false)).toEqual({ ok: true });
    expect(ratingAllowed('returned', true).ok).toBe(false);
    expect(ratingAllowed('resolved', false).ok).toBe(false);
  });
});

describe('reusing a digitised document', () => {
  it('fits the same kind of paper only', () => {
    expect(sameDocumentKind('Tờ khai', ' tờ khai')).toBe(true);
    expect(sameDocumentKind('Tờ khai', 'Giấy khai sinh')).toBe(false);
  });
});
