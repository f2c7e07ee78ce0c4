import { onScopeDispose, ref, shallowRef } from 'vue';

/** One call to announce: a chime, then each text in turn (Vietnamese first, English optionally). */
export interface Announcement {
  /** Same ticket at the same counter: a pending duplicate is dropped, a recall after it started is spoken again. */
  key: string;
  texts: { text: string; lang: string }[];
  /** Pre-recorded Vietnamese prompts to play in turn instead of the Vietnamese text (#18 item 6). */
  clips?: string[];
}

/** Where sound goes; the browser version is below, tests pass fakes. */
export interface AnnouncerOutput {
  chime(): Promise<void>;
  speak(text: string, lang: string): Promise<void>;
  /** Plays recorded prompts one after another; false when there are none to play (then the text is spoken). */
  play?(clips: string[]): Promise<boolean>;
}

/**
 * Plays announcements strictly one after another. Other panels interrupt or
 * overwrite the current call when a second one arrives (novosga#78, FQM#138);
 * here a new call waits for the current one to finish, and a failing voice
 * never blocks the calls behind it.
 */
export function createAnnouncementQueue(out: AnnouncerOutput) {
  const pending: Announcement[] = [];
  const current = shallowRef<Announcement | null>(null);
  let running: Promise<void> | null = null;

  async function drain() {
    for (let next = pending.shift(); next; next = pending.shift()) {
      current.value = next;
      try {
        await out.chime();
      } catch {
        // No audio device: the voice may still work.
      }
      let recorded = false;
      if (next.clips?.length && out.play) {
        try {
          recorded = await out.play(next.clips);
        } catch {
          recorded = false;
        }
      }
      for (const { text, lang } of next.texts) {
        // The recorded prompts said the Vietnamese text already.
        if (recorded && lang.startsWith('vi')) continue;
        try {
          await out.speak(text, lang);
        } catch {
          // A voice that fails must not stop the queue.
        }
      }
    }
    current.value = null;
    running = null;
  }

  return {
    current,
    /** Queues a call; false when the same call is already waiting to be spoken. */
    enqueue(a: Announcement): boolean {
      if (pending.some((p) => p.key === a.key)) return false;
      pending.push(a);
      running ??= drain();
      return true;
    },
    get size() {
      return pending.length + (current.value ? 1 : 0);
    },
    /** Resolves when everything queued so far has been played. */
    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}

/** "A023" is spoken character by character ("A không hai ba"), as halls announce it. */
export function spokenCode(code: string): string {
  return code.split('').join(' ');
}

type AudioContextCtor = new () => AudioContext;

/**
 * Browser sound: a two-tone chime made with an oscillator (no audio file to
 * load) and the Web Speech API. Speech engines sometimes never fire `end`
 * (novosga#39: "voice stops after a while"), so every utterance has a time limit.
 */
export function createBrowserOutput(env: { audioContext?: AudioContextCtor; speech?: SpeechSynthesis; Utterance?: typeof SpeechSynthesisUtterance } = {}) {
  const Ctx = env.audioContext ?? (globalThis as { AudioContext?: AudioContextCtor }).AudioContext;
  const speech = env.speech ?? globalThis.speechSynthesis;
  const Utterance = env.Utterance ?? globalThis.SpeechSynthesisUtterance;
  let ctx: AudioContext | null = null;

  const context = () => (ctx ??= Ctx ? new Ctx() : null);
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  function pickVoice(lang: string): SpeechSynthesisVoice | undefined {
    const want = lang.toLowerCase().slice(0, 2);
    return speech?.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(want));
  }

  const output: AnnouncerOutput = {
    async chime() {
      const ac = context();
      if (!ac) return;
      const t0 = ac.currentTime;
      for (const [i, freq] of [880, 660].entries()) {
        const osc = ac.createOscillator();
        const gain = ac.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        const start = t0 + i * 0.4;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
        osc.connect(gain).connect(ac.destination);
        osc.start(start);
        osc.stop(start + 0.65);
      }
      await wait(1100);
    },
    speak(text, lang) {
      if (!speech || !Utterance) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const u = new Utterance(text);
        u.lang = lang;
        u.rate = 0.9;
        const voice = pickVoice(lang);
        if (voice) u.voice = voice;
        const limit = setTimeout(() => {
          speech.cancel();
          resolve();
        }, Math.max(6000, text.length * 200));
        const finish = () => {
          clearTimeout(limit);
          // A short pause so two calls are heard as two.
          setTimeout(resolve, 400);
        };
        u.addEventListener('end', finish);
        u.addEventListener('error', finish);
        speech.speak(u);
      });
    },
  };

  return {
    output,
    /** True when the browser lets this page play sound without a click (kiosk browsers started with an autoplay flag). */
    allowedWithoutGesture(): boolean {
      return context()?.state === 'running';
    },
    /** Call from a click: browsers unlock audio and speech only inside a user gesture. */
    async unlock(): Promise<void> {
      const ac = context();
      if (ac && ac.state !== 'running') await ac.resume();
      if (speech && Utterance) speech.speak(new Utterance(''));
    },
    close() {
      void ctx?.close();
      speech?.cancel();
    },
  };
}

