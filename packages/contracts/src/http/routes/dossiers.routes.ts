import { z } from 'zod';
import { defineRoute } from '../route.js';
import { ZCenterParams, ZIdParams } from '../common.js';
import {
  ZCloseRequest, ZComponentParams, ZDocumentParams, ZResumableUploadParams, ZReusableDocument, ZReuseRequest, ZFileLink, ZSignedFileParams, ZSignedFileQuery, ZVerifyResult, ZDossierComponent, ZCounterIntake, ZDossierDetail, ZDossierListQuery, ZDossierSummary, ZIntakeOptions, ZIntakeOutcome, ZOnlineIntake, ZOnlineIntakeReceipt, ZProcessAction,
  ZReturnRequest, ZTrackQuery, ZTracking,
} from '../dossiers.js';
import { centerParam } from './access.js';

const dossierParam = { type: 'dossier', from: 'params', key: 'id' } as const;
/** Processing is the business of the competent (and current) agency, intake decisions of the receiving center, hand-over of the return point. */
const agencyParam = { type: 'dossier_agency', from: 'params', key: 'id' } as const;
const intakeParam = { type: 'dossier_intake', from: 'params', key: 'id' } as const;
const returnParam = { type: 'dossier_return', from: 'params', key: 'id' } as const;
/** Officers of the receiving center take dossiers in and hand results back. */
const counterStaff = ['officer', 'center_manager'] as const;
/** Specialists of the competent agency process; managers step in. */
const processors = ['specialist', 'center_manager'] as const;

