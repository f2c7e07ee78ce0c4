import { z } from 'zod';
import { defineRoute } from '../route.js';
import {
  ZCitizenCallbackQuery, ZCitizenComponentParams, ZCitizenDossier, ZCitizenDossierParams, ZCitizenDossierSummary, ZCitizenMe, ZCitizenProcedure, ZCitizenRating, ZCitizenReusableDocument, ZCitizenSignInQuery, ZCitizenSubmission, ZCitizenSupplementAnswer,
} from '../citizen.js';
import { ZOnlineIntakeReceipt } from '../dossiers.js';

const citizen = { kind: 'citizen' } as const;

/** Citizen sign-in (OpenID Connect relying party) and the citizen portal "Hồ sơ của tôi" (issue #17). */
export const citizenRoutes = {
  citizenSignIn: defineRoute({
    method: 'GET', path: '/citizen/auth/sign-in', tag: 'citizen', status: 302,
    summary: 'Starts citizen sign-in: redirects to the identity provider (authorization code + PKCE, state, nonce); 404 when no provider is configured',
    access: { kind: 'public', rateLimit: { limit: 30, windowSeconds: 60 } }, query: ZCitizenSignInQuery, response: z.string(),
  }),
  citizenCallback: defineRoute({
    method: 'GET', path: '/citizen/auth/callback', tag: 'citizen', status: 302,
    summary: "The identity provider's redirect: checks state, exchanges the code with the PKCE verifier, verifies the ID token (signature, issuer, audience, nonce), opens a citizen session",
    access: { kind: 'public', rateLimit: { limit: 30, windowSeconds: 60 } }, query: ZCitizenCallbackQuery, response: z.string(),
  }),
  citizenMe: defineRoute({
    method: 'GET', path: '/citizen/me', tag: 'citizen', summary: 'The signed-in citizen (name, ID number, phone as the provider verified them)',
    access: citizen, response: ZCitizenMe,
  }),
  citizenSignOut: defineRoute({
    method: 'POST', path: '/citizen/auth/sign-out', tag: 'citizen', status: 200, summary: "Ends the citizen's session",
    access: citizen, response: z.object({ ok: z.literal(true) }),
  }),
  citizenDossiers: defineRoute({
    method: 'GET', path: '/citizen/dossiers', tag: 'citizen', summary: "Hồ sơ của tôi: every dossier whose applicant ID number is the signed-in citizen's (any channel), newest first",
    access: citizen, response: z.array(ZCitizenDossierSummary),
  }),
  citizenDossier: defineRoute({
    method: 'GET', path: '/citizen/dossiers/:code', tag: 'citizen',
    summary: "One of my dossiers: timeline, appointment, what is asked of me now, documents with expiring signed links; another person's dossier answers 404",
    access: citizen, params: ZCitizenDossierParams, response: ZCitizenDossier,
  }),
  citizenProcedures: defineRoute({
    method: 'GET', path: '/citizen/procedures', tag: 'citizen', summary: 'Procedures I can submit online, with their checklist and receiving centers',
    access: citizen, response: z.array(ZCitizenProcedure),
  }),
  citizenSubmit: defineRoute({
    method: 'POST', path: '/citizen/dossiers', tag: 'citizen', status: 200,
    summary: 'Submit a dossier online as the signed-in citizen (identity verified); answers the receipt. The same idempotency key returns the same receipt',
    access: citizen, body: ZCitizenSubmission, response: ZOnlineIntakeReceipt,
  }),
  citizenUploadComponentFile: defineRoute({
    method: 'POST', path: '/citizen/dossiers/:code/components/:index/file', tag: 'citizen',
    summary: 'Attach a file to a checklist item of my dossier (multipart/form-data; PDF, JPEG or PNG; same limits as the counter) while it is submitted or waiting for a supplement',
    access: citizen, params: ZCitizenComponentParams, response: z.object({ index: z.number().int(), hasFile: z.boolean() }),
  }),
  citizenAnswerSupplement: defineRoute({
    method: 'POST', path: '/citizen/dossiers/:code/supplement', tag: 'citizen', status: 200,
    summary: "Supplement done: every item asked has a file attached since the request (or the note says how it was supplied). During processing the dossier resumes and the deadline pause ends; at intake the center is told and decides. 409 when nothing is asked or something is missing",
    access: citizen, params: ZCitizenDossierParams, body: ZCitizenSupplementAnswer, response: ZCitizenDossier,
  }),
  citizenRateDossier: defineRoute({
    method: 'POST', path: '/citizen/dossiers/:code/rating', tag: 'citizen', status: 201,
    summary: 'Rate my dossier once its result is handed over (very satisfied / satisfied / not satisfied, optional comment); counts for satisfaction as a counter rating does. A second rating answers 409',
    access: citizen, params: ZCitizenDossierParams, body: ZCitizenRating, response: ZCitizenDossier,
  }),
  citizenReusableDocuments: defineRoute({
    method: 'GET', path: '/citizen/reusable-documents', tag: 'citizen',
    summary: 'Files digitised for my earlier dossiers (same verified ID number), one per file, newest first: offered instead of a new upload when I submit online',
    access: citizen, response: z.array(ZCitizenReusableDocument),
  }),
} as const;
