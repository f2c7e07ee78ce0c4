// The demo history's files as real bytes in the file store (#16): its rows are generated without
// bytes, so each scan points at one of a few small placeholder scans, and each signed result at its
// agency's sample result, signed with the demo keys. Content addressing stores each PDF once.

const SCANS = 6;

/** A one-page A4 "scan" (grey page, ruled lines): small, valid, clearly demo data. */
async function placeholderScan(n) {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0.96, 0.95, 0.92) });
  page.drawText(`DEMO SCAN ${n + 1} - du lieu mau / sample data`, { x: 60, y: 780, size: 14, font, color: rgb(0.2, 0.2, 0.2) });
  for (let i = 0; i < 30 + n * 3; i++) page.drawLine({ start: { x: 60, y: 740 - i * 20 }, end: { x: 535 - ((i * 37 + n * 11) % 160), y: 740 - i * 20 }, thickness: 1.2, color: rgb(0.55, 0.55, 0.55) });
  return doc.save();
}

/**
 * Replaces the history's made-up content addresses with stored files. Runs once, right after the
 * history is seeded (every file row then is the history's).
 */
export async function storeHistoryFiles(sql, { filesDir, pkiDir, log }) {
  const { createFileStore, fileStoreConfigFromEnv } = await import('@motcua/files');
  const documents = await import('@motcua/documents');
  const store = createFileStore(fileStoreConfigFromEnv(process.env, filesDir));
  try {
    const scans = [];
    for (let n = 0; n < SCANS; n++) {
      const bytes = await placeholderScan(n);
      scans.push({ ...(await store.put(bytes)), size: bytes.length });
    }
    // Scans (components, unsigned results): spread over the placeholders by row id.
    for (const [i, s] of scans.entries()) {
      await sql`update dossier_documents set file_sha256 = ${s.sha256}, file_size = ${s.size}, file_pages = 1
        where file_sha256 is not null and not signed and abs(hashtext(id::text)) % ${SCANS} = ${i}`;
    }
    // Signed results: one sample result per deciding agency, signed with its demo key.
    const signer = documents.createSigner(documents.signerConfigFromEnv(process.env, pkiDir));
    const agencies = await sql`select distinct a.id, a.code, a.name from dossier_documents dd join dossiers d on d.id = dd.dossier_id join agencies a on a.id = d.agency_id
      where dd.signed and dd.file_sha256 is not null`;
    let signedCount = 0;
    for (const a of agencies) {
      // A configured token may not hold every agency's key: those rows keep no file, and say so.
      if (!(await signer.canSignFor(a.id))) {
        log(`Demo history: no key for ${a.name}; its signed results have no file.`);
        continue;
      }
      const pdf = await documents.renderDocument('result', documents.sampleDocument('result', { issuer: { name: a.name, parentName: a.name, address: '' } }));
      const signed = await signer.sign(pdf, { agencyId: a.id, agencyCode: a.code, agencyName: a.name }, { reason: 'Kết quả mẫu (dữ liệu demo)', signedAt: new Date() });
      const stored = await store.put(signed);
      const rows = await sql`update dossier_documents dd set file_sha256 = ${stored.sha256}, file_size = ${signed.length}, file_pages = 1
        from dossiers d where d.id = dd.dossier_id and d.agency_id = ${a.id} and dd.signed and dd.file_sha256 is not null`;
      signedCount += rows.count;
    }
    await signer.close();
    log(`Demo history files stored: ${SCANS} sample scans and ${agencies.length} signed sample results behind ${signedCount.toLocaleString('en')} signed results.`);
  } finally {
    await store.close();
  }
}
