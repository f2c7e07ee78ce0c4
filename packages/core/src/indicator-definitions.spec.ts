import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNT_DEFINITIONS, DEDUCTIONS, INDICATOR_DEFINITIONS, indicatorsMarkdown } from './indicator-definitions.js';
import { COUNT_KEYS, RATE_FORMULAS } from './indicators.js';

describe('indicator definitions', () => {
  it('explain every count and every rate the code computes, with the formula the code uses', () => {
    expect(Object.keys(COUNT_DEFINITIONS).sort()).toEqual([...COUNT_KEYS].sort());
    for (const key of Object.keys(RATE_FORMULAS).filter((k) => k !== 'dissatisfiedRate')) {
      const d = INDICATOR_DEFINITIONS.find((i) => i.key === key);
      expect(d?.formula, key).toBe(RATE_FORMULAS[key as keyof typeof RATE_FORMULAS]);
    }
    for (const d of [...INDICATOR_DEFINITIONS, ...DEDUCTIONS]) expect(d.basis.length, d.key).toBeGreaterThan(0);
  });

  it('are what docs/indicators.md says (regenerate with npm run docs:indicators)', () => {
    const committed = readFileSync(new URL('../../../docs/indicators.md', import.meta.url), 'utf8');
    expect(committed).toBe(indicatorsMarkdown());
  });
});
