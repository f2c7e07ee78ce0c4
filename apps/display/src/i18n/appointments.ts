export const appointmentMessages = {
  vi: {
    appt: {
      title: 'Đặt lịch hẹn', center: 'Trung tâm', service: 'Dịch vụ', date: 'Ngày', slots: 'Chọn khung giờ', left: 'còn {n} chỗ', full: 'Hết chỗ', noSlots: 'Ngày này không còn khung giờ nào; hãy chọn ngày khác.',
      phone: 'Số điện thoại (không bắt buộc)', phoneHint: 'Chỉ dùng để liên hệ về lịch hẹn; không hiển thị ở đâu.', submit: 'Đặt lịch', booking: 'Đang đặt…',
      yourCode: 'Mã lịch hẹn của bạn', at: 'Lúc', status: { booked: 'Đã đặt', cancelled: 'Đã hủy', checked_in: 'Đã xác nhận tại trung tâm', missed: 'Đã lỡ hẹn' },
      howTo: 'Đến trung tâm trong vòng ±{n} phút quanh giờ hẹn, chọn "Tôi có lịch hẹn" trên ki-ốt và nhập mã: bạn được gọi trước. Đến muộn hơn, bạn vào hàng chờ thường.',
      keepLink: 'Lưu trang này (hoặc mã QR) để hủy hoặc đổi giờ.', cancel: 'Hủy lịch hẹn', confirmCancel: 'Bạn chắc chắn muốn hủy lịch hẹn?', reschedule: 'Đổi giờ', doReschedule: 'Chuyển sang giờ này',
      ticket: 'Số thứ tự của bạn: {code}', follow: 'Theo dõi lượt', notFound: 'Không tìm thấy lịch hẹn này.',
      missed: 'Giờ hẹn đã qua mà bạn chưa xác nhận tại trung tâm, nên lịch hẹn không còn hiệu lực. Bạn có thể đặt lịch mới hoặc đến lấy số thường.', bookAgain: 'Đặt lịch mới',
    },
    kioskAppt: {
      button: 'Tôi có lịch hẹn', title: 'Quét mã QR lịch hẹn', hint: 'Đưa mã QR trên điện thoại hoặc giấy hẹn vào đầu đọc bên dưới màn hình.', scanField: 'Mã đọc được', typeInstead: 'Không có mã QR? Nhập mã 8 ký tự', camera: 'Dùng camera', submit: 'Xác nhận', back: 'Quay lại',
      onTime: 'Đúng giờ hẹn: bạn được gọi trước', late: 'Bạn đến muộn: số của bạn vào hàng chờ thường',
    },
  },
  en: {
    appt: {
      title: 'Book an appointment', center: 'Center', service: 'Service', date: 'Date', slots: 'Choose a time', left: '{n} left', full: 'Full', noSlots: 'No times left on this day; choose another day.',
      phone: 'Phone (optional)', phoneHint: 'Only to contact you about the appointment; never shown anywhere.', submit: 'Book', booking: 'Booking…',
      yourCode: 'Your appointment code', at: 'At', status: { booked: 'Booked', cancelled: 'Cancelled', checked_in: 'Checked in at the center', missed: 'Missed' },
      howTo: 'Come within ±{n} minutes of your time, choose "I have an appointment" at the kiosk and enter the code: you are called first. Later than that, you join the normal line.',
      keepLink: 'Keep this page (or the QR code) to cancel or change the time.', cancel: 'Cancel the appointment', confirmCancel: 'Cancel this appointment?', reschedule: 'Change the time', doReschedule: 'Move to this time',
      ticket: 'Your ticket: {code}', follow: 'Follow your turn', notFound: 'This appointment was not found.',
      missed: 'The time has passed without a check-in at the center, so this appointment is no longer valid. You can book again or take a regular ticket.', bookAgain: 'Book again',
    },
    kioskAppt: {
      button: 'I have an appointment', title: 'Scan your appointment QR code', hint: 'Hold the QR code on your phone or letter to the reader below the screen.', scanField: 'Code read', typeInstead: 'No QR code? Type the 8-character code', camera: 'Use the camera', submit: 'Check in', back: 'Back',
      onTime: 'On time: you will be called first', late: 'You are late: your ticket joins the normal line',
    },
  },
};
