export const conferenceMessages = {
  vi: {
    conference: {
      live: 'Trực tiếp',
      waiting: 'Đang chờ sự kiện mới…',
      received: 'Tiếp nhận: {procedure} — {unit}',
      resolved: 'Đã giải quyết: {procedure} — {unit}',
    },
  },
  en: {
    conference: {
      live: 'Live',
      waiting: 'Waiting for new events…',
      received: 'Received: {procedure} — {unit}',
      resolved: 'Resolved: {procedure} — {unit}',
    },
  },
};
