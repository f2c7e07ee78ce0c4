export const reportMessages = {
  vi: {
    report: {
      open: 'Báo cáo in được',
      print: 'In báo cáo',
      title: 'Báo cáo kết quả giải quyết thủ tục hành chính — {unit}',
      summary: 'Chỉ số chung',
      carriedOver: 'Kỳ trước chuyển sang',
      printedAt: 'In lúc {at}',
    },
  },
  en: {
    report: {
      open: 'Printable report',
      print: 'Print the report',
      title: 'Administrative procedure performance — {unit}',
      summary: 'Summary',
      carriedOver: 'Carried over',
      printedAt: 'Printed at {at}',
    },
  },
};
