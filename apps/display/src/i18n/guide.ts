export const guideMessages = {
  vi: {
    guide: {
      title: 'Hướng dẫn thủ tục', search: 'Tìm thủ tục', searchPlaceholder: 'Ví dụ: khai sinh, chứng thực…', allFields: 'Tất cả lĩnh vực',
      empty: 'Không tìm thấy thủ tục phù hợp.', waitNow: 'Đang chờ: {n} người · {wait}', paused: 'Tạm dừng nhận số',
      sameDay: 'Trả trong ngày', noAppointment: 'Không hẹn – nhận ngay', boundaryFree: 'Nộp ở bất kỳ trung tâm nào trong tỉnh', boundaryLocal: 'Chỉ nộp tại nơi có thẩm quyền',
      free: 'Miễn phí', fee: 'Lệ phí', timeLimit: 'Thời hạn giải quyết', where: 'Nơi nộp', online: 'Nộp trực tuyến', onlineLevels: { full: 'Toàn trình', partial: 'Một phần', none: 'Không' },
      limit: { same_day: 'Trong ngày (nộp sau 15:00: trả sáng hôm sau)', working_days: '{n} ngày làm việc', working_hours: '{n} giờ làm việc', calendar_days: '{n} ngày' },
      steps: 'Các bước thực hiện', documents: 'Giấy tờ cần chuẩn bị', original: 'Bản chính', copy: 'Bản sao', reusable: 'Có thể không cần mang: cán bộ tra cứu từ cơ sở dữ liệu quốc gia',
      forms: 'Biểu mẫu', formPrint: 'Mẫu {code} – mở để in khổ A4, điền tay và mang theo (cũng có tại quầy)', noForms: 'Không cần biểu mẫu.', notes: 'Lưu ý',
      todayWait: 'Hàng chờ hôm nay – {service}', waiting: 'Người đang chờ', estimate: 'Thời gian chờ dự kiến', live: 'Cập nhật trực tiếp',
      book: 'Đặt lịch hẹn trước', back: 'Tất cả thủ tục', notFound: 'Không tìm thấy thủ tục này tại trung tâm.',
    },
  },
  en: {
    guide: {
      title: 'Procedure guide', search: 'Find a procedure', searchPlaceholder: 'e.g. birth, certified copy…', allFields: 'All fields',
      empty: 'No procedure matches.', waitNow: 'Waiting: {n} · {wait}', paused: 'Not issuing tickets now',
      sameDay: 'Same day', noAppointment: 'No appointment – handed over on the spot', boundaryFree: 'Submit at any center of the province', boundaryLocal: 'Submit only where it is decided',
      free: 'Free', fee: 'Fee', timeLimit: 'Time limit', where: 'Where to submit', online: 'Online submission', onlineLevels: { full: 'Fully online', partial: 'Partly online', none: 'No' },
      limit: { same_day: 'Same day (after 15:00: next morning)', working_days: '{n} working days', working_hours: '{n} working hours', calendar_days: '{n} days' },
      steps: 'Steps', documents: 'Documents to bring', original: 'Original', copy: 'Copy', reusable: 'May not be needed: staff look it up in the national databases',
      forms: 'Forms', formPrint: 'Form {code} – open to print on A4, fill in by hand and bring along (also at the counter)', noForms: 'No form needed.', notes: 'Good to know',
      todayWait: 'Today’s queue – {service}', waiting: 'People waiting', estimate: 'Expected wait', live: 'Live',
      book: 'Book an appointment', back: 'All procedures', notFound: 'This procedure is not received at this center.',
    },
  },
};
