export const briefingMessages = {
  vi: {
    briefing: {
      title: 'Bản tin tháng',
      hint: 'Một trang PDF: chỉ số so với chỉ tiêu, thay đổi so với tháng trước, năm thủ tục thấp nhất, hồ sơ quá hạn và người đang giữ.',
      month: 'Tháng',
      unit: 'Đơn vị',
      download: 'Tải bản tin tháng (PDF)',
      busy: 'Đang tạo bản tin…',
      done: 'Đã tải {file}.',
    },
  },
  en: {
    briefing: {
      title: 'Monthly briefing',
      hint: 'One PDF page: figures against targets, the change from the month before, the five worst procedures, overdue dossiers and who holds them.',
      month: 'Month',
      unit: 'Unit',
      download: 'Download the monthly briefing (PDF)',
      busy: 'Preparing the briefing…',
      done: 'Downloaded {file}.',
    },
  },
};
