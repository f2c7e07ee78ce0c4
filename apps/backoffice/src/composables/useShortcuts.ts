import { onBeforeUnmount, onMounted } from 'vue';

/** Key name ("N", "Space", …) → what it does. An action that is not possible now simply does nothing. */
export type ShortcutMap = Record<string, () => void>;

const typingTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The shortcut a key press means, or null when it belongs to something else:
 * typing in a field (Vietnamese input methods compose there too), a browser or
 * OS combination, a held-down key, or Space on a focused control (it presses it).
 */
export function shortcutKey(e: KeyboardEvent): string | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.isComposing) return null;
  const target = e.target instanceof Element ? e.target : null;
  if (target && (typingTags.has(target.tagName) || (target as HTMLElement).isContentEditable)) return null;
  if (target?.closest('dialog[open]')) return null;
  if (e.key === ' ') return target?.closest('button, a[href], summary, [role=button]') ? null : 'Space';
  return e.key.length === 1 ? e.key.toUpperCase() : null;
}

/** Page-wide single-key shortcuts while the component is mounted. */
export function useShortcuts(map: ShortcutMap, enabled: () => boolean = () => true) {
  const onKey = (e: KeyboardEvent) => {
    if (!enabled()) return;
    const key = shortcutKey(e);
    const run = key ? map[key] : undefined;
    if (!run) return;
    e.preventDefault();
    run();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
