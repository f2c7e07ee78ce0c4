import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seedHistory } from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { ensureDemoPki } from '@motcua/documents';
import { createFileStore } from '@motcua/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeHistoryFiles } from '../../../scripts/lib/demo-files.mjs';

const pdfsig = (args: string[]) => {
  try {
    return execFileSync('pdfsig', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return out;
    throw e;
  }
};

/** #16: the demo history carries real documents — every file row of it opens, and its signed results verify. */
describe('demo history files', () => {
  let t: TestDatabase;
  let dir: string;
  let rootPem: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'demo-files-'));
    t = await createTestDatabase({ seeded: true });
    await seedHistory(t, { dossiers: 150, seed: 5, months: 2, now: new Date('2026-11-20T03:00:00Z') });
    // Keys only for the agencies whose results are signed in this small history (a key takes a while).
    const agencies = await t.sql`select distinct a.id, a.code, a.name from dossier_documents dd join dossiers d on d.id = dd.dossier_id join agencies a on a.id = d.agency_id where dd.signed`;
    rootPem = (await ensureDemoPki(path.join(dir, 'pki'), agencies.map((a) => ({ agencyId: a.id, agencyCode: a.code, agencyName: a.name })), { log: () => {} })).rootPem;
    await storeHistoryFiles(t.sql, { filesDir: path.join(dir, 'files'), pkiDir: path.join(dir, 'pki'), log: () => {} });
  }, 240_000);
  afterAll(async () => {
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('every scan and result of the history is a stored file whose bytes match its address and size', async () => {
    const rows = await t.sql`select distinct file_sha256, file_size from dossier_documents where file_sha256 is not null`;
    const [counts] = await t.sql`select count(*) filter (where file_sha256 is not null)::int as files, count(*) filter (where signed)::int as signed from dossier_documents`;
    expect(counts!.files).toBeGreaterThan(100);
    expect(counts!.signed).toBeGreaterThan(10);
    const store = createFileStore({ kind: 'disk', dir: path.join(dir, 'files') });
    try {
      for (const r of rows) {
        const chunks: Buffer[] = [];
        for await (const c of await store.get(r.file_sha256)) chunks.push(c as Buffer);
        const bytes = Buffer.concat(chunks);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.file_sha256);
        expect(bytes.length).toBe(r.file_size);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      await store.close();
    }
  });

  it("a signed result of the history is signed by its deciding agency's key: pdfsig says valid and trusted", async () => {
    const [row] = await t.sql`select dd.file_sha256, a.name from dossier_documents dd join dossiers d on d.id = dd.dossier_id join agencies a on a.id = d.agency_id where dd.signed limit 1`;
    const nss = path.join(dir, 'nss');
    await mkdir(nss, { recursive: true });
    await writeFile(path.join(nss, 'root.pem'), rootPem);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'motcua-root', '-t', 'CT,C,C', '-i', path.join(nss, 'root.pem')]);
    const file = path.join(dir, 'files');
    const store = createFileStore({ kind: 'disk', dir: file });
    const chunks: Buffer[] = [];
    for await (const c of await store.get(row!.file_sha256)) chunks.push(c as Buffer);
    await store.close();
    await writeFile(path.join(dir, 'result.pdf'), Buffer.concat(chunks));
    const report = pdfsig(['-nssdir', `sql:${nss}`, path.join(dir, 'result.pdf')]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain(row!.name);
  });
});
