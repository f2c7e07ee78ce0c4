import { Namespace } from '@motcua/contracts';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { mayJoin } from './room-rules.js';

type Ack = { ok: boolean; error?: string };

async function join(namespace: Namespace, socket: Socket, room: unknown): Promise<Ack> {
  if (!mayJoin(namespace, room)) return { ok: false, error: `room not allowed in ${namespace}` };
  await socket.join(room);
  return { ok: true };
}

// Events are pushed through the Redis emitter (RealtimePublisher); gateways only admit clients to rooms.
@WebSocketGateway({ namespace: Namespace.public })
export class PublicGateway {
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown) {
    return join(Namespace.public, socket, room);
  }
}

@WebSocketGateway({ namespace: Namespace.staff })
export class StaffGateway {
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown) {
    return join(Namespace.staff, socket, room);
  }
}

@WebSocketGateway({ namespace: Namespace.dashboard })
export class DashboardGateway {
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() room: unknown) {
    return join(Namespace.dashboard, socket, room);
  }
}
