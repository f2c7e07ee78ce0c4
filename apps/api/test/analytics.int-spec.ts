import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, seed, signIn, startStack, type Account, type Stack } from './harness.js';
import { waitFor } from './wait.js';

describe('analytics indicators', () => {
  let stack: Stack;
  let accounts: Account[];
  const password = (u: string) => accounts.find((a) => a.username === u)!.password;
  const get = async (username: string, path: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}/api/analytics/${path}`, { headers: { cookie: await signIn(stack, username, password(username)), 'accept-language': 'en', ...headers } });
  const report = async (username: string, query: string) => json(await get(username, `indicators?${query}`));
  let units: Record<string, string>;
  let anXuyenCenter: string;
  let procedure: { id: string; name: string; field: string };

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    accounts = await seed(stack);
    const sql = stack.database.sql;
    const agencies = await sql`select a.id, a.unit_id, c.id as center_id from agencies a join centers c on c.unit_id = a.unit_id where a.code like 'UBND-%' order by a.code`;
    const [version] = await sql`select id from procedure_versions order by fee_vnd limit 1`;
    // Two resolved on time in the first commune, one late in the second, one still open in the first.
    const rows = [
      [0, '2026-03-02T02:00:00Z', '2026-03-04T10:00:00Z', '2026-03-03T03:00:00Z'],
      [0, '2026-03-02T03:00:00Z', '2026-03-04T10:00:00Z', '2026-03-04T09:00:00Z'],
      [1, '2026-03-02T03:00:00Z', '2026-03-03T10:00:00Z', '2026-03-05T03:00:00Z'],
      [0, '2026-03-03T03:00:00Z', '2026-03-20T10:00:00Z', null],
    ] as const;
    for (const [i, [a, received, due, resolved]] of rows.entries()) {
      const agency = agencies[a]!;
      const [d] = await sql`insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, resolved_at)
        values (${'A-' + i}, ${agency.id}, ${agency.center_id}, ${agency.center_id}, ${version!.id}, ${i === 3 ? 'online' : 'counter'}, ${resolved ? 'resolved' : 'in_process'}, 'Trần Thị B', ${received}, ${due}, ${resolved})
        returning id`;
      // The control slip the read model judges each day by: received with its appointment, then the result.
      await sql`insert into dossier_events (dossier_id, kind, to_status, at, data) values (${d!.id}, 'received', 'received', ${received}, ${JSON.stringify({ dueAt: due })}::jsonb)`;
      if (resolved) await sql`insert into dossier_events (dossier_id, kind, from_status, to_status, at) values (${d!.id}, 'resolved', 'in_process', 'resolved', ${resolved})`;
    }
    // The worker rewrites the read model of the days asked for.
    // A handler for the open one (overdue after 20 March), two tickets on Monday 2 March at 09:xx local in An Xuyên.
    await sql`update dossiers set assignee_id = (select id from staff where username = 'canbo.anxuyen1') where code = 'A-3'`;
    const [svc] = await sql`select s.id as service_id, s.center_id, (select id from counters where center_id = s.center_id order by number limit 1) as counter_id
      from services s join centers c on c.id = s.center_id where c.unit_id = ${agencies[0]!.unit_id} order by s.sort_order limit 1`;
    // Two officers took turns at the counter: the first served one, the second called a no-show.
    const officer = async (username: string) => (await sql`select id from staff where username = ${username}`)[0]!.id as string;
    const [first, second] = [await officer('canbo.anxuyen1'), await officer('canbo.anxuyen2')];
    await sql`insert into tickets (center_id, service_id, business_date, number, code, status, arrived_at, called_at, serving_at, done_at, counter_id, officer_id, tracking_code) values
      (${svc!.center_id}, ${svc!.service_id}, '2026-03-02', 1, 'A001', 'done', '2026-03-02T02:00:00Z', '2026-03-02T02:04:30Z', '2026-03-02T02:05:00Z', '2026-03-02T02:13:00Z', ${svc!.counter_id}, ${first}, 'trk-a1'),
      (${svc!.center_id}, ${svc!.service_id}, '2026-03-02', 2, 'A002', 'no_show', '2026-03-02T02:10:00Z', '2026-03-02T02:30:30Z', null, null, ${svc!.counter_id}, ${second}, 'trk-a2')`;
    // The citizen served rated it at the counter's tablet.
    await sql`insert into ratings (ticket_id, counter_id, level) select id, counter_id, 'very_satisfied' from tickets where tracking_code = 'trk-a1'`;
    anXuyenCenter = agencies[0]!.center_id;
    units = Object.fromEntries((await sql`select id, name from administrative_units`).map((u) => [u.name, u.id]));
    const [p] = await sql`select p.id, p.name, p.field from procedure_versions pv join procedures p on p.id = pv.procedure_id where pv.id = ${version!.id}`;
    procedure = { id: p!.id, name: p!.name, field: p!.field };
    // Wait for the whole job, not for some days' rows: each day is its own transaction, so rows of five days
    // could be there while the sixth is still being written.
    await rollupAndWait(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
  });
  afterAll(() => stack?.stop());

  /** Runs a rollup through the worker and returns what its job reported. */
  async function rollupAndWait(days: string[]): Promise<unknown> {
    const { JobProducer, createRedis, closeRedis } = await import('@motcua/platform');
    const redis = createRedis(process.env.MOTCUA_TEST_REDIS_URL!, 'bullmq');
    const producer = new JobProducer(redis, stack.prefix);
    try {
      const id = await producer.enqueue('analytics.rollup', { days });
      const queue = producer.queue('analytics');
      const job = await waitFor(`rollup ${id} to finish`, async () => {
        const j = await queue.getJob(id);
        return j?.finishedOn ? j : undefined;
      }, 30_000);
      return job.returnvalue;
    } finally {
      await producer.close();
      await closeRedis(redis);
    }
  }

  it('gives a provincial leader every commune, with rates and "no data" kept apart', async () => {
    const r = await report('lanhdao.tinh', 'from=2026-03-02&to=2026-03-06&groupBy=unit');
    expect(r.rows.map((x: { label: string }) => x.label).sort()).toEqual(['Phường An Xuyên', 'Phường Tân Thành']);
    const anXuyen = r.rows.find((x: { label: string }) => x.label === 'Phường An Xuyên');
    expect(anXuyen.counts).toMatchObject({ received: 3, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 0, inProgressInTime: 1 });
    expect(anXuyen.indicators.onTimeRate).toBe(1);
    expect(anXuyen.indicators.onlineRate).toBeCloseTo(1 / 3);
    // Nothing with a fee: the online payment rate is "no data", not 0%.
    expect(anXuyen.indicators.onlinePaymentRate).toBeNull();
    expect(r.total.counts.resolvedLate).toBe(1);
    expect(r.total.indicators.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('shows a commune leader only their own commune', async () => {
    const r = await report('lanhdao.anxuyen', 'from=2026-03-02&to=2026-03-06&groupBy=unit');
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual(['Phường An Xuyên']);
    expect(r.total.counts.received).toBe(3);
  });

  it('refuses a period that ends before it starts, with a field message', async () => {
    const r = await report('lanhdao.tinh', 'from=2026-03-06&to=2026-03-02');
    expect(r.error.details).toEqual([{ path: 'query.to', message: 'The end date must not be before the start date' }]);
  });

  it('ranks every commune worst first, a commune without dossiers as "no data"', async () => {
    const r = await json(await get('lanhdao.tinh', 'ranking?from=2026-03-02&to=2026-03-06'));
    const labels = r.rows.map((x: { label: string }) => x.label);
    expect(labels.slice(0, 2)).toEqual(['Phường Tân Thành', 'Phường An Xuyên']);
    expect(labels).toContain('Xã Đất Mũi');
    expect(r.rows[0].indicators.onTimeRate766).toBe(0);
    // An Xuyên: 2 resolved on time + 1 open within time (due 20 March) of 3 to process.
    expect(r.rows[1].indicators.onTimeRate766).toBe(1);
    // Every other commune of the province is listed last, as no data rather than 0.
    for (const row of r.rows.slice(2)) {
      expect(row.indicators.onTimeRate766).toBeNull();
      expect(row.counts.received).toBe(0);
    }
    expect(r.total.counts.received).toBe(4);
    // Below the default minimum sample of 20 dossiers, every commune is listed apart, not ranked.
    expect(r.minSample).toBe(20);
    expect(r.rows.every((x: { smallSample: boolean }) => x.smallSample)).toBe(true);
  });

  it('ranks only communes with the minimum sample; smaller ones are listed apart after them, even when their rate is worse', async () => {
    // An Xuyên handled 3 dossiers (100%), Tân Thành 1 (0%): with a minimum of 2, An Xuyên is ranked and Tân Thành is not.
    const r = await json(await get('lanhdao.tinh', 'ranking?from=2026-03-02&to=2026-03-06&minSample=2'));
    expect(r.minSample).toBe(2);
    expect(r.rows[0]).toMatchObject({ label: 'Phường An Xuyên', smallSample: false });
    expect(r.rows[1]).toMatchObject({ label: 'Phường Tân Thành', smallSample: true });
    expect(r.rows.filter((x: { smallSample: boolean }) => !x.smallSample)).toHaveLength(1);
    // Each commune carries its place on the province tile map, from the seed: one tile each.
    expect(r.rows[0].tile).toEqual({ x: 4, y: 2 });
    const tiles = r.rows.filter((x: { tile: unknown }) => x.tile).map((x: { tile: { x: number; y: number } }) => `${x.tile.x},${x.tile.y}`);
    expect(tiles.length).toBe(r.rows.filter((x: { level: string }) => x.level === 'commune').length);
    expect(new Set(tiles).size).toBe(tiles.length);
    const bad = await get('lanhdao.tinh', 'ranking?from=2026-03-02&to=2026-03-06&minSample=0');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details[0].message).toBe('The minimum sample is at least 1 dossier');
  });

  it('keeps a commune leader to An Xuyên: ranking, and 403 for another commune', async () => {
    const r = await json(await get('lanhdao.anxuyen', 'ranking?from=2026-03-02&to=2026-03-06'));
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual(['Phường An Xuyên']);
    expect((await get('lanhdao.anxuyen', `units/${units['Phường Tân Thành']}/drilldown?from=2026-03-02&to=2026-03-06`)).status).toBe(403);
    expect((await get('lanhdao.anxuyen', `units/${units['Phường Tân Thành']}/overdue`)).status).toBe(403);
    expect((await get('lanhdao.anxuyen', `trends?from=2026-03-02&to=2026-03-06&unitId=${units['Tỉnh Cà Mau']}`)).status).toBe(403);
    expect(await json(await get('lanhdao.anxuyen', 'scope'))).toEqual({ units: [{ id: units['Phường An Xuyên'], name: 'Phường An Xuyên', level: 'commune' }] });
  });

  it('gives trends per day with empty days as "no data", and per ISO week', async () => {
    const days = await json(await get('lanhdao.tinh', 'trends?from=2026-03-02&to=2026-03-06&bucket=day'));
    expect(days.points.map((p: { from: string; counts: { received: number } }) => [p.from, p.counts.received])).toEqual([
      ['2026-03-02', 3], ['2026-03-03', 1], ['2026-03-04', 0], ['2026-03-05', 0], ['2026-03-06', 0],
    ]);
    // 4 March: An Xuyên's second dossier resolved on time, Tân Thành's is overdue at the end of the day.
    expect(days.points[2].counts).toMatchObject({ resolvedOnTime: 1, inProgressOverdue: 1, inProgressInTime: 1 });
    expect(days.points[4].indicators.onTimeRate).toBeNull();
    // 1 March is a Sunday: its week starts 23 February but is clipped to the period.
    const weeks = await json(await get('lanhdao.tinh', 'trends?from=2026-03-01&to=2026-03-10&bucket=week'));
    expect(weeks.points.map((p: { from: string; to: string }) => [p.from, p.to])).toEqual([['2026-03-01', '2026-03-01'], ['2026-03-02', '2026-03-08'], ['2026-03-09', '2026-03-10']]);
    expect(weeks.points[1].counts).toMatchObject({ received: 4, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 1 });
  });

  it('splits by channel, always all three', async () => {
    const r = await json(await get('lanhdao.tinh', 'channels?from=2026-03-02&to=2026-03-06'));
    expect(r.rows.map((x: { channel: string; counts: { received: number } }) => [x.channel, x.counts.received])).toEqual([['counter', 3], ['online', 1], ['post', 0]]);
    expect(r.rows[2].indicators.onTimeRate).toBeNull();
  });

  it('drills down a commune to its field, the field to its procedure, and lists the overdue dossier with its handler', async () => {
    const anXuyen = units['Phường An Xuyên'];
    const byField = await json(await get('lanhdao.anxuyen', `units/${anXuyen}/drilldown?from=2026-03-02&to=2026-03-06`));
    expect(byField).toMatchObject({ unit: { id: anXuyen, name: 'Phường An Xuyên' }, field: null, groupBy: 'field' });
    expect(byField.rows.map((x: { key: string; counts: { received: number } }) => [x.key, x.counts.received])).toEqual([[procedure.field, 3]]);
    const byProcedure = await json(await get('lanhdao.anxuyen', `units/${anXuyen}/drilldown?from=2026-03-02&to=2026-03-06&field=${procedure.field}`));
    expect(byProcedure.rows.map((x: { label: string }) => x.label)).toEqual([procedure.name]);
    expect(byProcedure.groupBy).toBe('procedure');
    // Seen on 25 March: due 20 March 10:00 UTC, so five whole days late.
    const overdue = await json(await get('lanhdao.anxuyen', `units/${anXuyen}/overdue?field=${procedure.field}`, { 'x-test-now': '2026-03-25T11:00:00Z' }));
    expect(overdue.truncated).toBe(false);
    expect(overdue.rows).toHaveLength(1);
    expect(overdue.rows[0]).toMatchObject({ code: 'A-3', procedure: procedure.name, daysOverdue: 5, agency: expect.stringMatching(/^UBND/) });
    expect(overdue.rows[0].handler).toEqual(expect.any(String));
    expect(JSON.stringify(overdue)).not.toContain('Trần Thị B');
    // Before its due time it is not overdue.
    expect((await json(await get('lanhdao.anxuyen', `units/${anXuyen}/overdue`, { 'x-test-now': '2026-03-19T11:00:00Z' }))).rows).toEqual([]);
  });

  it('puts tickets on the weekday × hour heatmap and measures the queue per center and per counter', async () => {
    const heat = await json(await get('lanhdao.tinh', 'queue/heatmap?from=2026-03-01&to=2026-03-07'));
    // Monday 2 March 09:00 and 09:10 in Asia/Ho_Chi_Minh.
    expect(heat).toEqual({ cells: [{ weekday: 1, hour: 9, issued: 2 }], max: 2 });
    const perf = await json(await get('lanhdao.anxuyen', 'queue/performance?from=2026-03-01&to=2026-03-07'));
    expect(perf.centers).toHaveLength(1);
    // Waits 4.5 and 20.5 minutes (one within 15), one served in 8 minutes, one no-show of two issued.
    expect(perf.centers[0]).toMatchObject({ issued: 2, called: 2, served: 1, noShow: 1, avgWaitMinutes: 12.5, p90WaitMinutes: 21, avgServiceMinutes: 8, noShowRate: 0.5, servedWithinTarget: 0.5, ratings: 1, surveySatisfied: 1, surveyAverage: 3 });
    expect(perf.counters).toHaveLength(1);
    expect(perf.counters[0]).toMatchObject({ issued: null, called: 2, served: 1, noShowRate: 0.5, p90WaitMinutes: 21, ratings: 1, surveyAverage: 3 });
    const names = Object.fromEntries((await stack.database.sql`select username, full_name from staff where username like 'canbo.anxuyen%'`).map((r) => [r.username, r.full_name]));
    expect(perf.officers.map((o: { label: string }) => o.label).sort()).toEqual([names['canbo.anxuyen1'], names['canbo.anxuyen2']].sort());
    expect(perf.officers.find((o: { label: string }) => o.label === names['canbo.anxuyen1'])).toMatchObject({ issued: null, called: 1, served: 1, noShow: 0, avgServiceMinutes: 8, servedWithinTarget: 1, ratings: 1, surveyAverage: 3 });
    expect(perf.officers.find((o: { label: string }) => o.label === names['canbo.anxuyen2'])).toMatchObject({ called: 1, served: 0, noShow: 1, noShowRate: 1, ratings: 0 });
    expect((await json(await get('lanhdao.tinh', 'queue/performance?from=2026-02-01&to=2026-02-07'))).centers).toEqual([]);
  });

  it('refuses daily trends over more than 92 days', async () => {
    const r = await json(await get('lanhdao.tinh', 'trends?from=2026-01-01&to=2026-06-30&bucket=day'));
    expect(r.error.details).toEqual([{ path: 'query.bucket', message: 'Daily buckets cover at most 92 days; choose weekly or monthly' }]);
  });

  it('admits a leader to the dashboard rooms of their scope only, and tells them live: an intake without personal data, then the rollup', async () => {
    const anonymous = io(`${stack.baseUrl}/dashboard`, { transports: ['websocket'], reconnection: false });
    expect(await new Promise((resolve) => anonymous.on('connect_error', (e) => resolve(e.message)))).toBe('unauthorized: sign in first');
    anonymous.close();

    const socket = io(`${stack.baseUrl}/dashboard`, { transports: ['websocket'], extraHeaders: { cookie: await signIn(stack, 'lanhdao.anxuyen', password('lanhdao.anxuyen')) } });
    const events: Array<{ event: string; data: Record<string, unknown> }> = [];
    socket.onAny((event, e) => events.push({ event, data: e.data }));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const join = (room: string) => new Promise((resolve) => socket.emit('subscribe', room, resolve));
    try {
      expect(await join(`unit:${units['Tỉnh Cà Mau']}`)).toEqual({ ok: false, error: 'outside your scope' });
      expect(await join(`unit:${units['Phường Tân Thành']}`)).toEqual({ ok: false, error: 'outside your scope' });
      expect(await join('center:x')).toEqual({ ok: false, error: 'room not allowed in /dashboard' });
      expect(await join(`unit:${units['Phường An Xuyên']}`)).toEqual({ ok: true });

      const [xn] = await stack.database.sql`select id, name from procedures where code = 'CTR-XN'`;
      const res = await fetch(`${stack.baseUrl}/api/centers/${anXuyenCenter}/dossiers`, {
        method: 'POST',
        headers: { cookie: await signIn(stack, 'canbo.anxuyen1', password('canbo.anxuyen1')), 'content-type': 'application/json' },
        body: JSON.stringify({ procedureId: xn!.id, applicant: { name: 'Nguyễn Thị Lan', phone: '0912345678' }, applicantUnitId: units['Phường An Xuyên'], outcome: { kind: 'accept' } }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      await waitFor('analytics.updated', () => events.some((e) => e.event === 'analytics.updated'));
      expect(events.find((e) => e.event === 'analytics.activity')?.data).toEqual({ kind: 'received', procedure: xn!.name, unit: 'Phường An Xuyên', channel: 'counter', at: expect.any(String) });
      expect(events.some((e) => e.event === 'analytics.updated')).toBe(true);
      expect(JSON.stringify(events)).not.toMatch(/Nguyễn Thị Lan|0912345678/);

      // A rollup that changes nothing (the minute's scheduled one, on a quiet minute) tells nobody.
      const quiet = await rollupAndWait(['2026-03-02', '2026-03-03']);
      expect(quiet).toEqual({ days: 2, changedUnits: 0 });
      const heard = events.length;
      await stack.database.sql`update tickets set status = 'done', serving_at = called_at, done_at = called_at + interval '5 minutes' where tracking_code = 'trk-a2'`;
      expect(await rollupAndWait(['2026-03-02'])).toEqual({ days: 1, changedUnits: 1 });
      await waitFor('the event of the changed rollup', () => events.length > heard);
      expect(events.slice(heard).map((e) => e.event)).toEqual(['analytics.updated']);
      await stack.database.sql`update tickets set status = 'no_show', serving_at = null, done_at = null where tracking_code = 'trk-a2'`;
      await rollupAndWait(['2026-03-02']);
    } finally {
      socket.close();
    }
  });
});
