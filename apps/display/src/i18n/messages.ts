export const messages = {
  vi: {
    appName: 'Dịch vụ công',
    home: {
      title: 'Trung tâm Phục vụ hành chính công',
      lead: 'Lấy số thứ tự, theo dõi lượt của bạn và tra cứu hồ sơ — không cần hỏi ai, không phải chờ lâu.',
      ready: 'Hệ thống đang hoạt động',
      unavailable: 'Hệ thống đang bảo trì, xin vui lòng quay lại sau',
      checking: 'Đang kiểm tra hệ thống…',
      kiosk: 'Lấy số tại ki-ốt',
      kioskText: 'Chọn dịch vụ trên màn hình cảm ứng ở sảnh, nhận phiếu có mã QR.',
      track: 'Theo dõi trên điện thoại',
      trackText: 'Quét mã QR trên phiếu để biết còn bao nhiêu người trước bạn.',
      result: 'Nhận kết quả đúng hẹn',
      resultText: 'Giấy hẹn ghi rõ ngày giờ trả kết quả theo ngày làm việc.',
    },
  },
  en: {
    appName: 'Public services',
    home: {
      title: 'Public Administration Service Center',
      lead: 'Take a number, follow your turn and check your dossier — no need to ask, no long waits.',
      ready: 'The system is running',
      unavailable: 'The system is under maintenance; please come back later',
      checking: 'Checking the system…',
      kiosk: 'Take a number at the kiosk',
      kioskText: 'Pick a service on the touch screen in the hall and get a slip with a QR code.',
      track: 'Follow it on your phone',
      trackText: 'Scan the QR code on the slip to see how many people are before you.',
      result: 'Results on time',
      resultText: 'Your appointment slip gives the return date counted in working days.',
    },
  },
};
