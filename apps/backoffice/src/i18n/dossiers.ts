const status = {
  vi: {
    submitted: 'Mới đăng ký', intake_supplement: 'Chờ bổ sung khi tiếp nhận', received: 'Đã tiếp nhận', refused_at_intake: 'Từ chối tiếp nhận', in_process: 'Đang xử lý',
    awaiting_supplement: 'Chờ bổ sung', awaiting_obligation: 'Chờ thực hiện nghĩa vụ tài chính', suspended: 'Tạm dừng', withdrawn: 'Đã rút', stopped: 'Dừng giải quyết',
    resolved: 'Đã có kết quả', returned: 'Đã trả kết quả',
  },
  en: {
    submitted: 'Submitted', intake_supplement: 'Awaiting completion at intake', received: 'Received', refused_at_intake: 'Refused at intake', in_process: 'In process',
    awaiting_supplement: 'Awaiting supplement', awaiting_obligation: 'Awaiting payment of obligations', suspended: 'Suspended', withdrawn: 'Withdrawn', stopped: 'Stopped',
    resolved: 'Resolved', returned: 'Returned',
  },
};

const kinds = {
  vi: {
    submitted: 'Nộp hồ sơ', received: 'Tiếp nhận, hẹn trả', intake_supplement: 'Hướng dẫn bổ sung', refused: 'Từ chối tiếp nhận', assign: 'Phân công', forward: 'Chuyển bước',
    send_back: 'Trả lại bước trước', supplement_requested: 'Yêu cầu bổ sung', supplement_received: 'Nhận bổ sung', obligation_notified: 'Thông báo nghĩa vụ tài chính',
    obligation_paid: 'Đã nộp nghĩa vụ tài chính', payment: 'Thu phí, lệ phí', suspended: 'Tạm dừng', resume: 'Tiếp tục xử lý', extended: 'Xin lỗi, hẹn lại', resolved: 'Có kết quả',
    returned: 'Trả kết quả', withdrawn: 'Rút hồ sơ', stopped: 'Dừng giải quyết',
  },
  en: {
    submitted: 'Submitted', received: 'Received, appointment given', intake_supplement: 'Completion requested', refused: 'Refused at intake', assign: 'Assigned', forward: 'Forwarded',
    send_back: 'Sent back', supplement_requested: 'Supplement requested', supplement_received: 'Supplement received', obligation_notified: 'Financial obligation notified',
    obligation_paid: 'Obligation paid', payment: 'Fee paid', suspended: 'Suspended', resume: 'Resumed', extended: 'Apology, new date', resolved: 'Resolved',
    returned: 'Result returned', withdrawn: 'Withdrawn', stopped: 'Stopped',
  },
};

