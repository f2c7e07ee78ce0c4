import { ApiError, describeError } from '@motcua/web';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { pairDevice } from '../api/queue.js';

type DeviceSession = Awaited<ReturnType<typeof pairDevice>>;

/**
 * The pairing form of an unpaired device (kiosk, rating tablet): the manager's one-time code,
 * the refusal shown under it, and `pair()`, which runs `onPaired` once the device cookie is set.
 */
export function usePairing(onPaired: (session: DeviceSession) => unknown) {
  const { t } = useI18n();
  const code = ref('');
  const error = ref<string | null>(null);
  const pairing = ref(false);

  async function pair() {
    error.value = null;
    pairing.value = true;
    try {
      const session = await pairDevice(code.value.trim());
      code.value = '';
      await onPaired(session);
    } catch (e) {
      error.value = e instanceof ApiError ? (e.fieldErrors.code ?? e.message) : describeError(e, t);
    } finally {
      pairing.value = false;
    }
  }

  return { code, error, pairing, pair };
}
