import type { GuideFormDefinition, GuideFormField } from './guide-forms.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const field = (x: GuideFormField) =>
  `<div class="field"><span class="label">${escape(x.label.vi)} <small>/ ${escape(x.label.en)}</small>:</span><span class="blank"></span></div>` +
  '<div class="blank line"></div>'.repeat((x.lines ?? 1) - 1);

/**
 * A blank form as a self-contained HTML page laid out for A4 paper: Vietnamese labels with
 * the English in small type, dotted lines to write on, the pledge and the signature block.
 * Nothing personal goes in: the citizen fills it in by hand after printing.
 */
export function renderGuideFormSheet(form: GuideFormDefinition): string {
  const sections = form.sections
    .map((s) => `<section>${s.heading ? `<h2>${escape(s.heading.vi)} <small>/ ${escape(s.heading.en)}</small></h2>` : ''}${s.fields.map(field).join('')}</section>`)
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(form.title.vi)} (${escape(form.code)})</title>
<style>
@page { size: A4; margin: 15mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; line-height: 1.45; color: #000; margin: 0 auto; padding: 12mm; max-width: 210mm; background: #fff; }
header { text-align: center; }
.code { text-align: right; font-size: 10pt; margin: 0; }
.nation { font-weight: bold; text-transform: uppercase; margin: 0; }
.motto { font-weight: bold; margin: 0 0 1rem; text-decoration: underline; }
h1 { font-size: 15pt; margin: 0.6rem 0 0.2rem; text-transform: uppercase; }
h1 + p { margin: 0 0 0.8rem; font-style: italic; font-size: 11pt; }
h2 { font-size: 13pt; margin: 0.8rem 0 0.2rem; }
small { font-size: 9.5pt; font-weight: normal; color: #333; }
.field { display: flex; align-items: flex-end; gap: 0.3rem; min-height: 1.9em; }
.label { white-space: nowrap; max-width: 75%; overflow: hidden; text-overflow: ellipsis; }
.blank { flex: 1; border-bottom: 1px dotted #000; min-height: 1.4em; }
.line { display: block; height: 1.9em; }
.to { margin: 0.4rem 0; }
.pledge { margin-top: 1rem; font-style: italic; }
.sign { display: flex; justify-content: flex-end; margin-top: 0.6rem; text-align: center; }
.sign div { width: 60%; min-height: 32mm; }
footer { margin-top: 1.2rem; font-size: 9.5pt; color: #333; border-top: 1px solid #999; padding-top: 0.3rem; }
.print { position: fixed; top: 0.6rem; right: 0.6rem; font: 600 1rem system-ui, sans-serif; padding: 0.6rem 1rem; border-radius: 8px; border: 0; background: #0b5cad; color: #fff; cursor: pointer; }
@media screen { body { padding-top: 3.4rem; } }
@media print { .print { display: none; } body { padding: 0; } }
@media screen and (max-width: 600px) { body { padding: 3.4rem 4mm 4mm; font-size: 12pt; } .label { white-space: normal; } .field { flex-wrap: wrap; } .blank { min-width: 40%; } }
</style></head>
<body>
<button type="button" class="print" onclick="window.print()">In / Print</button>
<p class="code">${escape(form.code)}</p>
<header><p class="nation">Cộng hòa xã hội chủ nghĩa Việt Nam</p><p class="motto">Độc lập - Tự do - Hạnh phúc</p>
<h1>${escape(form.title.vi)}</h1><p>${escape(form.title.en)}</p></header>
<p class="to"><b>Kính gửi</b> <small>/ To</small>: ${escape(form.to.vi)} <small>/ ${escape(form.to.en)}</small></p>
${sections}
<p class="pledge">Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.<br><small>I declare that the above is true and I am responsible before the law for this declaration.</small></p>
<div class="sign"><div><p>…………, ngày …… tháng …… năm ……</p><p><b>${escape(form.signer.vi)}</b><br><small>${escape(form.signer.en)}</small></p></div></div>
<footer>${form.basis ? `Nội dung theo mẫu quy định tại ${escape(form.basis)}. ` : ''}Bản in từ Hướng dẫn thủ tục; có thể nộp cùng hồ sơ hoặc khai lại tại quầy. <small>Printed from the procedure guide.</small></footer>
</body></html>`;
}
