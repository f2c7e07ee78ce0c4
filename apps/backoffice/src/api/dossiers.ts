import type { CounterIntake, DossierComponent, DossierDetail, DossierSummary, IntakeOutcome, ProcessAction, RouteResponse } from '@motcua/contracts';
import { ZErrorBody } from '@motcua/contracts';
import { ApiError, NetworkError } from '@motcua/web';
import { Upload, type DetailedError } from 'tus-js-client';
import { i18n } from '../i18n/index.js';
import { api } from './client.js';

export type IntakeOptions = RouteResponse<'intakeOptions'>;
export type ListQuery = { scope?: 'mine' | 'all'; status?: string; due?: string; q?: string };

export const listDossiers = (query: ListQuery) => api.request<DossierSummary[]>('GET', '/dossiers', { query: { ...query, q: query.q || undefined, status: query.status || undefined, due: query.due || undefined } });
export const getDossier = (id: string) => api.request<DossierDetail>('GET', `/dossiers/${id}`);
export const intakeOptions = () => api.request<IntakeOptions>('GET', '/dossiers/intake-options');
export const receiveDossier = (centerId: string, body: CounterIntake) => api.request<DossierDetail>('POST', `/centers/${centerId}/dossiers`, { body });
export const decideIntake = (id: string, body: IntakeOutcome) => api.request<DossierDetail>('POST', `/dossiers/${id}/intake-decision`, { body });
export const processDossier = (id: string, body: ProcessAction) => api.request<DossierDetail>('POST', `/dossiers/${id}/actions`, { body });
export const returnDossier = (id: string, body: { method: 'counter' | 'post' | 'online'; receivedBy: string; note?: string }) => api.request<DossierDetail>('POST', `/dossiers/${id}/return`, { body });
export const closeDossier = (id: string, body: { kind: 'withdraw' | 'stop'; reason: string }) => api.request<DossierDetail>('POST', `/dossiers/${id}/close`, { body });

/**
 * Attaches the scan of a checklist component: one PDF, or page images in page order (one PDF is made of them).
 * A single file goes up resumably (tus): a dropped connection resumes from the bytes the server holds.
 */
export function uploadComponentFile(id: string, index: number, files: File[], onProgress?: (sent: number, total: number) => void) {
  if (files.length === 1) return uploadResumable(id, index, files[0]!, onProgress);
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.request<DossierComponent>('POST', `/dossiers/${id}/components/${index}/file`, { body: form });
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
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** Lines of a textarea, blank ones dropped. */
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
