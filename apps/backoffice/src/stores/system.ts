import type { Health, Ping } from '@motcua/contracts';
import { createPing, getHealth, getPing } from '@motcua/web';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client.js';

export interface SelfTestResult {
  acceptedMs: number;
  processedMs: number;
  receivedMs: number;
}

/** Health of the platform, polled, and the end-to-end self-test. */
export const useSystemStore = defineStore('backoffice-system', () => {
  const health = ref<Health | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const refreshedAt = ref<Date | null>(null);

  async function refresh() {
    loading.value = health.value === null;
    try {
      health.value = await getHealth(api);
      error.value = null;
      refreshedAt.value = new Date();
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  /**
   * Creates a ping and waits for the worker's `system.pong`: `waitForPong` is the
   * realtime subscription, resolved with the event's data when the matching one arrives.
   */
  async function selfTest(waitForPong: (pingId: string) => Promise<Ping>, timeoutMs = 10_000): Promise<SelfTestResult> {
    const started = performance.now();
    const ping = await createPing(api, `self-test ${new Date().toISOString()}`);
    const acceptedMs = performance.now() - started;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polling: ReturnType<typeof setInterval> | undefined;
    // The socket may still be joining its room when the pong is sent; reading the row catches that case.
    const polled = new Promise<Ping>((resolve) => {
      polling = setInterval(() => void getPing(api, ping.id).then((p) => p.processedAt && resolve(p), () => {}), 2000);
    });
    const pong = await Promise.race([
      waitForPong(ping.id),
      polled,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]).finally(() => {
      clearTimeout(timer);
      clearInterval(polling);
    });
    return {
      acceptedMs,
      // Server-side: from the row's insert to the worker's update.
      processedMs: new Date(pong.processedAt!).getTime() - new Date(pong.createdAt).getTime(),
      receivedMs: performance.now() - started,
    };
  }

  return { health, loading, error, refreshedAt, refresh, selfTest };
});
