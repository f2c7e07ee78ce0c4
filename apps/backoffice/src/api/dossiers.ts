import type { CounterIntake, DossierComponent, IntakeOutcome, ProcessAction, RouteBody, RouteResponse } from '@motcua/contracts';
import { routes, ZErrorBody, type ZDossierListQuery } from '@motcua/contracts';
import { DEFAULT_TIME_ZONE } from '@motcua/core';
import { ApiError, NetworkError } from '@motcua/web';
import type { z } from 'zod';
import { Upload, type DetailedError } from 'tus-js-client';
import { i18n } from '../i18n/index.js';
import { api } from './client.js';

export type IntakeOptions = RouteResponse<'intakeOptions'>;
type ListQuery = z.input<typeof ZDossierListQuery>;
/** The inbox filters as its form holds them: '' is "any". */
export type ListFilters = { scope: NonNullable<ListQuery['scope']>; status: NonNullable<ListQuery['status']> | ''; due: NonNullable<ListQuery['due']> | ''; q: string };

export const listDossiers = (f: ListFilters) => api.call(routes.listDossiers, { query: { scope: f.scope, status: f.status || undefined, due: f.due || undefined, q: f.q || undefined } });
export const getDossier = (id: string) => api.call(routes.getDossier, { params: { id } });
export const intakeOptions = () => api.call(routes.intakeOptions);
export const receiveDossier = (centerId: string, body: CounterIntake) => api.call(routes.intakeAtCenter, { params: { centerId }, body });
export const decideIntake = (id: string, body: IntakeOutcome) => api.call(routes.decideIntake, { params: { id }, body });
export const processDossier = (id: string, body: ProcessAction) => api.call(routes.processDossier, { params: { id }, body });
export const returnDossier = (id: string, body: RouteBody<'returnDossier'>) => api.call(routes.returnDossier, { params: { id }, body });
export const closeDossier = (id: string, body: RouteBody<'closeDossier'>) => api.call(routes.closeDossier, { params: { id }, body });

/**
 * Attaches the scan of a checklist component: one PDF, or page images in page order (one PDF is made of them).
 * A single file goes up resumably (tus): a dropped connection resumes from the bytes the server holds.
 */
export function uploadComponentFile(id: string, index: number, files: File[], onProgress?: (sent: number, total: number) => void) {
  if (files.length === 1) return uploadResumable(id, index, files[0]!, onProgress);
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.call(routes.uploadComponentFile, { params: { id, index }, body: form });
}

function uploadResumable(id: string, index: number, file: File, onProgress?: (sent: number, total: number) => void): Promise<DossierComponent> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: `/api/dossiers/${id}/components/${index}/uploads`,
      metadata: { filename: file.name },
      headers: { 'accept-language': i18n.global.locale.value },
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      // Refusals (413, 415, 4xx) are final; only lost connections and 5xx are retried.
      onShouldRetry: (err) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
      onProgress,
      onSuccess: ({ lastResponse }) => {
        try {
          resolve(JSON.parse(lastResponse.getBody()) as DossierComponent);
        } catch {
          reject(new ApiError(lastResponse.getStatus(), 'UNKNOWN', `HTTP ${lastResponse.getStatus()}`));
        }
      },
      onError: (err) => {
        const res = (err as DetailedError).originalResponse;
        const body = res ? safeJson(res.getBody()) : undefined;
        const parsed = ZErrorBody.safeParse(body);
        if (res && parsed.success) reject(new ApiError(res.getStatus(), parsed.data.error.code, parsed.data.error.message, parsed.data.error.details));
        else if (res) reject(new ApiError(res.getStatus(), 'UNKNOWN', `HTTP ${res.getStatus()}`));
        else reject(new NetworkError(err.message));
      },
    });
    upload.start();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where a document's file is read (staff in scope; the read is audited). */
export const documentFileUrl = (id: string, documentId: string) => `/api/dossiers/${id}/documents/${documentId}/file`;

/** Local date and time in the viewer's locale, Vietnam time. */
export function formatTime(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: DEFAULT_TIME_ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** Lines of a textarea, blank ones dropped. */
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
