import type { MatrixPart } from './matrix.js';

/** A received dossier of the target center's commune, created with plain SQL. */
export const dossierMatrix: MatrixPart = {
  async fixtures({ sql, target, where }) {
    const [row] = await sql`
      select c.id as center_id, c.unit_id, a.id as agency_id, a.electronic_id,
             (select pv.id from procedure_versions pv join procedures p on p.id = pv.procedure_id where p.code = 'CTR-TT') as version_id,
             (select pv.procedure_id from procedure_versions pv join procedures p on p.id = pv.procedure_id where p.code = 'CTR-TT') as procedure_id
      from centers c join agencies a on a.unit_id = c.unit_id and a.kind = 'commune_committee' where c.id = ${target.centerId!}`;
    const [dossier] = await sql`
      insert into dossiers (code, agency_id, current_agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, applicant_phone, received_at, due_at)
      values (${`${row!.electronic_id}-990101-${where === 'inside' ? '0001' : '0002'}`}, ${row!.agency_id}, ${row!.agency_id}, ${row!.center_id}, ${row!.center_id}, ${row!.version_id},
              'counter', 'received', 'Nguyễn Văn Mẫu', '0912345678', now(), now() + interval '7 days')
      returning id`;
    const [doc] = await sql`
      insert into dossier_documents (dossier_id, kind, name, component_index, form, required) values (${dossier!.id}, 'component', 'Tờ khai', 0, 'original', true) returning id`;
    return { dossierId: dossier!.id, procedureId: row!.procedure_id, unitId: row!.unit_id, documentId: doc!.id };
  },
  samples: {
    intakeOptions: () => ({ path: '/dossiers/intake-options' }),
    intakeAtCenter: (t) => ({
      path: `/centers/${t.centerId}/dossiers`,
      body: { procedureId: t.procedureId, applicant: { name: 'Trần Văn Thử', phone: '0987654321' }, applicantUnitId: t.unitId, outcome: { kind: 'accept' } },
    }),
    intakeOnline: (t) => ({
      path: '/intake/online',
      body: { procedureId: t.procedureId, receivingCenterId: t.centerId, applicant: { name: 'Trần Văn Thử', phone: '0987654321' }, applicantUnitId: t.unitId, idempotencyKey: `matrix-${t.centerId}` },
    }),
    listDossiers: () => ({ path: '/dossiers?scope=all' }),
    getDossier: (t) => ({ path: `/dossiers/${t.dossierId}` }),
    decideIntake: (t) => ({ path: `/dossiers/${t.dossierId}/intake-decision`, body: { kind: 'refuse', reasons: ['Mẫu'] } }),
    processDossier: (t) => ({ path: `/dossiers/${t.dossierId}/actions`, body: { action: 'resume' } }),
    returnDossier: (t) => ({ path: `/dossiers/${t.dossierId}/return`, body: { method: 'counter', receivedBy: 'Người nhận' } }),
    closeDossier: (t) => ({ path: `/dossiers/${t.dossierId}/close`, body: { kind: 'stop', reason: 'Mẫu' } }),
    // A JSON body is refused (415) by those allowed; the matrix checks who gets that far.
    uploadComponentFile: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/file`, body: {} }),
    // No applicant ID number: nothing to reuse (an empty list; 404 to attach).
    listReusableDocuments: (t) => ({ path: `/dossiers/${t.dossierId}/reusable-documents` }),
    reuseDocument: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/reuse`, body: { documentId: t.documentId } }),
    // Without the Tus-Resumable header tus answers 412 to those allowed; GET (not HEAD) on an upload is 404.
    createResumableUpload: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/uploads` }),
    resumableUploadOffset: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/uploads/${'0'.repeat(32)}` }),
    resumeUpload: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/uploads/${'0'.repeat(32)}` }),
    cancelUpload: (t) => ({ path: `/dossiers/${t.dossierId}/components/0/uploads/${'0'.repeat(32)}` }),
    // No file scanned yet: 404 for those allowed.
    readDocumentFile: (t) => ({ path: `/dossiers/${t.dossierId}/documents/${t.documentId}/file` }),
    createFileLink: (t) => ({ path: `/dossiers/${t.dossierId}/documents/${t.documentId}/link` }),
    // A made-up signature: 404 for everyone (public route).
    readSignedFile: (t) => ({ path: `/files/${t.documentId}?exp=4102444800&sig=${'A'.repeat(43)}` }),
    // A component without a file: 404 for everyone; a JSON body is not a PDF: 415.
    verifyDocument: (t) => ({ path: `/verify/${t.documentId}` }),
    verifyUpload: () => ({ path: '/verify', body: {} }),
    trackDossier: () => ({ path: '/track?code=H12.32002-990101-0001&phoneLast4=5678' }),
  },
};
