import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_TIME_ZONE, isDigitised } from '@motcua/core';
import { analyticsRepository } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';

const T0 = '2026-12-01T09:00:00+07:00';

describe('reuse of documents digitised before for the same applicant (766 indicator 4.3)', () => {
  let stack: Stack;
  let accounts: Account[];
  let filesDir: string;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (who: string, method: string, p: string, body?: unknown) =>
    fetch(`${stack.baseUrl}/api${p}`, { method, headers: { cookie: cookie[who]!, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': T0 }, body: body === undefined ? undefined : JSON.stringify(body) });
  const ok = async (r: Response, status = 200) => {
    const body = await json(r);
    expect(r.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const receive = async (idNumber: string) =>
    ok(await send('canbo.anxuyen1', 'POST', `/centers/${ids.center}/dossiers`, {
      procedureId: ids.procedure, applicant: { name: 'Phạm Thị Dùng', phone: '0912000333', idNumber }, applicantUnitId: ids.unit,
      components: Array.from({ length: Number(ids.items) }, (_, index) => ({ index, provided: true, exempt: index > 0 })), outcome: { kind: 'accept' },
    }), 201);

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'reuse-files-'));
    stack = await startStack({ env: { FILES_DIR: filesDir } });
    accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'quanly.tanthanh', 'lanhdao.tinh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select id from centers where code = 'TT-32002'`) ids.center = r.id;
    for (const r of await sql`select id from procedures where code = 'CTR-TT'`) ids.procedure = r.id;
    for (const r of await sql`select id from administrative_units where code = '32002'`) ids.unit = r.id;
    const options = await json(await send('canbo.anxuyen1', 'GET', '/dossiers/intake-options'));
    ids.items = String(options.procedures.find((p: { id: string }) => p.id === ids.procedure).checklist.length);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('lists the earlier scans of the same ID number in scope and attaches one by reference, recorded as reused', async () => {
    const first = await receive('096190005555');
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await doc.save())], { type: 'application/pdf' }), 'cccd.pdf');
    const scanned = await ok(await fetch(`${stack.baseUrl}/api/dossiers/${first.id}/components/0/file`, { method: 'POST', headers: { cookie: cookie['canbo.anxuyen1']!, 'x-test-now': T0 }, body: form }), 201);

    const second = await receive('096190005555');
    expect(second.digitised).toBe(false);
    const offered = await ok(await send('canbo.anxuyen1', 'GET', `/dossiers/${second.id}/reusable-documents`));
    expect(offered).toEqual([expect.objectContaining({ dossierId: first.id, dossierCode: first.code, kind: 'component', file: expect.objectContaining({ sha256: scanned.file.sha256 }) })]);
    // Another person's dossier offers nothing of hers; another commune's officer cannot look.
    const other = await receive('096190009999');
    expect(await ok(await send('canbo.anxuyen1', 'GET', `/dossiers/${other.id}/reusable-documents`))).toEqual([]);
    expect((await send('quanly.tanthanh', 'GET', `/dossiers/${second.id}/reusable-documents`)).status).toBe(403);
    const refused = await send('canbo.anxuyen1', 'POST', `/dossiers/${other.id}/components/0/reuse`, { documentId: offered[0].id });
    expect(refused.status).toBe(404);

    const reused = await ok(await send('canbo.anxuyen1', 'POST', `/dossiers/${second.id}/components/0/reuse`, { documentId: offered[0].id }));
    expect(reused.file).toMatchObject({ sha256: scanned.file.sha256, source: 'reuse', size: scanned.file.size });
    const detail = await ok(await send('canbo.anxuyen1', 'GET', `/dossiers/${second.id}`));
    expect(detail.digitised).toBe(true);
    const [audit] = await stack.database.sql`select after from audit_log where action = 'dossier.file.reuse'`;
    expect(audit!.after).toMatchObject({ dossierId: second.id, fromDossierId: first.id, sha256: scanned.file.sha256 });
    // Stored once: the reuse added no bytes.
    const [files] = await stack.database.sql`select count(distinct file_sha256)::int as n from dossier_documents where file_sha256 = ${scanned.file.sha256}`;
    expect(files!.n).toBe(1);
  }, 60_000);

  it('the analytics indicators API counts 766 4.2 (digitised at reception) and 4.3 (reuse) as a direct count of the documents does', async () => {
    // A dossier on paper only: counted as received, neither digitised nor reusing.
    await receive('096190007777');
    const day = '2026-12-01';
    await stack.database.db.transaction((tx) => analyticsRepository.rollupDossierDays(tx, day, day, DEFAULT_TIME_ZONE));
    const report = await ok(await send('lanhdao.tinh', 'GET', `/analytics/indicators?from=${day}&to=${day}&by=receiving&groupBy=unit`));
    const rows = await stack.database.sql<Array<{ reused: boolean; components: Array<{ required: boolean; exempt: boolean; hasFile: boolean }> | null }>>`
      select exists (select 1 from dossier_documents doc where doc.dossier_id = d.id and doc.file_source = 'reuse') as reused,
        (select json_agg(json_build_object('required', doc.required, 'exempt', doc.exempt, 'hasFile', doc.file_sha256 is not null))
           from dossier_documents doc where doc.dossier_id = d.id and doc.kind = 'component') as components
      from dossiers d
      where exists (select 1 from dossier_events e where e.dossier_id = d.id and e.kind = 'received' and (e.at at time zone ${DEFAULT_TIME_ZONE})::date = ${day}::date)`;
    const direct = { received: rows.length, digitisedAtReception: rows.filter((r) => isDigitised(r.components ?? [])).length, reusedData: rows.filter((r) => r.reused).length };
    // This file's dossiers: the scanned one and the one that reused its scan are digitised, one reused; the others are on paper.
    expect(direct.digitisedAtReception).toBeGreaterThanOrEqual(2);
    expect(direct.reusedData).toBeGreaterThanOrEqual(1);
    expect(direct.received).toBeGreaterThan(direct.digitisedAtReception);
    expect(report.total.counts).toMatchObject(direct);
    expect(report.total.indicators.digitisedAtReceptionRate).toBeCloseTo(direct.digitisedAtReception / direct.received);
    expect(report.total.indicators.dataReuseRate).toBeCloseTo(direct.reusedData / direct.received);
    // Per commune, as the ranking shows them: the rows add up to the total.
    const sum = (k: 'digitisedAtReception' | 'reusedData') => report.rows.reduce((s: number, r: { counts: Record<string, number> }) => s + r.counts[k]!, 0);
    expect({ digitisedAtReception: sum('digitisedAtReception'), reusedData: sum('reusedData') }).toEqual({ digitisedAtReception: direct.digitisedAtReception, reusedData: direct.reusedData });
  }, 60_000);
});