/** Dossier intake on every channel, processing, return and citizen tracking (issue #5). */
export const dossierRoutes = {
  intakeOptions: defineRoute({
    method: 'GET', path: '/dossiers/intake-options', tag: 'dossiers', summary: 'Procedures, units, centers and agencies the intake form offers',
    access: { kind: 'staff', roles: 'any' }, response: ZIntakeOptions,
  }),
  intakeAtCenter: defineRoute({
    method: 'POST', path: '/centers/:centerId/dossiers', tag: 'dossiers',
    summary: 'Receive a dossier at the counter (optionally from the ticket being served) or by post: accept, request completion or refuse',
    access: { kind: 'staff', roles: counterStaff, scope: centerParam }, params: ZCenterParams, body: ZCounterIntake, response: ZDossierDetail,
  }),
  intakeOnline: defineRoute({
    method: 'POST', path: '/intake/online', tag: 'dossiers', status: 200,
    summary: 'A dossier submitted on the public service portal; answers a receipt (code, appointment, where to track), never the dossier. The same idempotency key with the same request returns the same receipt; with a different request, 409',
    access: { kind: 'public', rateLimit: { limit: 120, windowSeconds: 60 } }, body: ZOnlineIntake, response: ZOnlineIntakeReceipt,
  }),
  listDossiers: defineRoute({
    method: 'GET', path: '/dossiers', tag: 'dossiers', summary: 'My inbox (or every dossier in my scope), by due time; search by code, applicant name or phone',
    access: { kind: 'staff', roles: 'any' }, query: ZDossierListQuery, response: z.array(ZDossierSummary),
  }),
  getDossier: defineRoute({
    method: 'GET', path: '/dossiers/:id', tag: 'dossiers', summary: 'A dossier with its control slip, documents, payments and the actions allowed to me now',
    access: { kind: 'staff', roles: 'any', scope: dossierParam }, params: ZIdParams, response: ZDossierDetail,
  }),
  decideIntake: defineRoute({
    method: 'POST', path: '/dossiers/:id/intake-decision', tag: 'dossiers', status: 200, summary: 'Accept, request completion of, or refuse a submitted dossier',
    access: { kind: 'staff', roles: counterStaff, scope: intakeParam }, params: ZIdParams, body: ZIntakeOutcome, response: ZDossierDetail,
  }),
  processDossier: defineRoute({
    method: 'POST', path: '/dossiers/:id/actions', tag: 'dossiers', status: 200,
    summary: 'Assign, forward, send back, supplement, financial obligation, suspend, resume, extend with apology, resolve',
    access: { kind: 'staff', roles: processors, scope: agencyParam }, params: ZIdParams, body: ZProcessAction, response: ZDossierDetail,
  }),
  returnDossier: defineRoute({
    method: 'POST', path: '/dossiers/:id/return', tag: 'dossiers', status: 200, summary: 'Hand the result over (counter, post or online) and record who received it',
    access: { kind: 'staff', roles: counterStaff, scope: returnParam }, params: ZIdParams, body: ZReturnRequest, response: ZDossierDetail,
  }),
  closeDossier: defineRoute({
    method: 'POST', path: '/dossiers/:id/close', tag: 'dossiers', status: 200, summary: 'Withdrawal by the applicant or a stop notice (only before a decision)',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZIdParams, body: ZCloseRequest, response: ZDossierDetail,
  }),
  uploadComponentFile: defineRoute({
    method: 'POST', path: '/dossiers/:id/components/:index/file', tag: 'dossiers',
    summary: 'Attach the scan of a component paper (multipart/form-data, one PDF or several page images in page order → one PDF); PDF, JPEG or PNG by content; 413 over the limits, 415 for any other type',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZComponentParams, response: ZDossierComponent,
  }),
  listReusableDocuments: defineRoute({
    method: 'GET', path: '/dossiers/:id/reusable-documents', tag: 'dossiers',
    summary: "Files digitised before for the same applicant (ID number) — component scans and signed results of other dossiers in my scope — to attach without scanning again",
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZIdParams, response: z.array(ZReusableDocument),
  }),
  reuseDocument: defineRoute({
    method: 'POST', path: '/dossiers/:id/components/:index/reuse', tag: 'dossiers', status: 200,
    summary: 'Attach a file digitised before for the same applicant to a component, by reference (recorded as reused; 766 indicator 4.3)',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZComponentParams, body: ZReuseRequest, response: ZDossierComponent,
  }),
  // Resumable uploads (tus 1.0.0: creation, termination): POST makes the upload, HEAD (the GET route) gives its offset, PATCH sends bytes from it.
  // The file is checked (type by content, limits) when its last byte arrives, then attached like a normal upload; the last PATCH answers the component.
  createResumableUpload: defineRoute({
    method: 'POST', path: '/dossiers/:id/components/:index/uploads', tag: 'dossiers',
    summary: 'Start a resumable (tus) upload of a component file: headers Tus-Resumable 1.0.0 and Upload-Length; answers 201 with Location. Over the file or dossier limit: 413',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZComponentParams, response: z.string(),
  }),
  resumableUploadOffset: defineRoute({
    method: 'GET', path: '/dossiers/:id/components/:index/uploads/:uploadId', tag: 'dossiers',
    summary: 'HEAD: how many bytes of a resumable upload the server holds (Upload-Offset), to resume after a dropped connection',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZResumableUploadParams, response: z.string(),
  }),
  resumeUpload: defineRoute({
    method: 'PATCH', path: '/dossiers/:id/components/:index/uploads/:uploadId', tag: 'dossiers',
    summary: 'Send bytes of a resumable upload from Upload-Offset (application/offset+octet-stream); the last one answers the attached component, or 413/415 with nothing kept',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZResumableUploadParams, response: ZDossierComponent,
  }),
  cancelUpload: defineRoute({
    method: 'DELETE', path: '/dossiers/:id/components/:index/uploads/:uploadId', tag: 'dossiers', status: 204, summary: 'Abandon a resumable upload (its bytes are removed)',
    access: { kind: 'staff', roles: ['officer', 'specialist', 'center_manager'], scope: dossierParam }, params: ZResumableUploadParams, response: z.string(),
  }),
  readDocumentFile: defineRoute({
    method: 'GET', path: '/dossiers/:id/documents/:documentId/file', tag: 'dossiers', summary: 'The file of a document of the dossier (staff in scope; every read is in the audit log)',
    access: { kind: 'staff', roles: 'any', scope: dossierParam }, params: ZDocumentParams, response: z.string(), produces: 'application/pdf',
  }),
  createFileLink: defineRoute({
    method: 'POST', path: '/dossiers/:id/documents/:documentId/link', tag: 'dossiers', status: 200,
    summary: "An expiring signed link to a document's file, to give the applicant (FILE_LINK_TTL_HOURS, 72 h by default)",
    access: { kind: 'staff', roles: 'any', scope: dossierParam }, params: ZDocumentParams, response: ZFileLink,
  }),
  readSignedFile: defineRoute({
    method: 'GET', path: '/files/:documentId', tag: 'dossiers', summary: 'A citizen reads a file of their dossier through a signed link (HMAC, expiry); every read is audited',
    access: { kind: 'public', rateLimit: { limit: 60, windowSeconds: 60 } }, params: ZSignedFileParams, query: ZSignedFileQuery, response: z.string(), produces: 'application/pdf',
  }),
  verifyDocument: defineRoute({
    method: 'GET', path: '/verify/:documentId', tag: 'dossiers', summary: "The QR on a document of record: its signatures checked on the stored file, and what is printed on it (no personal data)",
    access: { kind: 'public', rateLimit: { limit: 60, windowSeconds: 60 } }, params: ZSignedFileParams, response: ZVerifyResult,
  }),
  verifyUpload: defineRoute({
    method: 'POST', path: '/verify', tag: 'dossiers', status: 200, summary: 'Check an uploaded PDF (the body is the file, application/pdf): signer, time, intact or not, and whether it was issued here',
    access: { kind: 'public', rateLimit: { limit: 20, windowSeconds: 60 } }, response: ZVerifyResult,
  }),
  trackDossier: defineRoute({
    method: 'GET', path: '/track', tag: 'dossiers', summary: 'Citizen tracking: dossier code + last 4 digits of the phone → status timeline and appointment, no personal data',
    access: { kind: 'public', rateLimit: { limit: 20, windowSeconds: 60 } }, query: ZTrackQuery, response: ZTracking,
  }),
} as const;
