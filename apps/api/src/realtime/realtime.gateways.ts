import { analyticsReaders, DEVICE_COOKIE, Namespace } from '@motcua/contracts';
import { Inject, Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace as SocketNamespace, Socket } from 'socket.io';
import { originPolicy } from '../common/origin-check.js';
import { ScopeService } from '../common/scope.service.js';
import { ApiMetrics } from '../infra/metrics.js';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { DevicePresence } from '../modules/devices/device-presence.js';
import { DevicesService } from '../modules/devices/devices.service.js';
import { parseRoom } from './room-rules.js';
import { actorOf, cookieOf, requireSession } from './socket-auth.js';

type Ack = { ok: boolean; error?: string };
const refused = (error: string): Ack => ({ ok: false, error });

// Events are pushed through the Redis emitter (RealtimePublisher); gateways only admit clients to rooms.
// A paired device (hall display, kiosk, rating tablet) opens /public with its device cookie: that socket is its presence.
@WebSocketGateway({ namespace: Namespace.public })
export class PublicGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  readonly #log = new Logger('PublicGateway');

  constructor(
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(DevicesService) private readonly devices: DevicesService,
    @Inject(DevicePresence) private readonly presence: DevicePresence,
  ) {}

  afterInit(namespace: SocketNamespace): void {
    this.metrics.watchNamespace(namespace);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = cookieOf(socket, DEVICE_COOKIE);
    if (!token) return;
    try {
      const device = await this.devices.resolve(token);
      if (device && socket.connected) await this.presence.connected(socket.id, device.deviceId);
    } catch (err) {
      this.#log.warn(`device presence not recorded: ${(err as Error).message}`);
    }
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    await this.presence.disconnected(socket.id).catch((err: Error) => this.#log.warn(`device presence not cleared: ${err.message}`));
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown): Promise<Ack> {
    if (!parseRoom(Namespace.public, room)) return refused('room not allowed in /public');
    await socket.join(room as string);
    return { ok: true };
  }
}

/** Staff sockets carry the same session as HTTP; each room is checked against role and scope. */
@WebSocketGateway({ namespace: Namespace.staff })
export class StaffGateway implements OnGatewayInit {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ScopeService) private readonly scope: ScopeService,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  afterInit(namespace: SocketNamespace): void {
    requireSession(namespace, this.auth, originPolicy(this.config));
    this.metrics.watchNamespace(namespace);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown): Promise<Ack> {
    const actor = actorOf(socket);
    const ref = parseRoom(Namespace.staff, room);
    if (!actor || !ref) return refused('room not allowed in /staff');
    const allowed =
      ref.kind === 'system'
        ? actor.roles.some((g) => g.role === 'admin')
        : ref.kind === 'user'
          ? ref.id === actor.staffId
          : await this.scope.covers(actor, 'center', ref.id!);
    if (!allowed) return refused('outside your scope');
    await socket.join(room as string);
    return { ok: true };
  }
}

/** Leaders' dashboards: `unit:<id>` rooms, admitted when the caller may read analytics and their scope reaches the unit. */
@WebSocketGateway({ namespace: Namespace.dashboard })
export class DashboardGateway implements OnGatewayInit {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ScopeService) private readonly scope: ScopeService,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  afterInit(namespace: SocketNamespace): void {
    requireSession(namespace, this.auth, originPolicy(this.config));
    this.metrics.watchNamespace(namespace);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown): Promise<Ack> {
    const actor = actorOf(socket);
    const ref = parseRoom(Namespace.dashboard, room);
    if (!actor || !ref) return refused('room not allowed in /dashboard');
    if (!(await this.scope.reachesUnit(actor, ref.id!, analyticsReaders))) return refused('outside your scope');
    await socket.join(room as string);
    return { ok: true };
  }
}
