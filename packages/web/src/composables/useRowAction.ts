import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from '../errors.js';

/**
 * A button's action on one row of a list: asks first when given a question, and keeps
 * a failure as one message for the list (the row has no form to show it in).
 */
export function useRowAction() {
  const { t } = useI18n();
  const error = ref<string | null>(null);

  async function run<T>(action: () => Promise<T>, confirm?: string): Promise<T | undefined> {
    if (confirm && !window.confirm(confirm)) return undefined;
    error.value = null;
    try {
      return await action();
    } catch (e) {
      error.value = describeError(e, t);
      return undefined;
    }
  }

  return { error, run };
}
