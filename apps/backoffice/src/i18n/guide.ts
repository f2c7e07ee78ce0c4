export const guideMessages = {
  vi: {
    posters: {
      nav: 'Áp phích mã QR', title: 'Áp phích mã QR hướng dẫn thủ tục', intro: 'In áp phích dán tại sảnh: người dân quét mã để xem hướng dẫn, biểu mẫu và hàng chờ hiện tại của trung tâm.',
      center: 'Trung tâm', kind: 'Loại áp phích', byField: 'Mỗi lĩnh vực một tờ', byProcedure: 'Mỗi thủ tục một tờ', field: 'Lĩnh vực', allFields: 'Tất cả lĩnh vực', size: 'Khổ giấy',
      count: '{n} tờ sẽ được in', open: 'Mở bản in', print: 'In', back: 'Quay lại', pickCenter: 'Hãy chọn trung tâm', none: 'Không có thủ tục nào để in.',
      scan: 'Quét mã để xem hướng dẫn, biểu mẫu và thời gian chờ hôm nay', fieldHeading: 'Lĩnh vực {name}', procedures: '{n} thủ tục', sameDay: 'Trả trong ngày', noAppointment: 'Không hẹn',
      fee: 'Lệ phí: {fee}', free: 'Miễn phí',
    },
  },
  en: {
    posters: {
      nav: 'QR posters', title: 'Procedure guide QR posters', intro: 'Print posters for the hall: citizens scan the code to see the guide, the forms and the center’s queue right now.',
      center: 'Center', kind: 'Poster kind', byField: 'One per field', byProcedure: 'One per procedure', field: 'Field', allFields: 'All fields', size: 'Paper size',
      count: '{n} sheets will be printed', open: 'Open the print view', print: 'Print', back: 'Back', pickCenter: 'Choose a center', none: 'Nothing to print.',
      scan: 'Scan for the guide, the forms and today’s wait', fieldHeading: 'Field: {name}', procedures: '{n} procedures', sameDay: 'Same day', noAppointment: 'No appointment',
      fee: 'Fee: {fee}', free: 'Free',
    },
  },
};
