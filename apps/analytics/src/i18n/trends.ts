export const trendsMessages = {
  vi: {
    trends: {
      title: 'Xu hướng và kênh nộp',
      rates: 'Tỷ lệ theo {bucket}',
      buckets: { day: 'ngày', week: 'tuần', month: 'tháng' },
      volumes: 'Số hồ sơ',
      table: 'Số liệu theo kỳ',
      bucket: 'Từ ngày',
      mix: 'Cơ cấu kênh nộp',
      channel: 'Kênh',
      received: 'Tiếp nhận',
      resolved: 'Đã giải quyết',
    },
  },
  en: {
    trends: {
      title: 'Trends and channels',
      rates: 'Rates per {bucket}',
      buckets: { day: 'day', week: 'week', month: 'month' },
      volumes: 'Dossiers',
      table: 'Figures per bucket',
      bucket: 'From',
      mix: 'Channel mix',
      channel: 'Channel',
      received: 'Received',
      resolved: 'Resolved',
    },
  },
};
