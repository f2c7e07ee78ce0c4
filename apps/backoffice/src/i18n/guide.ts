export const guideMessages = {
  vi: {
    guideEditor: {
      title: 'Hướng dẫn thủ tục: {name}', intro: 'Nội dung trang hướng dẫn người dân mở bằng mã QR. Viết cả tiếng Việt và tiếng Anh; lưu xong, trang công khai hiển thị ngay.',
      back: 'Danh sách thủ tục', open: 'Hướng dẫn', vi: 'Tiếng Việt', en: 'Tiếng Anh',
      steps: 'Các bước thực hiện', addStep: 'Thêm bước', step: 'Bước {n}', up: 'Đưa bước {n} lên', down: 'Đưa bước {n} xuống', removeStep: 'Xóa bước {n}',
      documents: 'Giấy tờ cần chuẩn bị', addDocument: 'Thêm giấy tờ', document: 'Giấy tờ {n}', removeDocument: 'Xóa giấy tờ {n}', original: 'Bản chính', reusable: 'Có trong cơ sở dữ liệu quốc gia',
      forms: 'Biểu mẫu', addForm: 'Thêm biểu mẫu', pickForm: 'Chọn biểu mẫu trong thư viện', removeForm: 'Bỏ biểu mẫu {code}', noForms: 'Chưa có biểu mẫu.', viewForm: 'Xem bản in',
      notes: 'Lưu ý', save: 'Lưu hướng dẫn', saved: 'Đã lưu. Trang hướng dẫn công khai đã cập nhật.', updatedAt: 'Cập nhật lần cuối: {at}', never: 'Chưa từng lưu',
      preview: 'Xem trước', previewIn: 'Xem trước bằng', empty: '(chưa viết)',
    },
    posters: {
      nav: 'Áp phích mã QR', title: 'Áp phích mã QR hướng dẫn thủ tục', intro: 'In áp phích dán tại sảnh: người dân quét mã để xem hướng dẫn, biểu mẫu và hàng chờ hiện tại của trung tâm.',
      center: 'Trung tâm', kind: 'Loại áp phích', byField: 'Mỗi lĩnh vực một tờ', byProcedure: 'Mỗi thủ tục một tờ', field: 'Lĩnh vực', allFields: 'Tất cả lĩnh vực', size: 'Khổ giấy',
      count: '{n} tờ sẽ được in', open: 'Mở bản in', print: 'In', back: 'Quay lại', pickCenter: 'Hãy chọn trung tâm', none: 'Không có thủ tục nào để in.',
      scan: 'Quét mã để xem hướng dẫn, biểu mẫu và thời gian chờ hôm nay', fieldHeading: 'Lĩnh vực {name}', procedures: '{n} thủ tục', sameDay: 'Trả trong ngày', noAppointment: 'Không hẹn',
      fee: 'Lệ phí: {fee}', free: 'Miễn phí',
    },
  },
  en: {
    guideEditor: {
      title: 'Procedure guide: {name}', intro: 'What citizens read on the page behind the QR code. Write both Vietnamese and English; once saved, the public page shows it at once.',
      back: 'Procedures', open: 'Guide', vi: 'Vietnamese', en: 'English',
      steps: 'Steps', addStep: 'Add a step', step: 'Step {n}', up: 'Move step {n} up', down: 'Move step {n} down', removeStep: 'Remove step {n}',
      documents: 'Documents to bring', addDocument: 'Add a document', document: 'Document {n}', removeDocument: 'Remove document {n}', original: 'Original', reusable: 'In the national databases',
      forms: 'Forms', addForm: 'Add form', pickForm: 'Pick a form of the library', removeForm: 'Remove form {code}', noForms: 'No forms yet.', viewForm: 'Print view',
      notes: 'Good to know', save: 'Save the guide', saved: 'Saved. The public guide page is updated.', updatedAt: 'Last updated: {at}', never: 'Never saved',
      preview: 'Preview', previewIn: 'Preview in', empty: '(not written)',
    },
    posters: {
      nav: 'QR posters', title: 'Procedure guide QR posters', intro: 'Print posters for the hall: citizens scan the code to see the guide, the forms and the center’s queue right now.',
      center: 'Center', kind: 'Poster kind', byField: 'One per field', byProcedure: 'One per procedure', field: 'Field', allFields: 'All fields', size: 'Paper size',
      count: '{n} sheets will be printed', open: 'Open the print view', print: 'Print', back: 'Back', pickCenter: 'Choose a center', none: 'Nothing to print.',
      scan: 'Scan for the guide, the forms and today’s wait', fieldHeading: 'Field: {name}', procedures: '{n} procedures', sameDay: 'Same day', noAppointment: 'No appointment',
      fee: 'Fee: {fee}', free: 'Free',
    },
  },
};
