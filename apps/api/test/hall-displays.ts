import { io, type Socket } from 'socket.io-client';
import { SeqTracker } from '../../../packages/web/src/seq-tracker.js';

/**
 * A hall display as the real page behaves (the web package's SeqTracker): stale events are
 * dropped, a gap or a new epoch triggers a snapshot refetch, a reconnect too. It records
 * which calls it announced and the latest call it shows per counter.
 */
export class HallDisplay {
  readonly announced = new Set<string>();
  latest = new Map<string, string>();
  dropped = 0;
  resyncs = 0;
  readonly socket: Socket;
  readonly #tracker = new SeqTracker();
  readonly ready: Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly centerId: string,
    private readonly headers: () => Record<string, string> = () => ({}),
  ) {
    const room = `center:${centerId}`;
    this.socket = io(`${baseUrl}/public`, { transports: ['websocket'], forceNew: true, reconnectionDelayMax: 1000 });
    let connected = false;
    this.socket.on('connect', () => {
      this.socket.emit('subscribe', room, () => {});
      if (connected) {
        this.#tracker.reset(room);
        void this.resync();
      }
      connected = true;
    });
    const onEvent = (e: { room: string; epoch: string; seq: number; data: { ticketCode?: string; counterId?: string } }, call: boolean) => {
      const verdict = this.#tracker.accept(room, e.epoch, e.seq);
      if (verdict === 'stale') return void this.dropped++;
      if (call) {
        this.announced.add(e.data.ticketCode!);
        this.latest.set(e.data.counterId!, e.data.ticketCode!);
      }
      if (verdict !== 'ok') void this.resync();
    };
    this.socket.on('ticket.called', (e) => onEvent(e, true));
    this.socket.on('queue.updated', (e) => onEvent(e, false));
    this.ready = new Promise<void>((resolve) => this.socket.once('connect', () => resolve())).then(() => this.resync());
  }

  async resync(): Promise<void> {
    this.resyncs++;
    const res = await fetch(`${this.baseUrl}/api/public/centers/${this.centerId}/display`, { headers: this.headers() });
    if (res.status !== 200) return;
    const s = (await res.json()) as { epoch: string | null; seq: number; calls: Array<{ ticketCode: string; counterId: string }> };
    this.#tracker.reset(`center:${this.centerId}`, s.epoch ? { epoch: s.epoch, seq: s.seq } : null);
    this.latest = new Map([...s.calls].reverse().map((c) => [c.counterId, c.ticketCode]));
  }

  close(): void {
    this.socket.close();
  }
}

export const ALL_DAY = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])));

/** A center of its own (open all day, one service, `counters` open counters serving it). */
export async function hallCenter(sql: import('postgres').Sql, code: string, counters: number) {
  const [unit] = await sql`select unit_id from centers where code = 'TT-32002'`;
  const [c] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${code}, ${'Trung tâm ' + code}, ${unit!.unit_id}, ${ALL_DAY}::jsonb) returning id`;
  const [service] = await sql`insert into services (center_id, code, name_vi, name_en, ticket_prefix, typical_service_minutes, field, sort_order)
    values (${c!.id}, 'HT', 'Hộ tịch', 'Civil status', 'A', 8, 'ho_tich', 0) returning id`;
  const ids: string[] = [];
  for (let i = 1; i <= counters; i++) {
    const [k] = await sql`insert into counters (center_id, label, number, state) values (${c!.id}, ${'Quầy ' + i}, ${i}, 'open') returning id`;
    await sql`insert into counter_services (counter_id, service_id, weight) values (${k!.id}, ${service!.id}, 1)`;
    ids.push(k!.id as string);
  }
  return { id: c!.id as string, serviceId: service!.id as string, counters: ids };
}
