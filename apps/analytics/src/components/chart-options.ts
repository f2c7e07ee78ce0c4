/** What the bar and line charts share: sizes for the conference screen, the value axis, no animation. */
export interface ValueAxisOptions {
  percent?: boolean;
  stacked?: boolean;
  min?: number;
  large?: boolean;
}

/** Tick and legend font: 28 px on the conference screen, chart.js's default elsewhere. */
export const chartFont = (large?: boolean) => (large ? { size: 28 } : undefined);

/** The value axis: 0–100 % for shares, whole numbers for counts (no 0.5 dossier on an axis). */
export function valueAxis(o: ValueAxisOptions) {
  const font = chartFont(o.large);
  const ticks = o.percent ? { font, callback: (v: string | number) => `${v}%` } : { font, precision: 0 };
  return { beginAtZero: o.min === undefined, min: o.min, stacked: o.stacked, ...(o.percent ? { max: 100 } : {}), ticks };
}

/** Options every chart starts from: fills its box, draws at once (live refreshes would re-animate), legend font. */
export function baseOptions(large?: boolean) {
  return { responsive: true, maintainAspectRatio: false, animation: false as const, plugins: { legend: { labels: { font: chartFont(large) } } } };
}
