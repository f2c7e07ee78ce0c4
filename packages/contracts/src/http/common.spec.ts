import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchOf } from './common.js';

describe('patchOf', () => {
  const Input = z.object({ name: z.string(), open: z.boolean().default(true), note: z.string().nullable().default(null) });

  it('leaves out what the caller left out, instead of filling in defaults', () => {
    expect(patchOf(Input).parse({ name: 'A' })).toEqual({ name: 'A' });
    expect(Input.partial().parse({ name: 'A' })).toEqual({ name: 'A', open: true, note: null });
  });

  it('still validates what is given', () => {
    expect(patchOf(Input).safeParse({ open: 'yes' }).success).toBe(false);
    expect(patchOf(Input).parse({ open: false, note: null })).toEqual({ open: false, note: null });
  });
});
