import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startSecondApi, startStack, type Account, type Stack } from './harness.js';
import { waitFor } from './wait.js';

const T0 = '2026-12-01T09:00:00+07:00';
const MB = 1024 * 1024;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/** A real PDF of about `size` bytes (one page and an incompressible attachment), readable by pdf-lib. */
async function pdfOf(size: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await doc.attach(randomBytes(size), 'scan.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Resident memory of a process, from /proc (bytes). */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

describe('resumable (tus) uploads of component files', () => {
  let stack: Stack;
  let accounts: Account[];
  let filesDir: string;
  let stagingDir: string;
  const cookie: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const tus = { 'tus-resumable': '1.0.0', 'accept-language': 'en', 'x-test-now': T0 };

  /** One raw HTTP request; `body` is written in pieces, and `cutAfter` bytes in the connection is destroyed (a dropped line). */
  function request(method: string, p: string, headers: Record<string, string>, body?: AsyncIterable<Buffer> | Buffer, cutAfter?: number, base = stack.baseUrl): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
    const url = new URL(`${base}/api${p}`);
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers: { cookie: cookie['canbo.anxuyen1']!, ...tus, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', (e) => (cutAfter !== undefined ? resolve({ status: 0, headers: {}, text: String(e) }) : reject(e)));
      (async () => {
        if (!body) {
          req.end();
          return;
        }
        const pieces = Buffer.isBuffer(body) ? [body] : body;
        let sent = 0;
        for await (const piece of pieces) {
          const part = cutAfter !== undefined && sent + piece.length > cutAfter ? piece.subarray(0, cutAfter - sent) : piece;
          if (!req.write(part)) await new Promise((r) => req.once('drain', r));
          sent += part.length;
          if (cutAfter !== undefined && sent >= cutAfter) {
            // Let the bytes leave, then drop the connection mid-request (simulating a network cut, not waiting for a result:
            // the test then polls HEAD until the server has recorded them).
            await new Promise((r) => setTimeout(r, 300));
            req.destroy();
            return;
          }
        }
        req.end();
      })().catch(reject);
    });
  }
  const create = (dossierId: string, length: number, filename = 'scan.pdf') =>
    request('POST', `/dossiers/${dossierId}/components/0/uploads`, { 'upload-length': String(length), 'upload-metadata': `filename ${Buffer.from(filename).toString('base64')}` });
  const patch = (location: string, offset: number, body: AsyncIterable<Buffer> | Buffer, cutAfter?: number, base?: string) =>
    request('PATCH', location.replace(/^\/api/, ''), { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body, cutAfter, base);
  const staged = async () => walk(stagingDir);
  const stored = async () => (await walk(filesDir)).filter((f) => f.includes(`${path.sep}sha256${path.sep}`));

  async function newDossier(): Promise<string> {
    const r = await fetch(`${stack.baseUrl}/api/centers/${ids.center}/dossiers`, {
      method: 'POST', headers: { cookie: cookie['canbo.anxuyen1']!, 'content-type': 'application/json', 'accept-language': 'en', 'x-test-now': T0 },
      body: JSON.stringify({ procedureId: ids.procedure, applicant: { name: 'Đỗ Văn Tải', phone: '0912000222' }, applicantUnitId: ids.unit, components: Array.from({ length: Number(ids.items) }, (_, index) => ({ index, provided: true, exempt: index > 0 })), outcome: { kind: 'accept' } }),
    });
    const d = await json(r);
    expect(r.status, JSON.stringify(d)).toBe(201);
    return d.id;
  }

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'tus-files-'));
    // The staging folder every API instance mounts (here: the same machine), apart from the files.
    stagingDir = await mkdtemp(path.join(os.tmpdir(), 'tus-staging-'));
    stack = await startStack({ env: { FILES_DIR: filesDir, UPLOAD_STAGING_DIR: stagingDir, UPLOAD_MAX_FILE_MB: '120', UPLOAD_MAX_DOSSIER_MB: '400' } });
    accounts = await seed(stack);
    for (const u of ['canbo.anxuyen1', 'quanly.tanthanh']) cookie[u] = await signIn(stack, u, accounts.find((a) => a.username === u)!.password);
    const sql = stack.database.sql;
    for (const r of await sql`select id from centers where code = 'TT-32002'`) ids.center = r.id;
    for (const r of await sql`select id from procedures where code = 'CTR-TT'`) ids.procedure = r.id;
    for (const r of await sql`select id from administrative_units where code = '32002'`) ids.unit = r.id;
    const options = await json(await fetch(`${stack.baseUrl}/api/dossiers/intake-options`, { headers: { cookie: cookie['canbo.anxuyen1']!, 'x-test-now': T0 } }));
    ids.items = String(options.procedures.find((p: { id: string }) => p.id === ids.procedure).checklist.length);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await rm(filesDir, { recursive: true, force: true });
    await rm(stagingDir, { recursive: true, force: true });
  });

  it('two API instances behind a load balancer: an upload started on one resumes on the other (shared UPLOAD_STAGING_DIR)', async () => {
    const second = await startSecondApi(stack);
    try {
      const id = await newDossier();
      const pdf = await pdfOf(2 * MB);
      const made = await create(id, pdf.length);
      expect(made.status, made.text).toBe(201);
      const location = made.headers.location!;
      const first = await patch(location, 0, pdf.subarray(0, MB));
      expect(first.status, first.text).toBe(204);
      expect(Number(first.headers['upload-offset'])).toBe(MB);
      // The other instance knows the upload and its offset, and takes the rest.
      const head = await request('HEAD', location.replace(/^\/api/, ''), {}, undefined, undefined, second.baseUrl);
      expect([head.status, Number(head.headers['upload-offset'])]).toEqual([200, MB]);
      const done = await patch(location, MB, pdf.subarray(MB), undefined, second.baseUrl);
      expect(done.status, done.text).toBe(200);
      expect(JSON.parse(done.text)).toMatchObject({ index: 0, file: { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length, source: 'upload' } });
      expect(await staged()).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('resumes after a dropped connection: HEAD gives the offset, the rest completes, the attached file has the same hash', async () => {
    const id = await newDossier();
    const pdf = await pdfOf(3 * MB);
    const made = await create(id, pdf.length);
    expect(made.status, made.text).toBe(201);
    const location = made.headers.location!;
    expect(location).toMatch(new RegExp(`^/api/dossiers/${id}/components/0/uploads/[0-9a-f]{32}$`));
    // Another officer's scope does not reach the upload (the contract's scope check).
    const foreign = await fetch(`${stack.baseUrl}${location}`, { method: 'HEAD', headers: { ...tus, cookie: cookie['quanly.tanthanh']! } });
    expect(foreign.status).toBe(403);

    const pieces = async function* () {
      for (let at = 0; at < pdf.length; at += 64 * 1024) yield pdf.subarray(at, at + 64 * 1024);
    };
    const cut = await patch(location, 0, pieces(), Math.floor(pdf.length * 0.6));
    expect(cut.status).toBe(0);
    // The server keeps what reached it; HEAD says how much.
    const offset = await waitFor('the server to record the bytes that reached it', async () => {
      const head = await request('HEAD', location.replace(/^\/api/, ''), {});
      expect(head.status).toBe(200);
      expect(Number(head.headers['upload-length'])).toBe(pdf.length);
      return Number(head.headers['upload-offset']);
    }, 10_000);
    expect(offset).toBeLessThanOrEqual(Math.floor(pdf.length * 0.6));
    const wrongOffset = await patch(location, offset + 1, pdf.subarray(offset + 1));
    expect(wrongOffset.status).toBe(409);
    const done = await patch(location, offset, pdf.subarray(offset));
    expect(done.status, done.text).toBe(200);
    const component = JSON.parse(done.text);
    expect(component).toMatchObject({ index: 0, file: { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length, pages: 1, source: 'upload' } });
    const detail = await json(await fetch(`${stack.baseUrl}/api/dossiers/${id}`, { headers: { cookie: cookie['canbo.anxuyen1']!, 'x-test-now': T0 } }));
    expect(detail.components[0].file.sha256).toBe(component.file.sha256);
    expect(detail.digitised).toBe(true);
    expect(await staged()).toEqual([]);
  }, 120_000);

  it('checks the finished file like a normal upload: an executable is refused (415) and nothing is left; over the limit is refused at creation (413)', async () => {
    const id = await newDossier();
    const before = await stored();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), randomBytes(200_000)]);
    const made = await create(id, exe.length, 'scan.pdf');
    expect(made.status).toBe(201);
    const refused = await patch(made.headers.location!, 0, exe);
    expect(refused.status).toBe(415);
    expect(JSON.parse(refused.text).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/is not a PDF, JPEG or PNG/) });
    expect(await staged()).toEqual([]);
    expect(await stored()).toEqual(before);
    const [row] = await stack.database.sql`select file_sha256 from dossier_documents where dossier_id = ${id} and component_index = 0`;
    expect(row!.file_sha256).toBeNull();
    const big = await create(id, 121 * MB);
    expect(big.status).toBe(413);
  }, 60_000);

  it('takes a 100 MB upload streamed, the API process growing by less than 50 MB', async () => {
    const id = await newDossier();
    const size = 100 * MB;
    const made = await create(id, size, 'big.pdf');
    expect(made.status).toBe(201);
    const hash = createHash('sha256');
    // Generated piece by piece (never a 100 MB buffer): a PDF header, pseudo-random bytes, the end marker.
    const chunk = 256 * 1024;
    const body = async function* () {
      const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
      const tail = Buffer.from('\n%%EOF\n', 'latin1');
      let sent = 0;
      for (const part of [head]) {
        hash.update(part);
        sent += part.length;
        yield part;
      }
      const seedBytes = randomBytes(chunk);
      while (sent < size - tail.length) {
        const n = Math.min(chunk, size - tail.length - sent);
        const part = Buffer.from(seedBytes.subarray(0, n));
        part.writeUInt32BE(sent >>> 0, 0);
        hash.update(part);
        sent += n;
        yield part;
      }
      hash.update(tail);
      yield tail;
    };
    const pid = stack.api.child.pid!;
    const base = rssOf(pid);
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 25);
    const done = await patch(made.headers.location!, 0, body());
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    expect(done.status, done.text).toBe(200);
    expect(JSON.parse(done.text).file).toMatchObject({ sha256: hash.digest('hex'), size });
    const rise = (peak - base) / MB;
    console.log(`100 MB resumable upload: API RSS ${Math.round(base / MB)} MB → peak ${Math.round(peak / MB)} MB (rise ${rise.toFixed(1)} MB)`);
    // The limit. What remains is the HTTP body chunks Node allocates before the GC collects them
    // (the same in a bare http server piping to a file); the file is hashed as it arrives and linked into the store, never copied or read again.
    expect(rise).toBeLessThan(50);
    expect(await staged()).toEqual([]);
  }, 180_000);
});
