import Papa from 'papaparse';

export interface CsvRow {
  /** Line number in the file (the header is line 1), for per-line errors. */
  line: number;
  values: Record<string, string>;
}

/** Rows of a CSV with a header line; headers are trimmed and lower-cased, cells trimmed. */
export function parseCsv(text: string, required: string[]): { rows: CsvRow[]; missing: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (v) => v.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = required.filter((h) => !headers.includes(h));
  // Papa counts data rows from 0; with the header and no multi-line cells, row i is on line i + 2.
  const rows = parsed.data.map((values, i) => ({ line: i + 2, values }));
  return { rows, missing };
}

/** "true", "1", "x", "có", "yes" (any case) mean yes; empty means no. */
export const csvBoolean = (v: string | undefined) => ['true', '1', 'x', 'có', 'co', 'yes', 'y'].includes((v ?? '').toLowerCase());
