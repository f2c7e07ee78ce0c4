import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDemoPki } from '@motcua/documents';
import { nssDbTrusting, pdfsig } from '@motcua/documents/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const T0 = '2026-12-01T09:00:00+07:00';


describe('signed e-result at resolve, verified by pdfsig and the public /verify API', () => {
  let stack: Stack;
  let accounts: Account[];
  let dir: string;
  let rootPem: string;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (who: string | null, method: string, p: string, body?: unknown, at = T0) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { ...(who ? { cookie: cookie[who]! } : {}), 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': at }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'eresult-'));
    stack = await startStack({ worker: true, env: { FILES_DIR: path.join(dir, 'files'), SIGNER_PKCS12_DIR: path.join(dir, 'pki') } });
    accounts = await seed(stack);
    const sql = stack.database.sql;
    // The demo PKI as `npm start` makes it; the API's signer reads it when first needed.
    // Only the agency that decides here (a key per agency takes a while on a busy machine).
    const agencies = await sql`select id, code, name from agencies where code = 'UBND-32002'`;
    rootPem = (await ensureDemoPki(path.join(dir, 'pki'), agencies.map((a) => ({ agencyId: a.id, agencyCode: a.code, agencyName: a.name })), { log: () => {}, notBefore: new Date('2026-01-01T00:00:00Z') })).rootPem;
    for (const u of ['canbo.anxuyen1', 'chuyenvien.anxuyen']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    for (const r of await sql`select code, id from centers where code = 'TT-32002'`) ids.center = r.id;
    for (const r of await sql`select id from procedures where code = 'CTR-TT'`) ids.procedure = r.id;
    for (const r of await sql`select id from administrative_units where code = '32002'`) ids.unit = r.id;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('issues a signed result when the dossier is resolved: pdfsig says valid and trusted, a changed byte is caught, /verify agrees', async () => {
    const d = await json(await send('canbo.anxuyen1', 'POST', `/centers/${ids.center}/dossiers`, { procedureId: ids.procedure, applicant: { name: 'Lê Văn Ký', phone: '0912345670' }, applicantUnitId: ids.unit, outcome: { kind: 'accept' } }));
    expect(d.status).toBe('received');
    expect((await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'assign' })).status).toBe(200);
    const r = await send('chuyenvien.anxuyen', 'POST', `/dossiers/${d.id}/actions`, { action: 'resolve', outcome: 'approved', documents: [{ name: 'Xác nhận đăng ký thường trú' }] }, '2026-12-03T10:00:00+07:00');
    const resolved = await json(r);
    expect(r.status, JSON.stringify(resolved)).toBe(200);
    expect(resolved.status).toBe('resolved');
    // Rendered and signed by the worker after the answer.
    const eResult = await vi.waitFor(
      async () => {
        const found = (await json(await send('chuyenvien.anxuyen', 'GET', `/dossiers/${d.id}`))).documents.find((x: { kind: string }) => x.kind === 'e_result');
        if (!found) throw new Error(`no e-result yet; worker log:\n${stack.worker!.tail()}`);
        return found;
      },
      { timeout: 60_000, interval: 250 },
    );

    const file = await send('chuyenvien.anxuyen', 'GET', `/dossiers/${d.id}/documents/${eResult.id}/file`);
    expect(file.status).toBe(200);
    const pdf = Buffer.from(await file.arrayBuffer());
    const [row] = await stack.database.sql`select signed, file_source, file_sha256 from dossier_documents where id = ${eResult.id}`;
    expect(row).toMatchObject({ signed: true, file_source: 'generated', file_sha256: createHash('sha256').update(pdf).digest('hex') });

    // poppler's pdfsig, with the demo root trusted in an NSS database.
    const nss = nssDbTrusting(rootPem);
    const report = pdfsig(pdf, nss);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    // One digit of the creation year in the XMP metadata, inside the signed range: still a well-formed PDF.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('<xmp:CreateDate>20') + '<xmp:CreateDate>202'.length;
    expect(at).toBeGreaterThan(100);
    tampered[at] = tampered[at] === 0x36 ? 0x37 : 0x36;
    expect(pdfsig(tampered, nss)).toContain('Signature Validation: Digest Mismatch.');

    // The QR's link and an upload, without signing in; nothing personal in the answer.
    const byQr = await json(await send(null, 'GET', `/verify/${eResult.id}`));
    expect(byQr).toMatchObject({ valid: true, intact: true, issued: { dossierCode: d.code, kind: 'e_result' } });
    expect(byQr.signatures[0]).toMatchObject({ trusted: true, signedAt: new Date('2026-12-03T10:00:00+07:00').toISOString() });
    expect(JSON.stringify(byQr)).not.toContain('0912345670');
    const upload = (bytes: Buffer) => fetch(`${stack.baseUrl}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf', 'accept-language': 'en' }, body: new Uint8Array(bytes) });
    expect(await json(await upload(pdf))).toMatchObject({ valid: true, intact: true, issued: { dossierCode: d.code } });
    expect(await json(await upload(tampered))).toMatchObject({ valid: false, issued: null });
    const notPdf = await upload(Buffer.from('MZ not a pdf'));
    expect(notPdf.status).toBe(415);
  }, 120_000);
});
