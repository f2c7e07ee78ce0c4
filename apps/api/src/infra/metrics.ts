import { Namespace } from '@motcua/contracts';
import { outboxRepository, type DatabaseHandle } from '@motcua/db';
import { Counter, createMetricsRegistry, dependencyGauges, durationBuckets, Gauge, Histogram } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Namespace as SocketNamespace } from 'socket.io';
import { sql } from 'drizzle-orm';
import { DATABASE, REDIS } from './tokens.js';

/** The API's figures for Prometheus (served on /metrics by server.ts); modules count through this one provider. */
@Injectable()
export class ApiMetrics {
  /** Read at scrape time: kept here so they live as long as the registry. */
  readonly #scraped: Gauge[] = [];
  readonly registry = createMetricsRegistry('api');
  readonly #namespaces = new Map<string, SocketNamespace>();

  readonly requests = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP answers by route pattern (not the raw URL, which carries ids), method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: durationBuckets,
    registers: [this.registry],
  });
  readonly ticketsIssued = new Counter({ name: 'motcua_tickets_issued_total', help: 'Tickets issued, by center', labelNames: ['center'], registers: [this.registry] });
  readonly ticketsCalled = new Counter({ name: 'motcua_tickets_called_total', help: 'Tickets called or recalled to a counter, by center', labelNames: ['center'], registers: [this.registry] });
  readonly eventsPublished = new Counter({ name: 'motcua_realtime_events_published_total', help: 'Realtime events relayed from the outbox to Redis', registers: [this.registry] });
  readonly eventsDelivered = new Counter({ name: 'motcua_realtime_events_delivered_total', help: 'Realtime events sent to sockets of this process, by namespace', labelNames: ['namespace'], registers: [this.registry] });

  constructor(@Inject(DATABASE) database: DatabaseHandle, @Inject(REDIS) redis: Redis) {
    const registry = this.registry;
    const namespaces = this.#namespaces;
    this.#scraped.push(new Gauge({
      name: 'motcua_sockets',
      help: 'Sockets connected to this process, by namespace',
      labelNames: ['namespace'],
      registers: [registry],
      collect() {
        for (const [name, ns] of namespaces) this.set({ namespace: name }, ns.sockets.size);
      },
    }));
    const seenCenters = new Set<string>();
    this.#scraped.push(new Gauge({
      name: 'motcua_center_screens',
      help: 'Public sockets (hall displays, kiosks, phones following a ticket) in each center room on this process; a center once seen stays at 0 when all leave',
      labelNames: ['center'],
      registers: [registry],
      collect() {
        const rooms = namespaces.get(Namespace.public)?.adapter.rooms;
        for (const room of rooms?.keys() ?? []) if (room.startsWith('center:')) seenCenters.add(room.slice(7));
        for (const center of seenCenters) this.set({ center }, rooms?.get(`center:${center}`)?.size ?? 0);
      },
    }));
    this.#scraped.push(new Gauge({
      name: 'motcua_realtime_outbox_pending',
      help: 'Realtime events written but not yet relayed (grows while Redis is down)',
      registers: [registry],
      async collect() {
        this.set(await outboxRepository.pending(database.db).catch(() => -1));
      },
    }));
    this.#scraped.push(...dependencyGauges(registry, {
      redis,
      poolMax: database.sql.options.max,
      connections: async () => {
        const rows = await database.db.execute<{ state: string | null; n: number }>(
          sql`select state, count(*)::int as n from pg_stat_activity where application_name = 'motcua-api' and pid <> pg_backend_pid() group by state`,
        );
        return rows.map((r) => ({ state: r.state ?? 'unknown', count: r.n }));
      },
    }));
  }

  /** Express middleware: one observation per answer, labelled with the matched route. */
  readonly timeRequests = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.requests.startTimer();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : res.statusCode === 404 ? 'not_found' : 'other';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  /** A gateway's namespace: its sockets are counted and what is sent to them too. */
  watchNamespace(namespace: SocketNamespace): void {
    this.#namespaces.set(namespace.name, namespace);
    namespace.on('connection', (socket) => socket.onAnyOutgoing(() => this.eventsDelivered.inc({ namespace: namespace.name })));
  }
}
