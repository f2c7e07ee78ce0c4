import type { ProcedureStep } from '../schema/procedures.js';

/** A small province for `npm start`: real-looking names, two-tier units (province → communes). */
export const province = { code: '96', name: 'Tỉnh Cà Mau' };

export const communes = [
  { code: '32002', name: 'Phường An Xuyên', center: 'Trung tâm Phục vụ hành chính công phường An Xuyên', disadvantaged: false },
  { code: '32014', name: 'Phường Tân Thành', center: 'Trung tâm Phục vụ hành chính công phường Tân Thành', disadvantaged: false },
  { code: '32248', name: 'Xã Đất Mũi', center: 'Trung tâm Phục vụ hành chính công xã Đất Mũi', disadvantaged: true },
];

export const services = [
  { code: 'HT', prefix: 'A', nameVi: 'Hộ tịch', nameEn: 'Civil status', field: 'ho_tich', minutes: 8 },
  { code: 'CT', prefix: 'B', nameVi: 'Chứng thực', nameEn: 'Certification', field: 'chung_thuc', minutes: 4 },
  { code: 'DD', prefix: 'C', nameVi: 'Đất đai', nameEn: 'Land', field: 'dat_dai', minutes: 15 },
  { code: 'KD', prefix: 'D', nameVi: 'Kinh doanh', nameEn: 'Business', field: 'kinh_doanh', minutes: 12 },
  { code: 'CTR', prefix: 'E', nameVi: 'Cư trú', nameEn: 'Residence', field: 'cu_tru', minutes: 6 },
];

export const priorityCategories = [
  { code: 'elderly', nameVi: 'Người cao tuổi', nameEn: 'Elderly people', weight: 2 },
  { code: 'disability', nameVi: 'Người khuyết tật', nameEn: 'People with disabilities', weight: 2 },
  { code: 'pregnant', nameVi: 'Phụ nữ mang thai', nameEn: 'Pregnant women', weight: 2 },
  { code: 'young_children', nameVi: 'Người có con nhỏ dưới 36 tháng', nameEn: 'Parents of children under 36 months', weight: 1 },
  { code: 'merit', nameVi: 'Người có công với cách mạng', nameEn: 'People with meritorious service', weight: 2 },
];

const steps = (days: number): ProcedureStep[] =>
  days <= 0.5
    ? [{ code: 'B1', name: 'Tiếp nhận và giải quyết', role: 'officer', durationDays: days }]
    : [
        { code: 'B1', name: 'Tiếp nhận hồ sơ', role: 'officer', durationDays: 0.25 },
        { code: 'B2', name: 'Thẩm định', role: 'specialist', durationDays: days - 0.75 },
        { code: 'B3', name: 'Ký duyệt', role: 'leader', durationDays: 0.25 },
        { code: 'B4', name: 'Trả kết quả', role: 'officer', durationDays: 0.25 },
      ];

type Limit = { unit: 'same_day' | 'working_days'; value: number };
export const procedures: Array<{ code: string; name: string; field: string; limit: Limit; feeVnd: number; online: 'full' | 'partial' | 'none'; boundaryFree: boolean; steps: ProcedureStep[]; rule?: 'fixed' | 'applicant_residence' | 'parcel_location'; fixedAgency?: string }> = [
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'ho_tich', limit: { unit: 'same_day', value: 0 }, feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(0.5), rule: 'applicant_residence' },
  { code: '1.000894', name: 'Đăng ký kết hôn', field: 'ho_tich', limit: { unit: 'same_day', value: 0 }, feeVnd: 0, online: 'partial', boundaryFree: true, steps: steps(0.5) },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'ho_tich', limit: { unit: 'working_days', value: 3 }, feeVnd: 15000, online: 'full', boundaryFree: true, steps: steps(3), rule: 'applicant_residence' },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'chung_thuc', limit: { unit: 'same_day', value: 0 }, feeVnd: 2000, online: 'partial', boundaryFree: true, steps: steps(0.5) },
  { code: 'CT-HD', name: 'Chứng thực hợp đồng, giao dịch', field: 'chung_thuc', limit: { unit: 'working_days', value: 2 }, feeVnd: 50000, online: 'none', boundaryFree: false, steps: steps(2) },
  { code: 'CTR-XN', name: 'Xác nhận thông tin về cư trú', field: 'cu_tru', limit: { unit: 'working_days', value: 0.5 }, feeVnd: 0, online: 'full', boundaryFree: true, steps: steps(0.5) },
  { code: 'CTR-TT', name: 'Đăng ký thường trú', field: 'cu_tru', limit: { unit: 'working_days', value: 7 }, feeVnd: 20000, online: 'full', boundaryFree: false, steps: steps(7), rule: 'applicant_residence' },
  { code: 'KD-HKD', name: 'Đăng ký thành lập hộ kinh doanh', field: 'kinh_doanh', limit: { unit: 'working_days', value: 3 }, feeVnd: 100000, online: 'full', boundaryFree: true, steps: steps(3) },
  { code: 'DD-BD', name: 'Đăng ký biến động quyền sử dụng đất', field: 'dat_dai', limit: { unit: 'working_days', value: 8 }, feeVnd: 28000, online: 'partial', boundaryFree: true, steps: steps(8), rule: 'fixed', fixedAgency: 'VPDKDD' },
  { code: 'DD-LD', name: 'Đăng ký đất đai lần đầu', field: 'dat_dai', limit: { unit: 'working_days', value: 17 }, feeVnd: 100000, online: 'partial', boundaryFree: false, steps: steps(17), rule: 'parcel_location' },
];
