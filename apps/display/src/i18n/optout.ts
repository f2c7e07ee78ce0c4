export const optOutMessages = {
  vi: {
    optOut: {
      title: 'Dừng nhận tin nhắn',
      question: 'Bạn muốn dừng nhận mọi tin nhắn, email của Trung tâm Phục vụ hành chính công gửi đến {contact}?',
      kind: { phone: 'số điện thoại', email: 'địa chỉ email' },
      explain: 'Sau khi dừng, bạn vẫn tra cứu được hồ sơ trên trang này hoặc tại trung tâm, nhưng sẽ không nhận được tin báo khi có kết quả.',
      confirm: 'Dừng nhận tin',
      busy: 'Đang xử lý…',
      keep: 'Không, tôi vẫn muốn nhận tin',
      kept: 'Bạn vẫn tiếp tục nhận tin. Có thể đóng trang này.',
      done: 'Đã dừng gửi tin nhắn đến {contact}.',
      already: 'Liên kết này đã được dùng: không còn tin nhắn nào được gửi đến {contact}.',
      notFound: 'Liên kết không đúng hoặc không còn dùng được. Hãy mở lại đúng liên kết trong tin nhắn.',
      privacy: 'Trang này không hiển thị thông tin cá nhân.',
    },
  },
  en: {
    optOut: {
      title: 'Stop messages',
      question: 'Do you want to stop every text and email from the public service center to {contact}?',
      kind: { phone: 'phone number', email: 'email address' },
      explain: 'You can still track your dossier here or at the center, but you will not be told when the result is ready.',
      confirm: 'Stop messages',
      busy: 'Working…',
      keep: 'No, keep sending me messages',
      kept: 'You will keep receiving messages. You can close this page.',
      done: 'Messages to {contact} have been stopped.',
      already: 'This link has been used: no more messages are sent to {contact}.',
      notFound: 'This link is wrong or no longer valid. Open the link from your message again.',
      privacy: 'This page shows no personal data.',
    },
  },
};
