import { describe, expect, it } from 'vitest';
import { isPast, thresholdAlertText, thresholdFigure, thresholdPeriodDays, thresholdStep } from './thresholds.js';

const below95 = { comparison: 'below', value: 95 } as const;
const above30 = { comparison: 'above', value: 30 } as const;

describe('alert thresholds: once per crossing', () => {
  it('crosses when a fine figure goes past the line, and only then', () => {
    expect(thresholdStep(below95, 90, 'ok')).toBe('crossed');
    expect(thresholdStep(below95, 90, 'crossed')).toBe('unchanged');
    expect(thresholdStep(below95, 96, 'ok')).toBe('unchanged');
    expect(thresholdStep(above30, 31, 'ok')).toBe('crossed');
    expect(thresholdStep(above30, 29, 'ok')).toBe('unchanged');
  });

  it('recovers on the good side, the line itself included, so the next crossing alerts again', () => {
    expect(thresholdStep(below95, 95, 'crossed')).toBe('recovered');
    expect(thresholdStep(below95, 99, 'crossed')).toBe('recovered');
    expect(thresholdStep(above30, 30, 'crossed')).toBe('recovered');
    expect(isPast(below95, 95)).toBe(false);
    expect(isPast(above30, 30)).toBe(false);
  });

  it('changes nothing without data', () => {
    expect(thresholdStep(below95, null, 'ok')).toBe('unchanged');
    expect(thresholdStep(below95, null, 'crossed')).toBe('unchanged');
    expect(thresholdStep(below95, Number.NaN, 'ok')).toBe('unchanged');
  });

  it('walks a sequence of evaluations into exactly two alerts', () => {
    let state: 'ok' | 'crossed' = 'ok';
    const alerts: number[] = [];
    for (const [i, v] of [97, 94, 93, 90, null, 94.9, 95, 96, 80, 80].entries()) {
      const step = thresholdStep(below95, v, state);
      if (step === 'crossed') alerts.push(i);
      if (step !== 'unchanged') state = step === 'crossed' ? 'crossed' : 'ok';
    }
    expect(alerts).toEqual([1, 8]);
  });
});

describe('threshold figures and periods', () => {
  it('reads the 766 on-time ratio as a percent with one decimal, the p90 wait as minutes', () => {
    expect(thresholdFigure('on_time_rate', { onTimeRate766: 0.9234, p90WaitMinutes: 12 })).toBe(92.3);
    expect(thresholdFigure('on_time_rate', { onTimeRate766: null, p90WaitMinutes: 12 })).toBeNull();
    expect(thresholdFigure('queue_wait_p90', { onTimeRate766: 0.5, p90WaitMinutes: 41 })).toBe(41);
  });

  it('takes the local month so far or the local day', () => {
    // 17:30 UTC on 31 Dec is already 1 January in Hồ Chí Minh City.
    const now = new Date('2026-12-31T17:30:00Z');
    expect(thresholdPeriodDays('month', now, 'Asia/Ho_Chi_Minh')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(thresholdPeriodDays('month', new Date('2026-12-06T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
    expect(thresholdPeriodDays('day', new Date('2026-12-06T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
  });

  it('writes the alert in Vietnamese with the figure and the line', () => {
    const text = thresholdAlertText({ indicator: 'on_time_rate', comparison: 'below', value: 95, period: 'month' }, 'Phường An Xuyên', 87.5);
    expect(text.title).toBe('Phường An Xuyên: Tỷ lệ giải quyết đúng hạn 87,5%');
    expect(text.body).toBe('Tỷ lệ giải quyết đúng hạn tháng này của Phường An Xuyên là 87,5%, dưới ngưỡng cảnh báo 95%.');
  });
});
