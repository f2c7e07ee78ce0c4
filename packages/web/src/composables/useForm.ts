import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api-client.js';
import { describeError } from '../errors.js';

/**
 * A form's submit state: busy while the call runs, field errors from the API's
 * `fieldErrors` (keyed like "code" or "services.0.serviceId"), and one general message.
 */
export function useForm() {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});

  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    fieldErrors.value = {};
    try {
      return await action();
    } catch (e) {
      if (e instanceof ApiError) fieldErrors.value = e.fieldErrors;
      error.value = describeError(e, t);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  function reset() {
    error.value = null;
    fieldErrors.value = {};
  }

  return { busy, error, fieldErrors, submit, reset };
}
