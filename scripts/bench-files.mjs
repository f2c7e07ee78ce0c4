// `npm run bench:files [section…]`: file and document figures, each as a ratio against a baseline
// measured in the same run (the machine is shared and noisy). Sections run in the order named;
// no argument runs them all. Add a section by adding an entry to `sections`.
import { sign as cryptoSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from './lib/load.mjs';
import { build, ensureDependencies } from './lib/setup.mjs';

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

const sections = { sign };

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