export const dossierMessages = {
  vi: {
    dossierNav: { dossiers: 'Hồ sơ', intake: 'Tiếp nhận hồ sơ' },
    dossierStatus: status.vi,
    dossierKind: kinds.vi,
    stepResult: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Trễ hạn' },
    docKind: { submitted: 'Thành phần hồ sơ', result: 'Kết quả', apology: 'Thư xin lỗi' },
    inbox: {
      title: 'Hồ sơ của tôi', titleAll: 'Hồ sơ trong phạm vi', mine: 'Của tôi', all: 'Tất cả', search: 'Tìm theo mã, tên hoặc số điện thoại', status: 'Trạng thái',
      anyStatus: 'Mọi trạng thái', due: 'Hạn', anyDue: 'Mọi hạn', overdue: 'Quá hạn', dueSoon: 'Sắp đến hạn', empty: 'Không có hồ sơ nào', emptyHint: 'Thử bỏ bớt bộ lọc.',
      code: 'Mã hồ sơ', applicant: 'Người nộp', procedure: 'Thủ tục', dueAt: 'Hẹn trả', assignee: 'Người xử lý', newIntake: 'Tiếp nhận hồ sơ mới', apply: 'Lọc',
    },
    intake: {
      title: 'Tiếp nhận hồ sơ', center: 'Trung tâm tiếp nhận', channel: 'Hình thức', counter: 'Trực tiếp tại quầy', post: 'Qua bưu chính', ticket: 'Phiếu số đang phục vụ (nếu có)',
      procedure: 'Thủ tục', choose: '— Chọn —', name: 'Họ tên người nộp', phone: 'Số điện thoại', idNumber: 'Số CCCD', email: 'Email nhận thông báo (không bắt buộc)', language: 'Ngôn ngữ thông báo', residence: 'Xã/phường cư trú', parcel: 'Xã/phường nơi có đất',
      returnCenter: 'Nơi nhận kết quả', sameAsReceiving: 'Tại trung tâm tiếp nhận', documents: 'Giấy tờ đã nộp (mỗi dòng một loại)', outcome: 'Kết quả tiếp nhận',
      accept: 'Tiếp nhận, hẹn trả (Mẫu 01)', requestSupplement: 'Hướng dẫn bổ sung (Mẫu 02)', refuse: 'Từ chối tiếp nhận (Mẫu 03)',
      missing: 'Giấy tờ còn thiếu — liệt kê đầy đủ một lần (mỗi dòng một loại)', reasons: 'Lý do từ chối (mỗi dòng một lý do)', submit: 'Ghi nhận', busy: 'Đang ghi…',
      ruleResidence: 'Thủ tục do nơi cư trú giải quyết', ruleParcel: 'Thủ tục do nơi có đất giải quyết', boundaryFree: 'Tiếp nhận phi địa giới',
    },
    dossier: {
      code: 'Mã hồ sơ', applicant: 'Người nộp', phone: 'Điện thoại', receivedAt: 'Tiếp nhận lúc', dueAt: 'Hẹn trả', extendedDueAt: 'Hẹn lại (sau xin lỗi)', stepDueAt: 'Hạn bước hiện tại',
      receiving: 'Nơi tiếp nhận', competent: 'Cơ quan giải quyết', current: 'Đang xử lý tại', returnPoint: 'Nơi trả kết quả', assignee: 'Người xử lý', none: 'Chưa phân công',
      step: 'Bước', overdue: 'Quá hạn', dueSoon: 'Sắp đến hạn', flaggedLate: 'Yêu cầu bổ sung lần 2 — tính trễ hạn', timeline: 'Phiếu kiểm soát quá trình giải quyết',
      at: 'Thời điểm', action: 'Nội dung', from: 'Bên giao', to: 'Bên nhận', stepDue: 'Hạn bước', result: 'Kết quả bước', note: 'Ghi chú', documents: 'Tài liệu', payments: 'Thanh toán',
      noDocuments: 'Chưa có tài liệu', actions: 'Thao tác', noActions: 'Không có thao tác nào bạn được làm ở trạng thái này.', print: 'In', receipt: 'Giấy tiếp nhận và hẹn trả (Mẫu 01)',
      supplementForm: 'Phiếu yêu cầu bổ sung (Mẫu 02)', refusalForm: 'Phiếu từ chối (Mẫu 03)', apologyForm: 'Thư xin lỗi, hẹn lại', a4: 'Khổ A4', roll: 'Máy in nhiệt 80 mm', done: 'Đã ghi nhận.',
      channel: { counter: 'Tại quầy', online: 'Trực tuyến', post: 'Bưu chính' },
    },
    act: {
      accept: 'Tiếp nhận', request_intake_supplement: 'Hướng dẫn bổ sung', refuse_at_intake: 'Từ chối tiếp nhận', assign: 'Phân công', forward: 'Chuyển bước tiếp theo', send_back: 'Trả lại bước trước',
      request_supplement: 'Yêu cầu bổ sung', supplement_received: 'Đã nhận bổ sung', notify_obligation: 'Thông báo nghĩa vụ tài chính', record_payment: 'Ghi nhận thanh toán', suspend: 'Tạm dừng',
      resume: 'Tiếp tục', extend: 'Xin lỗi và hẹn lại', resolve: 'Ra kết quả', return: 'Trả kết quả', withdraw: 'Rút hồ sơ', stop: 'Dừng giải quyết',
      staff: 'Người nhận', roundRobin: 'Tự động luân phiên theo vai trò của bước',
      roles: { specialist: 'chuyên viên', leader: 'lãnh đạo', officer: 'cán bộ một cửa', center_manager: 'quản lý trung tâm' }, toAgency: 'Chuyển sang cơ quan (liên thông)', sameAgency: 'Cùng cơ quan', note: 'Ghi chú', items: 'Nội dung cần bổ sung (mỗi dòng một loại)',
      amount: 'Số tiền (đồng)', method: 'Hình thức', methods: { cash: 'Tiền mặt', portal: 'Cổng dịch vụ công', gateway: 'Cổng thanh toán của tỉnh', bank: 'Chuyển khoản' },
      legalReason: 'Căn cứ pháp lý tạm dừng', newDueAt: 'Ngày hẹn mới', reason: 'Lý do', outcome: 'Kết quả', approved: 'Giải quyết', refused: 'Từ chối giải quyết', resultDoc: 'Văn bản kết quả',
      returnMethod: 'Hình thức trả', receivedBy: 'Người nhận kết quả', confirm: 'Xác nhận', cancel: 'Hủy',
    },
    print: {
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', form01: 'Mẫu số 01', form02: 'Mẫu số 02', form03: 'Mẫu số 03',
      receiptTitle: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', supplementTitle: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', refusalTitle: 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      apologyTitle: 'THƯ XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', received: '{center} đã tiếp nhận hồ sơ của:', procedure: 'Nội dung yêu cầu giải quyết', documents: 'Thành phần hồ sơ',
      receivedAt: 'Thời gian nhận hồ sơ', appointment: 'Thời gian trả kết quả', collect: 'Nhận kết quả tại', scan: 'Quét mã để tra cứu tình trạng hồ sơ', missing: 'Yêu cầu bổ sung các nội dung sau:',
      reasons: 'Hồ sơ không được tiếp nhận vì:', apologyBody: 'Hồ sơ mã {code} hẹn trả ngày {due} chưa giải quyết kịp. Chúng tôi thành thật xin lỗi và hẹn trả kết quả vào {newDue}.',
      reason: 'Lý do', officer: 'Người tiếp nhận', printNow: 'In', back: 'Quay lại', noData: 'Hồ sơ chưa có nội dung cho mẫu này.',
    },
  },
  en: {
    dossierNav: { dossiers: 'Dossiers', intake: 'Receive a dossier' },
    dossierStatus: status.en,
    dossierKind: kinds.en,
    stepResult: { early: 'Early', on_time: 'On time', late: 'Late' },
    docKind: { submitted: 'Submitted', result: 'Result', apology: 'Apology letter' },
    inbox: {
      title: 'My dossiers', titleAll: 'Dossiers in my scope', mine: 'Mine', all: 'All', search: 'Search by code, name or phone', status: 'Status', anyStatus: 'Any status', due: 'Due',
      anyDue: 'Any due time', overdue: 'Overdue', dueSoon: 'Due soon', empty: 'No dossiers', emptyHint: 'Try fewer filters.', code: 'Code', applicant: 'Applicant', procedure: 'Procedure',
      dueAt: 'Appointment', assignee: 'Handled by', newIntake: 'Receive a new dossier', apply: 'Filter',
    },
    intake: {
      title: 'Receive a dossier', center: 'Receiving center', channel: 'Channel', counter: 'At the counter', post: 'By post', ticket: 'Ticket being served (if any)', procedure: 'Procedure',
      choose: '— Choose —', name: 'Applicant’s full name', phone: 'Phone', idNumber: 'ID number', email: 'Email for notifications (optional)', language: 'Language of notifications', residence: 'Commune of residence', parcel: 'Commune of the land parcel',
      returnCenter: 'Collect the result at', sameAsReceiving: 'The receiving center', documents: 'Documents handed in (one per line)', outcome: 'Intake outcome',
      accept: 'Accept, give an appointment (form 01)', requestSupplement: 'Ask to complete (form 02)', refuse: 'Refuse (form 03)', missing: 'Missing items — list them all at once (one per line)',
      reasons: 'Reasons for refusal (one per line)', submit: 'Record', busy: 'Saving…', ruleResidence: 'Decided where the applicant lives', ruleParcel: 'Decided where the land is', boundaryFree: 'Boundary-free intake',
    },
    dossier: {
      code: 'Dossier code', applicant: 'Applicant', phone: 'Phone', receivedAt: 'Received', dueAt: 'Appointment', extendedDueAt: 'New date (after apology)', stepDueAt: 'Current step due',
      receiving: 'Received at', competent: 'Competent agency', current: 'Now handled by', returnPoint: 'Return point', assignee: 'Handled by', none: 'Not assigned', step: 'Step',
      overdue: 'Overdue', dueSoon: 'Due soon', flaggedLate: 'Second supplement request — counts as late', timeline: 'Control slip', at: 'Time', action: 'What happened', from: 'From', to: 'To',
      stepDue: 'Step due', result: 'Step result', note: 'Note', documents: 'Documents', payments: 'Payments', noDocuments: 'No documents yet', actions: 'Actions',
      noActions: 'There is nothing you may do in this state.', print: 'Print', receipt: 'Receipt and appointment (form 01)', supplementForm: 'Supplement request (form 02)',
      refusalForm: 'Refusal (form 03)', apologyForm: 'Apology letter', a4: 'A4', roll: '80 mm receipt printer', done: 'Recorded.',
      channel: { counter: 'Counter', online: 'Online', post: 'Post' },
    },
    act: {
      accept: 'Accept', request_intake_supplement: 'Ask to complete', refuse_at_intake: 'Refuse', assign: 'Assign', forward: 'Forward to the next step', send_back: 'Send back',
      request_supplement: 'Request a supplement', supplement_received: 'Supplement received', notify_obligation: 'Notify financial obligation', record_payment: 'Record a payment',
      suspend: 'Suspend', resume: 'Resume', extend: 'Apologise and set a new date', resolve: 'Resolve', return: 'Return the result', withdraw: 'Withdraw', stop: 'Stop',
      staff: 'Hand to', roundRobin: 'Round-robin among the step’s role',
      roles: { specialist: 'specialist', leader: 'leader', officer: 'counter officer', center_manager: 'center manager' }, toAgency: 'To another agency (inter-agency)', sameAgency: 'Same agency', note: 'Note', items: 'Items to supplement (one per line)',
      amount: 'Amount (VND)', method: 'Method', methods: { cash: 'Cash', portal: 'Public service portal', gateway: 'Provincial payment gateway', bank: 'Bank transfer' },
      legalReason: 'Legal ground for suspension', newDueAt: 'New date', reason: 'Reason', outcome: 'Outcome', approved: 'Approved', refused: 'Refused', resultDoc: 'Result document',
      returnMethod: 'Returned by', receivedBy: 'Received by', confirm: 'Confirm', cancel: 'Cancel',
    },
    print: {
      nation: 'SOCIALIST REPUBLIC OF VIETNAM', motto: 'Independence - Freedom - Happiness', form01: 'Form 01', form02: 'Form 02', form03: 'Form 03',
      receiptTitle: 'RECEIPT AND APPOINTMENT SLIP', supplementTitle: 'REQUEST TO COMPLETE THE DOSSIER', refusalTitle: 'REFUSAL TO RECEIVE THE DOSSIER', apologyTitle: 'APOLOGY AND NEW APPOINTMENT',
      received: '{center} has received the dossier of:', procedure: 'Request', documents: 'Documents', receivedAt: 'Received at', appointment: 'Result due', collect: 'Collect the result at',
      scan: 'Scan to follow the dossier', missing: 'Please add the following:', reasons: 'The dossier is not received because:',
      apologyBody: 'Dossier {code}, due {due}, could not be resolved in time. We sincerely apologise; the result will be ready on {newDue}.',
      reason: 'Reason', officer: 'Received by', printNow: 'Print', back: 'Back', noData: 'This dossier has nothing for this form.',
    },
  },
};
