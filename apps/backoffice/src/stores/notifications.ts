import { Namespace, Room, ServerEvent, type NotificationCreated } from '@motcua/contracts';
import { useRealtime } from '@motcua/web';
import { defineStore } from 'pinia';
import { effectScope, ref } from 'vue';
import * as notificationsApi from '../api/notifications.js';

/** The bell: my unread count, kept live from my `user:<id>` room, refetched after any missed event. */
export const useNotificationsStore = defineStore('backoffice-notifications', () => {
  const unread = ref(0);
  /** Bumped on each new notification, so an open list refetches. */
  const version = ref(0);
  let stop: (() => void) | undefined;

  async function refresh() {
    unread.value = (await notificationsApi.fetchUnread()).unread;
  }

  function start(staffId: string) {
    stop?.();
    const scope = effectScope(true);
    scope.run(() => {
      const realtime = useRealtime(Namespace.staff);
      realtime.subscribe<NotificationCreated>(Room.user(staffId), ServerEvent.notificationCreated, (e) => {
        unread.value = e.unread;
        version.value++;
      }, { onResync: () => void refresh().catch(() => {}) });
    });
    stop = () => scope.stop();
    void refresh().catch(() => {});
  }

  async function markRead(body: { ids: string[] } | { all: true }) {
    await notificationsApi.markRead(body);
    await refresh();
  }

  return { unread, version, start, stop: () => stop?.(), refresh, markRead };
});
