// The traffic of a busy hall during a fault: a kiosk issuing tickets, counters calling and serving,
// public reads, and hall displays that behave like the real one (sequence, gap → snapshot).
import { httpClient } from '../http-client.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TIMEOUT_MS = 10_000;

/** Every request with its outcome: status (0 = no answer), start and end times. */
export class Recorder {
  requests = [];
  constructor(http) {
    this.http = http;
  }
  async send(kind, method, pathname, opts) {
    const rec = { kind, t0: Date.now(), t1: 0, status: 0 };
    this.requests.push(rec);
    try {
      const res = await Promise.race([this.http(method, pathname, opts), sleep(TIMEOUT_MS).then(() => ({ status: -1 }))]);
      rec.status = res.status;
      return res;
    } catch {
      return { status: 0 };
    } finally {
      rec.t1 = Date.now();
    }
  }
}

/** A hall display: the SeqTracker rules of the real page (stale, gap, new epoch → snapshot), counting what it announced. */
class Display {
  tracker = null;
  announced = new Set();
  latest = new Map();
  dropped = 0;
  resyncs = 0;
  constructor(io, base, centerId, get) {
    this.get = get;
    this.centerId = centerId;
    this.room = `center:${centerId}`;
    this.socket = io(`${base}/public`, { transports: ['websocket'], forceNew: true, reconnectionDelayMax: 5000 });
    let once = false;
    this.socket.on('connect', () => {
      this.socket.emit('subscribe', this.room, () => {});
      if (once) void this.resync();
      once = true;
    });
    this.socket.on('ticket.called', (e) => this.onEvent(e, () => {
      this.announced.add(e.data.ticketCode);
      this.latest.set(e.data.counterId, e.data.ticketCode);
    }));
    this.socket.on('queue.updated', (e) => this.onEvent(e, () => {}));
    this.ready = new Promise((resolve) => this.socket.once('connect', resolve)).then(() => this.resync());
  }
  onEvent(e, apply) {
    const t = this.tracker;
    const verdict = !t ? 'ok' : e.epoch !== t.epoch ? 'reset' : e.seq <= t.seq ? 'stale' : e.seq === t.seq + 1 ? 'ok' : 'gap';
    if (verdict === 'stale') return void this.dropped++;
    this.tracker = { epoch: e.epoch, seq: e.seq };
    apply();
    if (verdict !== 'ok') void this.resync();
  }
  async resync() {
    this.resyncs++;
    const res = await this.get(`/api/public/centers/${this.centerId}/display`).catch(() => null);
    if (res?.status !== 200) return;
    const s = JSON.parse(res.body);
    this.tracker = s.epoch ? { epoch: s.epoch, seq: s.seq } : null;
    this.latest = new Map();
    for (const c of [...s.calls].reverse()) this.latest.set(c.counterId, c.ticketCode);
  }
  close() {
    this.socket.close();
  }
}

export async function openDisplays(base, centerId, count) {
  const { io } = await import('socket.io-client');
  const http = httpClient(base, { sockets: 8, keepAlive: false });
  const displays = Array.from({ length: count }, () => new Display(io, base, centerId, (p) => http('GET', p)));
  await Promise.all(displays.map((d) => d.ready));
  return displays;
}

/** Kiosk tickets, counters calling → serving → done, and kiosk/display reads, until `stop()`. */
export function startTraffic({ rec, centerId, serviceIds, counterIds, kioskCookie, staffCookie, ticketsPerSecond = 8 }) {
  const state = { running: true };
  const loops = [];
  loops.push((async () => {
    for (let i = 0; state.running; i++) {
      void rec.send('issue', 'POST', `/api/centers/${centerId}/tickets`, { cookie: kioskCookie, body: { serviceId: serviceIds[i % serviceIds.length] } });
      await sleep(1000 / ticketsPerSecond);
    }
  })());
  for (const counterId of counterIds) {
    loops.push((async () => {
      // A closed counter cannot call: open it first.
      await rec.send('open', 'POST', `/api/counters/${counterId}/state`, { cookie: staffCookie, body: { state: 'open' } });
      while (state.running) {
        const called = await rec.send('call', 'POST', `/api/counters/${counterId}/call-next`, { cookie: staffCookie, body: {} });
        if (called.status === 200 || called.status === 409) {
          // A 409 may be a call this loop never heard of (an answer lost after commit): serve it too.
          await rec.send('serve', 'POST', `/api/counters/${counterId}/start`, { cookie: staffCookie, body: {} });
          await sleep(300);
          await rec.send('serve', 'POST', `/api/counters/${counterId}/done`, { cookie: staffCookie, body: {} });
        }
        await sleep(called.status === 200 ? 700 : 400);
      }
    })());
  }
  loops.push((async () => {
    while (state.running) {
      await rec.send('read', 'GET', `/api/public/centers/${centerId}/kiosk`);
      await sleep(500);
    }
  })());
  return async () => {
    state.running = false;
    await Promise.all(loops);
  };
}
