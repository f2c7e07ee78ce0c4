import { guideForm } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { procedures } from './demo-catalogue.js';
import { demoGuides, guideForms } from './demo-guides.js';

const written = (s: { vi: string; en: string }) => s.vi.trim().length > 0 && s.en.trim().length > 0;

describe('demo procedure guides', () => {
  it('cover every procedure of the catalogue, and nothing else', () => {
    expect(Object.keys(demoGuides).sort()).toEqual(procedures.map((p) => p.code).sort());
  });

  it.each(procedures.map((p) => [p.code]))('%s has steps, documents and notes in Vietnamese and English', (code) => {
    const g = demoGuides[code]!;
    expect(g.steps.length).toBeGreaterThanOrEqual(3);
    expect(g.steps.every(written)).toBe(true);
    expect(g.documents.length).toBeGreaterThan(0);
    expect(g.documents.every((d) => written(d.name))).toBe(true);
    if (g.notes) expect(written(g.notes)).toBe(true);
    // English is a translation, not a copy of the Vietnamese.
    expect(g.steps.some((s) => s.en !== s.vi)).toBe(true);
  });

  it('lists only forms of the library, each with a code and a title in both languages', () => {
    const listed = Object.values(demoGuides).flatMap((g) => guideForms(g.forms));
    expect(listed.length).toBeGreaterThan(20);
    for (const f of listed) {
      expect(f.code).toMatch(/^[A-Z0-9-]{2,20}$/);
      expect(written(f.title)).toBe(true);
      expect(guideForm(f.code)?.title).toEqual(f.title);
    }
    expect(() => guideForms(['NO-SUCH-FORM'])).toThrow(/NO-SUCH-FORM/);
  });
});
