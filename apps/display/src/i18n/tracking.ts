const status = {
  vi: {
    submitted: 'Đã nộp, chờ tiếp nhận', intake_supplement: 'Cần bổ sung giấy tờ', received: 'Đã tiếp nhận', refused_at_intake: 'Không được tiếp nhận', in_process: 'Đang giải quyết',
    awaiting_supplement: 'Chờ bạn bổ sung giấy tờ', awaiting_obligation: 'Chờ bạn nộp nghĩa vụ tài chính', suspended: 'Tạm dừng theo quy định', withdrawn: 'Đã rút hồ sơ',
    stopped: 'Dừng giải quyết', resolved: 'Đã có kết quả, mời nhận', returned: 'Đã trả kết quả',
  },
  en: {
    submitted: 'Submitted, awaiting intake', intake_supplement: 'Documents missing', received: 'Received', refused_at_intake: 'Not accepted', in_process: 'Being processed',
    awaiting_supplement: 'Waiting for your additional documents', awaiting_obligation: 'Waiting for your payment', suspended: 'Suspended by law', withdrawn: 'Withdrawn',
    stopped: 'Stopped', resolved: 'Result ready for collection', returned: 'Result handed over',
  },
};

export const trackingMessages = {
  vi: {
    track: {
      title: 'Tra cứu hồ sơ', intro: 'Nhập mã hồ sơ trên giấy hẹn và 4 số cuối số điện thoại đã đăng ký.', code: 'Mã hồ sơ', phone: '4 số cuối điện thoại', submit: 'Tra cứu',
      busy: 'Đang tra cứu…', appointment: 'Hẹn trả kết quả', newDate: 'Hẹn lại (đã có thư xin lỗi)', receivedAt: 'Tiếp nhận lúc', collect: 'Nơi nhận kết quả', amount: 'Số tiền cần nộp', howToPay: 'Cách nộp', howToPayDefault: 'Nộp tại quầy thu của trung tâm hoặc chuyển khoản theo thông báo của cơ quan thuế.', timeline: 'Quá trình giải quyết',
      status: status.vi, privacy: 'Trang này không hiển thị thông tin cá nhân.',
    },
  },
  en: {
    track: {
      title: 'Track a dossier', intro: 'Enter the dossier code from your appointment slip and the last 4 digits of the phone you gave.', code: 'Dossier code', phone: 'Last 4 digits of the phone',
      submit: 'Look up', busy: 'Looking up…', appointment: 'Result due', newDate: 'New date (after an apology letter)', receivedAt: 'Received', collect: 'Collect the result at', amount: 'Amount to pay', howToPay: 'How to pay', howToPayDefault: 'Pay at the center’s cashier or by transfer as the tax office’s notice says.',
      timeline: 'Progress', status: status.en, privacy: 'This page shows no personal data.',
    },
  },
};
