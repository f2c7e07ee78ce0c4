import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { subjectOf } from '../sign/cms.js';
import { openPkcs12 } from '../sign/pkcs12-store.js';
import type { SignerIdentity } from '../types.js';
import { ensureDemoPki } from './demo-pki.js';

const a: SignerIdentity = { agencyId: '01958a2e-0000-7000-8000-00000000000a', agencyCode: 'H12.58.19', agencyName: 'Ủy ban nhân dân phường Tân Thành' };
const b: SignerIdentity = { agencyId: '01958a2e-0000-7000-8000-00000000000b', agencyCode: 'H12.21', agencyName: 'Sở Tư pháp tỉnh Cà Mau' };

describe('ensureDemoPki', () => {
  it('creates a root and one PKCS#12 per agency once, keeps them, and issues later agencies from the same root', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-')), 'pki');
    const lines: string[] = [];
    const first = await ensureDemoPki(dir, [a], { log: (l) => lines.push(l) });
    expect(first.created).toBe(true);
    expect(lines.join('\n')).toContain(first.rootFile);
    const manifest1 = JSON.parse(readFileSync(first.manifestFile, 'utf8'));
    const p12a = readFileSync(path.join(dir, manifest1[a.agencyId].file));

    const again = await ensureDemoPki(dir, [a], { log: (l) => lines.push(l) });
    expect(again).toMatchObject({ created: false, rootPem: first.rootPem });
    expect(lines).toHaveLength(1);
    expect(readFileSync(path.join(dir, manifest1[a.agencyId].file)).equals(p12a)).toBe(true);

    const more = await ensureDemoPki(dir, [a, b], { log: () => {} });
    expect(more).toMatchObject({ created: true, rootPem: first.rootPem });
    const manifest = JSON.parse(readFileSync(first.manifestFile, 'utf8'));
    expect(Object.keys(manifest).sort()).toEqual([a.agencyId, b.agencyId].sort());
    expect(manifest[a.agencyId].file).toBe(manifest1[a.agencyId].file);

    for (const who of [a, b]) {
      const entry = manifest[who.agencyId];
      const { chain } = openPkcs12(readFileSync(path.join(dir, entry.file)), entry.password);
      const [cert, root] = chain;
      expect(subjectOf(cert!)).toEqual({ commonName: who.agencyName, organization: 'Một Cửa (demo)' });
      expect(cert!.issuer.isEqual(root!.subject)).toBe(true);
      expect(await cert!.verify(root!)).toBe(true);
      // Private keys and passwords are readable by the owner only.
      expect(statSync(path.join(dir, entry.file)).mode & 0o077).toBe(0);
    }
    expect(statSync(path.join(dir, 'root-ca.key')).mode & 0o077).toBe(0);
    expect(statSync(first.manifestFile).mode & 0o077).toBe(0);
  });

  it('makes a new root for a different directory', async () => {
    const one = await ensureDemoPki(mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-')), [], { log: () => {} });
    const two = await ensureDemoPki(mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-')), [], { log: () => {} });
    expect(one.rootPem).not.toBe(two.rootPem);
  });
});
