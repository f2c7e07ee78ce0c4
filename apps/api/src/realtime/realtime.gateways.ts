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
import type { Actor } from '../common/actor.js';
import { parseRoom, type RoomRef } from './room-rules.js';
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

/** Sockets that carry the same session as HTTP: the session is checked on connect, each room against role and scope. */
abstract class SessionGateway implements OnGatewayInit {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ScopeService) protected readonly scope: ScopeService,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  afterInit(namespace: SocketNamespace): void {
    requireSession(namespace, this.auth, originPolicy(this.config));
    this.metrics.watchNamespace(namespace);
  }

  protected async join(socket: Socket, namespace: Namespace, room: unknown, admits: (actor: Actor, ref: RoomRef) => boolean | Promise<boolean>): Promise<Ack> {
    const actor = actorOf(socket);
    const ref = parseRoom(namespace, room);
    if (!actor || !ref) return refused(`room not allowed in ${namespace}`);
    if (!(await admits(actor, ref))) return refused('outside your scope');
    await socket.join(room as string);
    return { ok: true };
  }
}

@WebSocketGateway({ namespace: Namespace.staff })
export class StaffGateway extends SessionGateway {
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown): Promise<Ack> {
    return this.join(socket, Namespace.staff, room, (actor, ref) =>
      ref.kind === 'system' ? actor.roles.some((g) => g.role === 'admin') : ref.kind === 'user' ? ref.id === actor.staffId : this.scope.covers(actor, 'center', ref.id!),
    );
  }
}

/** Leaders' dashboards: `unit:<id>` rooms, admitted when the caller may read analytics and their scope reaches the unit. */
@WebSocketGateway({ namespace: Namespace.dashboard })
export class DashboardGateway extends SessionGateway {
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown): Promise<Ack> {
    return this.join(socket, Namespace.dashboard, room, (actor, ref) => this.scope.reachesUnit(actor, ref.id!, analyticsReaders));
  }
}
