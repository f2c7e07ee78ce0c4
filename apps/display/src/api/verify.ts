import { routes, ZVerifyResult } from '@motcua/contracts';
import { api } from './client.js';

export const verifyIssued = (documentId: string) => api.call(routes.verifyDocument, { params: { documentId } });
/** The file itself is the body (application/pdf). */
export async function verifyUpload(file: File) {
  const res = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json' }, body: file });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return ZVerifyResult.parse(body);
}
