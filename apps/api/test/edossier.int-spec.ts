import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scanPng } from '@motcua/documents/testing';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const T0 = '2026-12-01T09:00:00+07:00';

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

describe('electronic dossier: checklist, scans at the counter, file access', () => {
  let stack: Stack;
  let accounts: Account[];
  let filesDir: string;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const send = (who: string, method: string, p: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { cookie: cookie[who]!, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': T0 }, body: body === undefined ? undefined : JSON.stringify(body) });
  const upload = (who: string, dossierId: string, index: number, files: Array<{ name: string; bytes: Buffer; type?: string }>) => {
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
    return fetch(`${stack.baseUrl}/api/dossiers/${dossierId}/components/${index}/file`, { method: 'POST', headers: { cookie: cookie[who]!, 'accept-language': 'en', 'x-test-now': T0 }, body: form });
  };
  const stored = async () => (await walk(filesDir)).filter((f) => f.includes(`${path.sep}sha256${path.sep}`));

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'edossier-files-'));
    stack = await startStack({ env: { FILES_DIR: filesDir, UPLOAD_MAX_FILE_MB: '1' } });
    accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'quanly.anxuyen', 'quanly.tanthanh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select code, id from centers`) if (r.code === 'TT-32002') ids.anXuyen = r.id;
    for (const r of await sql`select code, id from procedures where code = 'CTR-TT'`) ids.procedure = r.id;
    for (const r of await sql`select code, id from administrative_units where code = '32002'`) ids.unit = r.id;
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('offers the checklist the guide shows, copies it onto the dossier, and a 3-page scan becomes one PDF that makes it digitised', async () => {
    const options = await json(await send('canbo.anxuyen1', 'GET', '/dossiers/intake-options'));
    const proc = options.procedures.find((p: { id: string }) => p.id === ids.procedure);
    // One list: what the public guide shows is what the intake offers.
    const guide = await json(await fetch(`${stack.baseUrl}/api/public/centers/${ids.anXuyen}/guide/CTR-TT`, { headers: { 'x-test-now': T0 } }));
    expect(proc.checklist.map((c: { name: unknown; form: string; reusable: boolean }) => ({ name: c.name, original: c.form === 'original', reusable: c.reusable }))).toEqual(guide.documents);
    expect(proc.checklist.length).toBeGreaterThanOrEqual(2);
    // Items 0 and 1 handed in and to be scanned; the others handed in and exempt (e.g. only shown).
    const components = proc.checklist.map((c: { index: number }) => ({ index: c.index, provided: true, exempt: c.index > 1 }));
    const res = await send('canbo.anxuyen1', 'POST', `/centers/${ids.anXuyen}/dossiers`, {
      procedureId: ids.procedure, applicant: { name: 'Nguyễn Thị Lan', phone: '0912345678', idNumber: '079123456789' }, applicantUnitId: ids.unit, outcome: { kind: 'accept' }, components,
    });
    const d = await json(res);
    expect(res.status, JSON.stringify(d)).toBe(201);
    expect(d.components.map((c: { index: number; name: string; provided: boolean; exempt: boolean; file: unknown }) => [c.index, c.name, c.provided, c.exempt, c.file])).toEqual(
      proc.checklist.map((c: { index: number; name: { vi: string } }) => [c.index, c.name.vi, true, c.index > 1, null]),
    );
    expect(d.digitised).toBe(false);
    ids.dossier = d.id;

    const pages = [scanPng(120, 170, [250, 0, 0]), scanPng(120, 170, [0, 250, 0]), scanPng(200, 100, [0, 0, 250])];
    const up = await upload('canbo.anxuyen1', d.id, 0, pages.map((bytes, i) => ({ name: `trang-${i + 1}.png`, bytes, type: 'image/png' })));
    const component = await json(up);
    expect(up.status, JSON.stringify(component)).toBe(201);
    expect(component.file).toMatchObject({ mime: 'application/pdf', pages: 3, source: 'scan', signed: false });
    expect(component.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    // One PDF, pages in the order sent (the third is landscape), stored under its hash.
    const files = await stored();
    expect(files.map((f) => path.basename(f))).toEqual([component.file.sha256]);
    const read = await send('quanly.anxuyen', 'GET', `/dossiers/${d.id}/documents/${component.id}/file`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await read.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(component.file.sha256);
    expect(bytes.length).toBe(component.file.size);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPages().map((p) => p.getWidth() > p.getHeight())).toEqual([false, false, true]);

    const [row] = await stack.database.sql`select digitised, digitised_at from dossiers where id = ${d.id}`;
    expect(row).toMatchObject({ digitised: false, digitised_at: null });
    const second = await upload('canbo.anxuyen1', d.id, 1, [{ name: 'cho-o.png', bytes: scanPng(50, 70, [10, 10, 10]) }]);
    expect(second.status).toBe(201);
    const after = await json(await send('canbo.anxuyen1', 'GET', `/dossiers/${d.id}`));
    expect(after.digitised).toBe(true);
    expect(after.components.map((c: { index: number; file: unknown }) => c.file !== null)).toEqual(proc.checklist.map((c: { index: number }) => c.index <= 1));
    // The same scan again is stored once.
    const again = await upload('canbo.anxuyen1', d.id, 0, pages.map((b, i) => ({ name: `p${i}.png`, bytes: b })));
    expect((await json(again)).file.sha256).toBe(component.file.sha256);
    expect((await stored()).length).toBe(2);
  });

  it('refuses an executable renamed .pdf (415), a file over the limit (413) and a PDF mixed with images (415), keeping nothing', async () => {
    const before = await stored();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]);
    const exe = await upload('canbo.anxuyen1', ids.dossier!, 0, [{ name: 'to-khai.pdf', bytes: elf, type: 'application/pdf' }]);
    const body = await json(exe);
    expect(exe.status).toBe(415);
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.message).toMatch(/"to-khai\.pdf" is not a PDF, JPEG or PNG/);

    const big = await upload('canbo.anxuyen1', ids.dossier!, 0, [{ name: 'a.png', bytes: scanPng(10, 10, [1, 2, 3]) }, { name: 'b.bin', bytes: Buffer.alloc(1_200_000, 7) }]);
    expect(big.status).toBe(413);
    expect((await json(big)).error).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/over the 1 MB limit/) });

    const pdf = await PDFDocument.create();
    pdf.addPage();
    const mixed = await upload('canbo.anxuyen1', ids.dossier!, 0, [{ name: 'x.pdf', bytes: Buffer.from(await pdf.save()) }, { name: 'y.png', bytes: scanPng(5, 5, [0, 0, 0]) }]);
    expect(mixed.status).toBe(415);
    expect((await json(mixed)).error.message).toMatch(/one PDF, or page images/);

    expect((await stored()).sort()).toEqual(before.sort());
    const [c] = await stack.database.sql`select count(*)::int as n from dossier_documents where dossier_id = ${ids.dossier!} and file_sha256 is not null`;
    expect(c!.n).toBe(2);
  });

  it('gives files to staff in scope only and writes every read in the audit log', async () => {
    const d = await json(await send('canbo.anxuyen1', 'GET', `/dossiers/${ids.dossier}`));
    const doc = d.components[0];
    const outside = await send('quanly.tanthanh', 'GET', `/dossiers/${ids.dossier}/documents/${doc.id}/file`);
    expect(outside.status).toBe(403);
    expect((await json(outside)).error.code).toBe('FORBIDDEN');
    const upOutside = await upload('quanly.tanthanh', ids.dossier!, 0, [{ name: 'a.png', bytes: scanPng(5, 5, [1, 1, 1]) }]);
    expect(upOutside.status).toBe(403);
    const sql = stack.database.sql;
    const reads = await sql`select actor_id, entity_id, after from audit_log where action = 'dossier.file.read' order by at`;
    const [manager] = await sql`select id from staff where username = 'quanly.anxuyen'`;
    expect(reads).toEqual([expect.objectContaining({ actor_id: manager!.id, entity_id: doc.id, after: { dossierId: ids.dossier, sha256: doc.file.sha256 } })]);
  });

  it('lets the citizen read a file through an expiring signed link, audited; a changed or expired link is refused', async () => {
    const d = await json(await send('canbo.anxuyen1', 'GET', `/dossiers/${ids.dossier}`));
    const doc = d.components[1];
    const made = await send('canbo.anxuyen1', 'POST', `/dossiers/${ids.dossier}/documents/${doc.id}/link`);
    const link = await json(made);
    expect(made.status, JSON.stringify(link)).toBe(200);
    // 72 hours by default.
    expect(link.expiresAt).toBe(new Date(new Date(T0).getTime() + 72 * 3600_000).toISOString());
    const url = new URL(link.url);
    const at = (iso: string, u: URL | string = url) => fetch(`${stack.baseUrl}${typeof u === 'string' ? u : u.pathname + u.search}`, { headers: { 'accept-language': 'en', 'x-test-now': iso } });

    const read = await at('2026-12-03T09:00:00+07:00');
    expect(read.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await read.arrayBuffer())).digest('hex')).toBe(doc.file.sha256);

    const tampered = new URL(url);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 86_400));
    const forged = await at('2026-12-03T09:00:00+07:00', tampered);
    expect(forged.status).toBe(404);
    expect((await json(forged)).error.message).toMatch(/not valid/);

    const late = await at('2026-12-04T09:00:01+07:00');
    expect(late.status).toBe(410);
    expect((await json(late)).error).toMatchObject({ code: 'LINK_EXPIRED', message: expect.stringMatching(/expired; ask the service center for a new one/) });

    const reads = await stack.database.sql`select actor_id, after from audit_log where action = 'dossier.file.read' and entity_id = ${doc.id}`;
    expect(reads).toEqual([{ actor_id: null, after: { dossierId: ids.dossier, sha256: doc.file.sha256, via: 'signed_link' } }]);
  });
});
