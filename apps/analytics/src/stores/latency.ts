import type { Health } from '@motcua/contracts';
import { getHealth } from '@motcua/web';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client.js';

const KEEP = 60;

/** A rolling window of health-check latencies: the live line on the overview. */
export const useLatencyStore = defineStore('analytics-latency', () => {
  const samples = ref<Array<{ at: Date; postgres: number | null; redis: number | null }>>([]);
  const error = ref<unknown>(null);

  function record(health: Health, at = new Date()) {
    const ms = (c: Health['checks']['postgres']) => (c.status === 'up' ? (c.latencyMs ?? null) : null);
    samples.value = [...samples.value, { at, postgres: ms(health.checks.postgres), redis: ms(health.checks.redis) }].slice(-KEEP);
  }

  async function sample() {
    try {
      record(await getHealth(api));
      error.value = null;
    } catch (e) {
      error.value = e;
    }
  }

  return { samples, error, record, sample };
});
