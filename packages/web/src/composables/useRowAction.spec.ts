import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { ApiError } from '../api-client.js';
import { createAppI18n } from '../i18n.js';
import { useRowAction } from './useRowAction.js';

function withAction() {
  let action!: ReturnType<typeof useRowAction>;
  mount(defineComponent({ setup: () => ((action = useRowAction()), () => null) }), { global: { plugins: [createAppI18n('test', { vi: {}, en: {} }).i18n] } });
  return action;
}

describe('useRowAction', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does nothing when the person says no to the question', async () => {
    vi.stubGlobal('confirm', vi.fn(() => false));
    const row = withAction();
    const act = vi.fn(async () => 'done');
    expect(await row.run(act, 'Thu hồi thiết bị?')).toBeUndefined();
    expect(act).not.toHaveBeenCalled();
    expect(window.confirm).toHaveBeenCalledWith('Thu hồi thiết bị?');
  });

  it('runs after a yes, or at once without a question, and returns the result', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    const row = withAction();
    expect(await row.run(async () => 'revoked', 'Thu hồi?')).toBe('revoked');
    expect(await row.run(async () => 'reactivated')).toBe('reactivated');
    expect(window.confirm).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure as a message and clears it on the next run', async () => {
    const row = withAction();
    await row.run(() => Promise.reject(new ApiError(409, 'CONFLICT', 'Thiết bị đã bị thu hồi')));
    expect(row.error.value).toBe('Thiết bị đã bị thu hồi');
    await row.run(async () => 1);
    expect(row.error.value).toBeNull();
  });
});
