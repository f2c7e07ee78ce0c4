// `npm run bench:files [section…]`: file and document figures, each as a ratio against a baseline
// measured in the same run (the machine is shared and noisy). Sections run in the order named;
// no argument runs them all. Add a section by adding an entry to `sections`.
import { randomBytes, sign as cryptoSign } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import nodeHttp from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres, startRedis } from './lib/infra.mjs';
import { load } from './lib/load.mjs';
import { startApp, waitForHttp } from './lib/proc.mjs';
import { build, ensureDependencies } from './lib/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const CONCURRENT_UPLOADS = Number(process.env.BENCH_CONCURRENT_UPLOADS ?? 20);
const CONCURRENT_MB = Number(process.env.BENCH_CONCURRENT_MB ?? 50);

const SIGN_SECONDS = Number(process.env.BENCH_SIGN_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (r) => `${r.rate.toFixed(1).padStart(8)} /s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms`;

/** Runs `task` for about `seconds` (after a short warm-up) at `concurrency`; returns load()'s figures. */
async function timed(task, { seconds, concurrency = 1 }) {
  for (let i = 0; i < 3; i++) await task();
  const probe = performance.now();
  await task();
  const one = Math.max(performance.now() - probe, 0.01);
  const requests = Math.max(concurrency * 4, Math.round(((seconds * 1000) / one) * concurrency));
  return load(task, { requests, concurrency });
}

/**
 * "sign": documents of record. Render + PAdES-sign rate with the demo PKI's PKCS#12 key against raw
 * RSA-2048 SHA-256 signatures of the same key, both through node:crypto's thread pool.
 */
async function sign() {
  const docs = await import('@motcua/documents');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pki-'));
  try {
    const who = { agencyId: '01958a2e-0000-7000-8000-00000000be01', agencyCode: 'H12.58.19', agencyName: 'Ủy ban nhân dân phường Tân Thành' };
    await docs.ensureDemoPki(dir, [who], { log: () => {} });
    const entry = JSON.parse(readFileSync(path.join(dir, 'signers.json'), 'utf8'))[who.agencyId];
    const { key } = docs.openPkcs12(readFileSync(path.join(dir, entry.file)), entry.password);
    const signer = docs.createSigner({ kind: 'pkcs12', dir });
    const data = docs.sampleDocument('result');
    const pdf = await docs.renderDocument('result', data);
    const meta = { reason: 'Phát hành kết quả giải quyết hồ sơ', location: 'Cà Mau', signedAt: new Date() };
    const attrs = Buffer.alloc(110, 7); // about the size of the signed attributes that are really signed
    const raw = () => new Promise((resolve, reject) => cryptoSign('sha256', attrs, key, (e, s) => (e ? reject(e) : resolve(s))));

    const cases = {
      raw: ['raw RSA signature (baseline)', raw],
      render: ['render the PDF', () => docs.renderDocument('result', data)],
      signOnly: ['PAdES-sign a rendered PDF', () => signer.sign(pdf, who, meta)],
      both: ['render + sign', async () => signer.sign(await docs.renderDocument('result', data), who, meta)],
    };
    console.log(`\nDocuments of record: the result letter (A4, ${(pdf.length / 1024).toFixed(0)} KB), RSA-2048 key from a PKCS#12 file.`);
    console.log(`Each case runs ~${SIGN_SECONDS} s per round, ${ROUNDS} rounds interleaved with the baseline; medians of the rounds:\n`);
    const rows = [];
    for (const concurrency of [1, 4]) {
      const rates = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
      const last = {};
      for (let round = 0; round < ROUNDS; round++) {
        for (const [k, [, task]] of Object.entries(cases)) {
          last[k] = await timed(task, { seconds: SIGN_SECONDS, concurrency });
          rates[k].push(last[k].rate);
        }
      }
      const r = Object.fromEntries(Object.keys(cases).map((k) => [k, { ...last[k], rate: median(rates[k]) }]));
      rows.push([concurrency, r]);
      console.log(`  ${concurrency} at a time (latency of the last round)`);
      for (const [k, [label]] of Object.entries(cases)) console.log(`    ${label.padEnd(30)} ${fmt(r[k])}`);
    }
    const check = await docs.verifyPdf(await signer.sign(pdf, who, meta), { roots: [readFileSync(path.join(dir, 'root-ca.pem'), 'utf8')] });
    if (!check.valid) throw new Error(`a benchmarked signature does not verify: ${check.signatures[0]?.problems.join('; ')}`);
    await signer.close();
    console.log('');
    for (const [c, r] of rows) {
      console.log(`  ratio render+sign / raw signature (${c} at a time): ${(r.both.rate / r.raw.rate).toFixed(4)}   sign only / raw: ${(r.signOnly.rate / r.raw.rate).toFixed(3)}`);
    }
    console.log('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `size` bytes that type as a PDF, made piece by piece (never one big buffer); `salt` makes each upload distinct. */
async function* pdfBytes(size, salt) {
  const head = Buffer.from(`%PDF-1.7\n%${salt}\n`, 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const piece = randomBytes(256 * 1024);
  yield head;
  let sent = head.length;
  while (sent < size - tail.length) {
    const n = Math.min(piece.length, size - tail.length - sent);
    const part = Buffer.from(piece.subarray(0, n));
    part.writeUInt32BE(sent >>> 0, 0);
    sent += n;
    yield part;
  }
  yield tail;
}

/** The API (and its database and Redis) on free ports, the demo seeded, an admin signed in; `run` gets helpers. */
async function withApi(run) {
  // Not made here: the embedded PostgreSQL makes its own folder (it runs as another user).
  const tmp = path.join(os.tmpdir(), `motcua-bench-files-${process.pid}`);
  const pg = await startPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), persistent: false });
  const redis = await startRedis({ dir: path.join(tmp, 'redis'), port: await freePort() });
  const { prepareTemplate, createTestDatabase } = await import('@motcua/db/testing');
  const { seedDemo } = await import('@motcua/db');
  process.env.MOTCUA_TEST_PG_URL = pg.url;
  process.env.MOTCUA_TEST_TEMPLATE = 'bench_files_template';
  await prepareTemplate(pg.url, 'bench_files_template');
  const database = await createTestDatabase();
  const seeded = await seedDemo(database.db);
  // An officer of the An Xuyên center receives the dossiers and uploads their scans.
  const admin = seeded.accounts.find((a) => a.username === 'canbo.anxuyen1');
  const [center] = await database.sql`select id from centers where code = 'TT-32002'`;
  const [procedure] = await database.sql`select id from procedures where code = 'CTR-TT'`;
  const [unit] = await database.sql`select id from administrative_units where code = '32002'`;
  const port = await freePort();
  const filesDir = path.join(tmp, 'files');
  const env = {
    ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redis.url, PORT: String(port), WORKER_HEALTH_PORT: String(await freePort()), LOG_LEVEL: 'warn', RUN_MIGRATIONS: 'false',
    FILES_DIR: filesDir, SIGNER_PKCS12_DIR: path.join(tmp, 'no-pki'), UPLOAD_MAX_FILE_MB: String(Math.max(UPLOAD_MB, CONCURRENT_MB) + 10), UPLOAD_MAX_DOSSIER_MB: '10240',
  };
  const api = startApp('api', path.join(root, 'apps/api/dist/main.js'), env, { quiet: true });
  const base = `http://127.0.0.1:${port}`;
  const request = (method, p, headers, body) =>
    new Promise((resolve, reject) => {
      const req = nodeHttp.request(`${base}${p}`, { method, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      (async () => {
        if (body) for await (const part of body) if (!req.write(part)) await new Promise((r) => req.once('drain', r));
        req.end();
      })().catch(reject);
    });
  try {
    if (!(await waitForHttp(`${base}/api/health`, api))) throw new Error(`API did not start:\n${api.tail()}`);
    const signIn = await request('POST', '/api/auth/sign-in', { 'content-type': 'application/json' }, [Buffer.from(JSON.stringify({ username: admin.username, password: admin.password }))]);
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    const json = { cookie, 'content-type': 'application/json' };
    /** A new dossier whose first component receives the upload; returns the tus upload's location. */
    const newUpload = async (size) => {
      const d = await request('POST', `/api/centers/${center.id}/dossiers`, json, [Buffer.from(JSON.stringify({
        procedureId: procedure.id, applicant: { name: 'Đo Tải Tệp', phone: '0912000444' }, applicantUnitId: unit.id, components: [{ index: 0, provided: true, exempt: false }], outcome: { kind: 'accept' },
      }))]);
      if (d.status !== 201) throw new Error(`intake failed: ${d.status} ${d.text}`);
      const made = await request('POST', `/api/dossiers/${JSON.parse(d.text).id}/components/0/uploads`, { cookie, 'tus-resumable': '1.0.0', 'upload-length': String(size) });
      if (made.status !== 201) throw new Error(`tus creation failed: ${made.status} ${made.text}`);
      return made.headers.location;
    };
    const send = async (location, body) => {
      const r = await request('PATCH', location, { cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body);
      if (r.status !== 200) throw new Error(`upload failed: ${r.status} ${r.text}`);
    };
    return await run({ newUpload, send, pid: api.child.pid, tmp });
  } finally {
    await api.stop();
    await database.drop();
    await redis.stop?.();
    await pg.stop?.();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

/**
 * "upload": one large upload through the API (tus PATCH: HTTP, type check, hashing into the disk
 * FileStore, attach) against writing the same generated bytes straight to disk (with fsync), in the
 * same run, rounds interleaved; then the API's peak resident memory while 20 uploads of 50 MB run at once.
 */
async function upload() {
  await withApi(async ({ newUpload, send, pid, tmp }) => {
    const size = UPLOAD_MB * MB;
    const api = [];
    const disk = [];
    for (let round = 0; round < ROUNDS; round++) {
      const location = await newUpload(size);
      let t = performance.now();
      await send(location, pdfBytes(size, `api-${round}`));
      api.push(UPLOAD_MB / ((performance.now() - t) / 1000));
      t = performance.now();
      mkdirSync(path.join(tmp, 'raw'), { recursive: true });
      const file = path.join(tmp, 'raw', `raw-${round}.bin`);
      const out = createWriteStream(file);
      for await (const part of pdfBytes(size, `raw-${round}`)) if (!out.write(part)) await new Promise((r) => out.once('drain', r));
      await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
      const fh = await open(file, 'r');
      await fh.sync();
      await fh.close();
      disk.push(UPLOAD_MB / ((performance.now() - t) / 1000));
      rmSync(file, { force: true });
    }
    const a = median(api);
    const d = median(disk);
    console.log(`\nUploads: ${UPLOAD_MB} MB, ${ROUNDS} rounds, medians.`);
    console.log(`  through the API (tus PATCH → type check → FileStore → attach)  ${a.toFixed(1).padStart(7)} MB/s`);
    console.log(`  raw disk write of the same bytes (fsync)                        ${d.toFixed(1).padStart(7)} MB/s`);
    console.log(`  ratio API / raw disk: ${(a / d).toFixed(2)} (target ≥ 0.5)`);

    const locations = [];
    for (let i = 0; i < CONCURRENT_UPLOADS; i++) locations.push(await newUpload(CONCURRENT_MB * MB));
    const base = rssOf(pid);
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    const t = performance.now();
    await Promise.all(locations.map((l, i) => send(l, pdfBytes(CONCURRENT_MB * MB, `c-${i}`))));
    clearInterval(sampler);
    const seconds = (performance.now() - t) / 1000;
    console.log(`\n${CONCURRENT_UPLOADS} concurrent uploads of ${CONCURRENT_MB} MB (${CONCURRENT_UPLOADS * CONCURRENT_MB} MB in ${seconds.toFixed(1)} s, ${((CONCURRENT_UPLOADS * CONCURRENT_MB) / seconds).toFixed(1)} MB/s):`);
    console.log(`  API resident memory: ${(base / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - base) / MB).toFixed(0)} MB)\n`);
  });
}

const sections = { sign, upload };

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in sections));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  await ensureDependencies();
  await build();
  for (const name of asked.length ? asked : Object.keys(sections)) await sections[name]();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`\nbench:files failed: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