/** The prompts of a call: "Mời công dân có số", each letter and digit, "đến quầy số", the counter number. */
export function callClips(code: string, counterNumber: number): string[] {
  const chars = code.toUpperCase().split('').map((c) => (/\d/.test(c) ? `d-${c}` : `l-${c}`));
  const counter = counterNumber >= 1 && counterNumber <= 40 ? [`n-${counterNumber}`] : String(counterNumber).split('').map((d) => `d-${d}`);
  return ['intro', ...chars, 'to-counter', ...counter];
}

/**
 * Recorded prompts (built with espeak-ng into /voice, see scripts/voice-prompts.mjs), played
 * through ONE audio element, one clip after another: two clips never sound at once. A clip
 * that never ends (no audio device) is given up after its length plus a second.
 */
export function createPromptPlayer(base = '/voice/', onBlocked: () => void = () => {}) {
  let manifest: Promise<Set<string> | null> | null = null;
  const load = () =>
    (manifest ??= fetch(`${base}manifest.json`)
      .then(async (r) => (r.ok ? new Set(((await r.json()) as { prompts: string[] }).prompts) : null))
      .catch(() => null));
  const audio = typeof Audio === 'undefined' ? null : new Audio();

  function playOne(src: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (!audio) return resolve();
      let limit: ReturnType<typeof setTimeout> = setTimeout(done, 8000);
      function done() {
        clearTimeout(limit);
        audio!.removeEventListener('ended', done);
        audio!.removeEventListener('error', done);
        audio!.removeEventListener('loadedmetadata', sized);
        resolve();
      }
      function sized() {
        if (!Number.isFinite(audio!.duration)) return;
        clearTimeout(limit);
        limit = setTimeout(done, audio!.duration * 1000 + 1000);
      }
      audio.addEventListener('ended', done);
      audio.addEventListener('error', done);
      audio.addEventListener('loadedmetadata', sized);
      audio.src = src;
      audio.play().catch((e: unknown) => {
        done();
        if (e instanceof DOMException && e.name === 'NotAllowedError') {
          onBlocked();
          reject(e);
        }
      });
    });
  }

  return {
    /** Whether recorded prompts exist on this server. */
    async available(): Promise<boolean> {
      return (await load()) !== null;
    },
    async play(clips: string[]): Promise<boolean> {
      const known = await load();
      if (!known || !audio || clips.some((c) => !known.has(c))) return false;
      for (const c of clips) await playOne(`${base}${c}.wav`);
      // A short pause so two calls are heard as two.
      await new Promise((r) => setTimeout(r, 400));
      return true;
    },
    /** Inside the click that enables sound: lets the element play later. */
    unlock() {
      // A throwaway element: the click unlocks the page's media, and the prompts' own element is never muted.
      if (typeof Audio === 'undefined') return;
      const silent = new Audio();
      silent.muted = true;
      void silent.play().catch(() => {});
    },
  };
}

/**
 * The display's announcer: a chime and recorded Vietnamese prompts behind a queue (the browser's
 * voice only where the center prefers it and a vi-VN voice exists, or when there are no
 * recordings), with the small "tap to enable sound" warning while the browser blocks sound.
 */
export function useAnnouncer(options: { preferBrowserVoice?: boolean } = {}) {
  const browser = createBrowserOutput();
  const soundOn = ref(browser.allowedWithoutGesture());
  const prompts = createPromptPlayer('/voice/', () => (soundOn.value = false));
  const hasViVoice = () => (globalThis.speechSynthesis?.getVoices() ?? []).some((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi'));
  const output: AnnouncerOutput = {
    ...browser.output,
    play: (clips) => (options.preferBrowserVoice && hasViVoice() ? Promise.resolve(false) : prompts.play(clips)),
  };
  const queue = createAnnouncementQueue(output);
  onScopeDispose(() => browser.close());
  return {
    soundOn,
    current: queue.current,
    async enableSound() {
      prompts.unlock();
      await browser.unlock();
      soundOn.value = true;
    },
    announce(a: Announcement) {
      if (soundOn.value) queue.enqueue(a);
    },
  };
}
