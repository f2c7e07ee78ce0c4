import { afterEach, describe, expect, it, vi } from 'vitest';
import { callClips, createAnnouncementQueue, createBrowserOutput, spokenCode, type AnnouncerOutput } from './useAnnouncer.js';

/** A fake output whose chime and speech last until the test ends them, recording what overlaps. */
function fakeOutput() {
  const log: string[] = [];
  const open: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;
  const hold = (label: string) =>
    new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${label}`);
      open.push(() => {
        active--;
        log.push(`end ${label}`);
        resolve();
      });
    });
  const out: AnnouncerOutput = { chime: () => hold('chime'), speak: (text, lang) => hold(`${lang}:${text}`) };
  return {
    out,
    log,
    get maxActive() {
      return maxActive;
    },
    /** Finishes whatever is playing now and lets the queue move on. */
    async finishCurrent() {
      open.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    async finishAll() {
      while (open.length) await this.finishCurrent();
    },
  };
}

const call = (code: string, counter: number) => ({ key: `${code}@${counter}`, texts: [{ text: `Mời số ${code} đến quầy số ${counter}`, lang: 'vi-VN' }] });

describe('announcement queue', () => {
  it('plays two calls one after the other, never overlapping, chime before each voice', async () => {
    const fake = fakeOutput();
    const q = createAnnouncementQueue(fake.out);
    q.enqueue(call('A023', 5));
    q.enqueue(call('B007', 2));
    expect(fake.log).toEqual(['start chime']);
    await fake.finishAll();
    await q.idle();
    expect(fake.maxActive).toBe(1);
    expect(fake.log).toEqual([
      'start chime', 'end chime', 'start vi-VN:Mời số A023 đến quầy số 5', 'end vi-VN:Mời số A023 đến quầy số 5',
      'start chime', 'end chime', 'start vi-VN:Mời số B007 đến quầy số 2', 'end vi-VN:Mời số B007 đến quầy số 2',
    ]);
    expect(q.current.value).toBeNull();
  });

  it('speaks a recall again once the first announcement has started, but drops a duplicate still waiting', async () => {
    const fake = fakeOutput();
    const q = createAnnouncementQueue(fake.out);
    expect(q.enqueue(call('A023', 5))).toBe(true); // starts at once
    expect(q.enqueue(call('A023', 5))).toBe(true); // recall while the first is playing: queued
    expect(q.enqueue(call('A023', 5))).toBe(false); // the same recall already waiting
    await fake.finishAll();
    await q.idle();
    expect(fake.log.filter((l) => l.startsWith('start vi-VN'))).toHaveLength(2);
  });

  it('says Vietnamese then English when both are given', async () => {
    const fake = fakeOutput();
    const q = createAnnouncementQueue(fake.out);
    q.enqueue({ key: 'A1@1', texts: [{ text: 'Mời số A 1 đến quầy số 1', lang: 'vi-VN' }, { text: 'Number A 1, counter 1', lang: 'en-US' }] });
    await fake.finishAll();
    await q.idle();
    expect(fake.log.filter((l) => l.startsWith('start')).map((l) => l.split(':')[0])).toEqual(['start chime', 'start vi-VN', 'start en-US']);
  });

  it('keeps going when the voice fails', async () => {
    const spoken: string[] = [];
    const q = createAnnouncementQueue({
      chime: async () => {},
      speak: async (text) => {
        spoken.push(text);
        if (text.includes('A023')) throw new Error('synthesis-failed');
      },
    });
    q.enqueue(call('A023', 5));
    q.enqueue(call('B007', 2));
    await q.idle();
    expect(spoken).toEqual(['Mời số A023 đến quầy số 5', 'Mời số B007 đến quầy số 2']);
  });

  it('spells the ticket code so "A023" is read as A, 0, 2, 3', () => {
    expect(spokenCode('A023')).toBe('A 0 2 3');
  });
});

describe('browser output', () => {
  afterEach(() => vi.useRealTimers());

  class FakeUtterance {
    lang = '';
    rate = 1;
    voice: unknown = null;
    listeners: string[] = [];
    constructor(readonly text: string) {}
    addEventListener(type: string) {
      this.listeners.push(type);
    }
  }

  it('moves on when the speech engine never reports the end of an utterance', async () => {
    vi.useFakeTimers();
    const speech = { speak: vi.fn(), cancel: vi.fn(), getVoices: () => [{ lang: 'vi_VN', name: 'Vietnamese' }] };
    const { output } = createBrowserOutput({ speech: speech as unknown as SpeechSynthesis, Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance });
    let done = false;
    void output.speak('Mời số A 0 2 3 đến quầy số 5', 'vi-VN').then(() => (done = true));
    const u = speech.speak.mock.calls[0]![0] as FakeUtterance;
    expect(u.lang).toBe('vi-VN');
    expect(u.voice).toEqual({ lang: 'vi_VN', name: 'Vietnamese' });
    expect(u.listeners).toEqual(['end', 'error']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(done).toBe(true);
    expect(speech.cancel).toHaveBeenCalled();
  });

  it('chimes with two oscillator tones', async () => {
    vi.useFakeTimers();
    const started: number[] = [];
    class FakeContext {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      createOscillator() {
        const osc = { type: '', frequency: { value: 0 }, connect: (g: unknown) => g, start: () => started.push(osc.frequency.value), stop: () => {} };
        return osc;
      }
      createGain() {
        const g = { gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }, connect: () => {} };
        return g;
      }
    }
    const browser = createBrowserOutput({ audioContext: FakeContext as unknown as new () => AudioContext });
    expect(browser.allowedWithoutGesture()).toBe(false);
    const chimed = browser.output.chime();
    await vi.advanceTimersByTimeAsync(1_200);
    await chimed;
    expect(started).toEqual([880, 660]);
  });
});

describe('recorded prompts (#18 item 6)', () => {
  it('a call is the intro, each letter and digit, "đến quầy số" and the counter number', () => {
    expect(callClips('A016', 5)).toEqual(['intro', 'l-A', 'd-0', 'd-1', 'd-6', 'to-counter', 'n-5']);
    expect(callClips('1023', 52)).toEqual(['intro', 'd-1', 'd-0', 'd-2', 'd-3', 'to-counter', 'd-5', 'd-2']);
  });

  it('plays the recordings instead of the Vietnamese voice, one call after the other; without recordings it speaks', async () => {
    const log: string[] = [];
    let recordings = true;
    const out: AnnouncerOutput = {
      chime: async () => void log.push('chime'),
      speak: async (text, lang) => void log.push(`${lang}:${text}`),
      play: async (clips) => {
        if (!recordings) return false;
        log.push(`play ${clips.join(' ')}`);
        return true;
      },
    };
    const q = createAnnouncementQueue(out);
    const texts = (code: string) => [{ text: `Mời số ${code}`, lang: 'vi-VN' }, { text: `Number ${code}`, lang: 'en-US' }];
    q.enqueue({ key: 'a', texts: texts('A001'), clips: callClips('A001', 1) });
    q.enqueue({ key: 'b', texts: texts('A002'), clips: callClips('A002', 2) });
    await q.idle();
    expect(log).toEqual([
      'chime', 'play intro l-A d-0 d-0 d-1 to-counter n-1', 'en-US:Number A001',
      'chime', 'play intro l-A d-0 d-0 d-2 to-counter n-2', 'en-US:Number A002',
    ]);
    recordings = false;
    log.length = 0;
    q.enqueue({ key: 'c', texts: texts('A003'), clips: callClips('A003', 3) });
    await q.idle();
    expect(log).toEqual(['chime', 'vi-VN:Mời số A003', 'en-US:Number A003']);
  });
});
