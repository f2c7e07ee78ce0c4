/* Một Cửa citizen app service worker: shows Web Push messages about a ticket (#17).
   The payload is JSON { title, body, tag } from the worker; a later message with the same tag
   (the call after "3 ahead") replaces the earlier one. Clicking opens or focuses the app. */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let message = { title: 'Một Cửa', body: '', tag: 'motcua' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    if (event.data) message.body = event.data.text();
  }
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, tag: message.tag, renotify: true, lang: 'vi' }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => 'focus' in w);
      return open ? open.focus() : self.clients.openWindow('/');
    }),
  );
});
