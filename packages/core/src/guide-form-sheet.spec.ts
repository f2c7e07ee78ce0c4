import { describe, expect, it } from 'vitest';
import { renderGuideFormSheet } from './guide-form-sheet.js';
import { guideForm, guideFormLibrary, type GuideFormDefinition } from './guide-forms.js';

describe('form library and printable sheets', () => {
  it('has unique, URL-safe codes and every form has a title, an addressee and fields in both languages', () => {
    const codes = guideFormLibrary.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of guideFormLibrary) {
      expect(f.code).toMatch(/^[A-Z0-9-]{2,20}$/);
      for (const text of [f.title, f.to, f.signer, ...f.sections.flatMap((s) => s.fields.map((x) => x.label))]) {
        expect(text.vi.trim() && text.en.trim(), f.code).toBeTruthy();
      }
      expect(f.sections.flatMap((s) => s.fields).length, f.code).toBeGreaterThanOrEqual(3);
    }
    expect(guideForm('TK-KT')?.title.vi).toBe('Tờ khai đăng ký khai tử');
    expect(guideForm('nope')).toBeUndefined();
  });

  it('renders an A4 page with every label, extra lines for long answers, the pledge and the signature', () => {
    const form = guideForm('TK-CCHT')!;
    const html = renderGuideFormSheet(form);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h1>Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch</h1>');
    for (const x of form.sections.flatMap((s) => s.fields)) expect(html).toContain(x.label.vi);
    // "What to change" has 3 lines: the field's own and two more.
    expect(html.split('class="blank line"').length - 1).toBe(form.sections.flatMap((s) => s.fields).reduce((n, x) => n + (x.lines ?? 1) - 1, 0));
    expect(html).toContain('Tôi cam đoan');
    expect(html).toContain(form.signer.vi);
    expect(html).toContain('Thông tư 04/2020/TT-BTP');
  });

  it('escapes text, so a label can never inject markup', () => {
    const form: GuideFormDefinition = {
      code: 'X-1', title: { vi: '<script>x</script>', en: 'a & b' }, to: { vi: 'UBND', en: 'PC' }, signer: { vi: 'Người ký', en: 'Signer' },
      sections: [{ fields: [{ label: { vi: '"q"', en: "'e'" } }] }],
    };
    const html = renderGuideFormSheet(form);
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('&quot;q&quot;');
  });
});
