export const periodMessages = {
  vi: {
    period: {
      kind: 'Kỳ báo cáo',
      kinds: { last30: '30 ngày gần nhất', day: 'Ngày', week: 'Tuần', month: 'Tháng', quarter: 'Quý', year: 'Năm', custom: 'Tùy chọn' },
      previous: 'Kỳ trước',
      next: 'Kỳ sau',
      from: 'Từ',
      to: 'Đến',
      apply: 'Xem',
      range: '{from} → {to}',
      by: 'Tính theo',
      competent: 'Cơ quan giải quyết',
      receiving: 'Nơi tiếp nhận',
    },
  },
  en: {
    period: {
      kind: 'Period',
      kinds: { last30: 'Last 30 days', day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom' },
      previous: 'Previous period',
      next: 'Next period',
      from: 'From',
      to: 'To',
      apply: 'Show',
      range: '{from} → {to}',
      by: 'Counted by',
      competent: 'Competent agency',
      receiving: 'Receiving center',
    },
  },
};
