import { Namespace } from '@motcua/contracts';
import { useRealtime } from '@motcua/web';
import { effectScope, watch, type Ref } from 'vue';

/**
 * A paired device's open socket is its presence on the manager's Devices page (#18 item 12).
 * Opened only once `paired` turns true, so the handshake carries the device cookie; closed with the page.
 */
export function useDevicePresence(paired: Ref<boolean>) {
  const scope = effectScope();
  let opened = false;
  watch(paired, (yes) => {
    if (!yes || opened) return;
    opened = true;
    scope.run(() => useRealtime(Namespace.public));
  }, { immediate: true });
}
