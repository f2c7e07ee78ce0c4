import { describe, expect, it } from 'vitest';
import { parseConference } from './conference.js';

describe('conference options', () => {
  it('keeps the known views in the order asked, once each', () => {
    expect(parseConference('heatmap,overview,bogus,heatmap', '30')).toEqual({ views: ['heatmap', 'overview'], seconds: 30 });
  });
  it('shows every view every 20 s by default and never faster than every 5 s', () => {
    expect(parseConference(undefined, undefined)).toEqual({ views: ['overview', 'ranking', 'trends', 'heatmap', 'queue'], seconds: 20 });
    expect(parseConference('ranking', '1').seconds).toBe(5);
    expect(parseConference('ranking', 'x').seconds).toBe(20);
  });
});
