import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const MORNING = '2026-11-25T02:00:00.000Z';

describe('guide editor', () => {
  let stack: Stack;
  let accounts: Account[];
  let centerId = '';
  let procedureId = '';
  const cookies = new Map<string, string>();
  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await signIn(stack, username, accounts.find((a) => a.username === username)!.password));
    return cookies.get(username)!;
  };
  const call = async (username: string, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${path}`, {
      method,
      headers: { cookie: await as(username), 'accept-language': 'en', 'x-test-now': MORNING, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const publicGuide = async (code: string, lang = 'en') =>
    json(await fetch(`${stack.baseUrl}/api/public/centers/${centerId}/guide/${code}`, { headers: { 'accept-language': lang, 'x-test-now': MORNING } }));

  const content = {
    steps: [
      { vi: 'Lấy số thứ tự tại kiosk', en: 'Take a number at the kiosk' },
      { vi: 'Ký trước mặt cán bộ', en: 'Sign in front of the officer' },
      { vi: 'Nhận kết quả trong ngày', en: 'Collect the result the same day' },
    ],
    documents: [{ name: { vi: 'Văn bản cần chứng thực chữ ký', en: 'Document to certify' }, original: true, reusable: false }],
    forms: [{ code: 'PYC-CTHD' }],
    notes: { vi: 'Mang theo CCCD.', en: 'Bring your ID card.' },
  };

  beforeAll(async () => {
    stack = await startStack();
    accounts = await seed(stack);
    const [center] = await stack.database.sql`select id from centers where code = 'TT-32002'`;
    const [procedure] = await stack.database.sql`select id from procedures where code = 'CT-CK'`;
    centerId = center!.id;
    procedureId = procedure!.id;
  });
  afterAll(() => stack?.stop());

  it('loads a procedure’s guide with the form library for a province admin; an officer or a center manager gets 403', async () => {
    const res = await call('tinh.quantri', 'GET', `/procedures/${procedureId}/guide`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ procedureId, code: 'CT-CK', name: 'Chứng thực chữ ký' });
    expect(body.steps.length).toBeGreaterThanOrEqual(3);
    expect(body.formLibrary.map((f: { code: string }) => f.code)).toContain('TK-KS');
    expect((await call('canbo.anxuyen1', 'GET', `/procedures/${procedureId}/guide`)).status).toBe(403);
    expect((await call('canbo.anxuyen1', 'PUT', `/procedures/${procedureId}/guide`, content)).status).toBe(403);
    expect((await call('quanly.anxuyen', 'PUT', `/procedures/${procedureId}/guide`, content)).status).toBe(403);
  });

  it('refuses invalid content with 400 and a message per field, writing nothing', async () => {
    const before = await publicGuide('CT-CK');
    const missing = await call('admin', 'PUT', `/procedures/${procedureId}/guide`, { ...content, steps: [{ vi: 'Bước một', en: '  ' }], documents: [{ name: { vi: '', en: 'x' }, original: true, reusable: false }] });
    expect(missing.status).toBe(400);
    const details = (await json(missing)).error.details as Array<{ path: string; message: string }>;
    expect(details).toEqual(expect.arrayContaining([{ path: 'body.steps.0.en', message: 'Required' }, { path: 'body.documents.0.name.vi', message: 'Required' }]));

    const unknownForm = await call('admin', 'PUT', `/procedures/${procedureId}/guide`, { ...content, forms: [{ code: 'TK-KS' }, { code: 'NOPE' }] });
    expect(unknownForm.status).toBe(400);
    expect((await json(unknownForm)).error.details).toEqual([{ path: 'body.forms.1.code', message: 'Form NOPE is not in the form library' }]);

    const noSteps = await call('admin', 'PUT', `/procedures/${procedureId}/guide`, { ...content, steps: [] });
    expect((await json(noSteps)).error.details).toEqual([{ path: 'body.steps', message: 'At least one step is needed' }]);
    expect(await publicGuide('CT-CK')).toEqual(before);
  });

  it('saves in one go: the public guide shows the change in both languages, and the audit log has before and after', async () => {
    const res = await call('tinh.quantri', 'PUT', `/procedures/${procedureId}/guide`, content);
    expect(res.status).toBe(200);
    const saved = await json(res);
    expect(saved.forms).toEqual([{ code: 'PYC-CTHD', title: { vi: 'Phiếu yêu cầu chứng thực hợp đồng, giao dịch', en: 'Request to certify a contract or transaction' } }]);
    expect(saved.updatedAt).toBe(MORNING);

    const page = await publicGuide('CT-CK');
    expect(page.steps).toEqual(content.steps);
    expect(page.documents).toEqual(content.documents);
    expect(page.notes).toEqual(content.notes);
    expect(page.forms.map((f: { code: string }) => f.code)).toEqual(['PYC-CTHD']);
    expect((await fetch(`${stack.baseUrl}/api/public/guide/forms/PYC-CTHD`)).status).toBe(200);

    const [audit] = await stack.database.sql<Array<{ action: string; before: { steps: unknown[] }; after: { notes: unknown }; username: string }>>`
      select a.action, a.before, a.after, s.username from audit_log a join staff s on s.id = a.actor_id
      where a.entity = 'procedure_guide' and a.entity_id = ${procedureId} order by a.at desc limit 1`;
    expect(audit).toMatchObject({ action: 'procedure_guide.update', username: 'tinh.quantri', after: { notes: content.notes } });
    expect(audit!.before.steps.length).toBe(5);
  });

  it('two managers saving at once: both succeed one after the other (row lock), the last one stays, each audited', async () => {
    const audits = async () => stack.database.sql<Array<{ before: { notes: { en: string } }; after: { notes: { en: string } } }>>`
      select before, after from audit_log where entity = 'procedure_guide' and entity_id = ${procedureId}`;
    const seen = (await audits()).length;
    const edits = Array.from({ length: 6 }, (_, i) => ({ ...content, notes: { vi: `Lưu ý ${i}`, en: `Note ${i}` } }));
    const answers = await Promise.all(edits.map((e, i) => call(i % 2 ? 'admin' : 'tinh.quantri', 'PUT', `/procedures/${procedureId}/guide`, e)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const rows = await audits();
    expect(rows.length - seen).toBe(6);
    // The saves form one chain: each one's "before" is exactly the previous one's "after", so none was lost.
    let current = content.notes.en;
    for (let i = 0; i < 6; i++) {
      const next = rows.find((r) => r.before?.notes.en === current && r.after.notes.en.startsWith('Note'));
      expect(next, `a save that followed "${current}"`).toBeDefined();
      current = next!.after.notes.en;
    }
    const [guides] = await stack.database.sql`select count(*)::int as n from procedure_guides where procedure_id = ${procedureId}`;
    expect(guides!.n).toBe(1);
    expect((await publicGuide('CT-CK')).notes.en).toBe(current);
  });

  it('answers 404 for an unknown procedure', async () => {
    expect((await call('admin', 'GET', '/procedures/00000000-0000-7000-8000-000000000000/guide')).status).toBe(404);
  });
});
