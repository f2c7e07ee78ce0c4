export const rankingMessages = {
  vi: {
    ranking: {
      title: 'Xếp hạng xã, phường',
      chart: '{metric}: thấp nhất trước',
      metric: 'Chỉ số',
      table: 'Bảng xếp hạng',
      unit: 'Đơn vị',
      empty: 'Không có đơn vị nào trong phạm vi của bạn.',
      noData: '{count} đơn vị chưa có dữ liệu trong kỳ (xem bảng).',
    },
  },
  en: {
    ranking: {
      title: 'Ranking of communes',
      chart: '{metric}: lowest first',
      metric: 'Indicator',
      table: 'Ranking table',
      unit: 'Unit',
      empty: 'No unit lies within your scope.',
      noData: '{count} units have no data in the period (see the table).',
    },
  },
};
