export const paymentMessages = {
  vi: {
    pay: {
      title: 'Thanh toán trực tuyến', link: 'Thanh toán trực tuyến', intro: 'Nộp phí, lệ phí hoặc nghĩa vụ tài chính của hồ sơ qua cổng thanh toán.', phone: '4 số cuối điện thoại đã đăng ký', check: 'Xem khoản cần nộp', loading: 'Đang tải…',
      purpose: { fee: 'Phí, lệ phí giải quyết thủ tục', obligation: 'Nghĩa vụ tài chính (thuế, lệ phí trước bạ…)' }, amount: 'Số tiền', forWhat: 'Khoản nộp', dossier: 'Hồ sơ',
      payButton: 'Thanh toán {amount}', redirecting: 'Đang chuyển sang cổng thanh toán…', nothingDue: 'Hồ sơ này hiện không có khoản nào cần nộp trực tuyến.', offline: 'Nơi này chưa nhận thanh toán trực tuyến: hãy nộp tại quầy khi nhận kết quả.',
      history: 'Các lần thanh toán', status: { pending: 'Đang chờ xác nhận', paid: 'Đã thanh toán', failed: 'Không thành công', expired: 'Hết hạn' }, receipt: 'Mã giao dịch (biên lai điện tử)',
      safety: 'Bạn sẽ được chuyển sang trang của cổng thanh toán. Kết quả được ghi nhận khi cổng thanh toán xác nhận với hệ thống.', back: 'Về trang tra cứu',
      asCitizen: 'Bạn đã đăng nhập và đây là hồ sơ của bạn: không cần nhập số điện thoại.', backPortal: 'Về hồ sơ của tôi',
      result: {
        title: 'Kết quả thanh toán', checking: 'Đang chờ cổng thanh toán xác nhận…', paid: 'Thanh toán thành công', failed: 'Thanh toán không thành công hoặc đã hủy', expired: 'Lần thanh toán đã hết hạn',
        pending: 'Cổng thanh toán chưa xác nhận. Bạn có thể tải lại trang sau ít phút; không cần thanh toán lại.', invalid: 'Không xác thực được kết quả trả về từ cổng thanh toán.', again: 'Thanh toán lại',
      },
    },
  },
  en: {
    pay: {
      title: 'Pay online', link: 'Pay online', intro: 'Pay the fee or financial obligation of a dossier through the payment gateway.', phone: 'Last 4 digits of the phone you gave', check: 'See what is due', loading: 'Loading…',
      purpose: { fee: 'Fee for the procedure', obligation: 'Financial obligation (tax, registration fee…)' }, amount: 'Amount', forWhat: 'For', dossier: 'Dossier',
      payButton: 'Pay {amount}', redirecting: 'Taking you to the payment gateway…', nothingDue: 'Nothing is due for online payment on this dossier now.', offline: 'Online payment is not available here yet: pay at the counter when you collect the result.',
      history: 'Payment attempts', status: { pending: 'Awaiting confirmation', paid: 'Paid', failed: 'Not completed', expired: 'Expired' }, receipt: 'Transaction number (e-receipt)',
      safety: 'You will be taken to the payment gateway’s page. The payment counts once the gateway confirms it to us.', back: 'Back to tracking',
      asCitizen: 'You are signed in and this is your dossier: no phone digits needed.', backPortal: 'Back to my dossier',
      result: {
        title: 'Payment result', checking: 'Waiting for the gateway to confirm…', paid: 'Payment successful', failed: 'Payment not completed or cancelled', expired: 'This payment attempt expired',
        pending: 'The gateway has not confirmed yet. Reload this page in a few minutes; do not pay again.', invalid: 'The answer from the payment gateway could not be verified.', again: 'Pay again',
      },
    },
  },
};
