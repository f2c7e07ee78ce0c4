import { routes, ZHealth, type Health, type Ping } from '@motcua/contracts';
import { ApiError, type ApiClient } from './api-client.js';

/** Health is answered with 503 while degraded; the body still says which part is down. */
export async function getHealth(api: ApiClient): Promise<Health> {
  try {
    return await api.call(routes.health);
  } catch (e) {
    if (e instanceof ApiError && e.status === 503 && ZHealth.safeParse(e.details).success) return e.details as Health;
    throw e;
  }
}

export function createPing(api: ApiClient, message: string): Promise<Ping> {
  return api.call(routes.createPing, { body: { message } });
}

export function getPing(api: ApiClient, id: string): Promise<Ping> {
  return api.call(routes.getPing, { params: { id } });
}
