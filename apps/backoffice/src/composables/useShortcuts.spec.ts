import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useShortcuts, type ShortcutMap } from './useShortcuts.js';

function setup(map: ShortcutMap, enabled?: () => boolean) {
  const Host = defineComponent({
    setup() {
      useShortcuts(map, enabled);
      return () => h('div', [h('input', { id: 'field' }), h('textarea', { id: 'note' }), h('button', { id: 'btn' }, 'ok'), h('p', { id: 'text' }, 'x'), h('dialog', { id: 'dlg', open: true }, [h('p', { id: 'inDialog' })])]);
    },
  });
  return mount(Host, { attachTo: document.body });
}
const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
};

describe('useShortcuts', () => {
  let wrapper: ReturnType<typeof setup> | undefined;
  afterEach(() => wrapper?.unmount());

  it('runs the action of a letter in either case and of Space, and stops the browser default', () => {
    const next = vi.fn();
    const recall = vi.fn();
    wrapper = setup({ N: next, Space: next, R: recall });
    const text = document.getElementById('text')!;
    expect(press(text, 'n').defaultPrevented).toBe(true);
    press(text, 'N', { shiftKey: true });
    press(document.body, ' ');
    press(text, 'r');
    expect(next).toHaveBeenCalledTimes(3);
    expect(recall).toHaveBeenCalledTimes(1);
  });

  it('never fires while typing in a field or inside an open dialog', () => {
    const next = vi.fn();
    wrapper = setup({ N: next, Space: next });
    for (const id of ['field', 'note', 'inDialog']) {
      const e = press(document.getElementById(id)!, 'n');
      press(document.getElementById(id)!, ' ');
      expect(e.defaultPrevented).toBe(false);
    }
    expect(next).not.toHaveBeenCalled();
  });

  it('leaves Space to a focused button, and ignores key combinations and held keys', () => {
    const next = vi.fn();
    wrapper = setup({ N: next, Space: next });
    expect(press(document.getElementById('btn')!, ' ').defaultPrevented).toBe(false);
    press(document.body, 'n', { ctrlKey: true });
    press(document.body, 'n', { metaKey: true });
    press(document.body, 'n', { altKey: true });
    press(document.body, 'n', { repeat: true });
    press(document.body, 'Enter');
    expect(next).not.toHaveBeenCalled();
    press(document.getElementById('btn')!, 'n');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('does nothing while disabled and stops listening once unmounted', () => {
    const next = vi.fn();
    let on = false;
    wrapper = setup({ N: next }, () => on);
    press(document.body, 'n');
    on = true;
    press(document.body, 'n');
    wrapper.unmount();
    wrapper = undefined;
    press(document.body, 'n');
    expect(next).toHaveBeenCalledTimes(1);
  });
});
