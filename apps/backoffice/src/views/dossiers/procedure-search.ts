/** Lower case without Vietnamese diacritics: "Đăng ký khai sinh" → "dang ky khai sinh", so "khai sinh" or "dang ky" finds it. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export interface PickableProcedure {
  code: string;
  name: string;
  field: string;
}

/**
 * The procedures the intake picker offers: those of the ticket's field first (all of them when
 * `allFields` or when the field has none), narrowed by every word typed, with or without diacritics.
 */
export function pickProcedures<P extends PickableProcedure>(all: readonly P[], query: string, field: string | null, allFields: boolean): P[] {
  const ofField = field && !allFields ? all.filter((p) => p.field === field) : all;
  const pool = ofField.length ? ofField : all;
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...pool];
  return pool.filter((p) => {
    const hay = fold(`${p.code} ${p.name}`);
    return words.every((w) => hay.includes(w));
  });
}
