import { randomInt } from 'node:crypto';
import type { Device, DeviceKind } from '@motcua/contracts';
import { auditRepository, deviceRepository, scopeRepository, type DatabaseHandle, type DeviceRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, DeviceIdentity } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { Cached } from '../../common/cached.js';
import { DATABASE } from '../../infra/tokens.js';
import { hashToken, newSessionToken } from '../auth/session-token.js';
import { DevicePresence } from './device-presence.js';

// Read aloud from a manager's screen and typed on a TV remote: no 0/O/1/I.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PAIRING_MINUTES = 15;
const DEVICE_CACHE_MS = 2_000;

export const toDevice = (d: DeviceRow, online = false, offlineAlertedAt: Date | null = null): Device => ({
  id: d.id,
  centerId: d.centerId,
  kind: d.kind,
  counterId: d.counterId,
  name: d.name,
  pairedAt: d.pairedAt?.toISOString() ?? null,
  revokedAt: d.revokedAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  online,
  lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
  offlineAlertedAt: online ? null : (offlineAlertedAt?.toISOString() ?? null),
});

/** Displays and kiosks: paired once with a short code, then identified by an httpOnly device cookie scoped to one center. */
@Injectable()
export class DevicesService {
  readonly #cache = new Cached<DeviceIdentity | undefined>(DEVICE_CACHE_MS, 10_000);

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(DevicePresence) private readonly presence: DevicePresence,
  ) {}

  private forget(deviceId: string): Promise<void> {
    return this.#cache.deleteWhere((identity) => identity?.deviceId === deviceId);
  }

  async list(centerId: string): Promise<Device[]> {
    const rows = await deviceRepository.list(this.database.db, centerId);
    const ids = rows.map((d) => d.id);
    const [online, alerted] = await Promise.all([this.presence.online(ids), deviceRepository.alertedOutages(this.database.db, ids)]);
    return rows.map((d) => toDevice(d, online.has(d.id), alerted.get(d.id) ?? null));
  }

  async create(centerId: string, input: { kind: DeviceKind; name: string; counterId?: string | null }, actor: Actor, ip?: string, now = new Date()) {
    const counterId = input.kind === 'rating' ? (input.counterId ?? null) : null;
    if (counterId && (await scopeRepository.place(this.database.db, 'counter', counterId))?.centerId !== centerId)
      throw ApiError.validation([{ path: 'body.counterId', message: { vi: 'Quầy này không thuộc trung tâm đã chọn', en: 'This counter is not in the chosen center' } }]);
    const pairingCode = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
    const row = await this.database.db.transaction(async (tx) => {
      const device = await deviceRepository.create(tx, { centerId, kind: input.kind, counterId, name: input.name, pairingCode, pairingExpiresAt: expiresAt });
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'device.create', entity: 'device', entityId: device.id, before: null, after: toDevice(device), ip });
      return device;
    });
    return { device: toDevice(row), pairingCode, expiresAt: expiresAt.toISOString() };
  }

  async pair(code: string, now = new Date()): Promise<{ identity: DeviceIdentity; token: string }> {
    const { token, hash } = newSessionToken();
    const row = await this.database.db.transaction(async (tx) => {
      const device = await deviceRepository.pair(tx, code, hash, now);
      if (device) await auditRepository.append(tx, { actorId: null, action: 'device.pair', entity: 'device', entityId: device.id, before: null, after: { pairedAt: now.toISOString() } });
      return device;
    });
    if (!row) throw ApiError.validation([{ path: 'body.code', message: { vi: 'Mã ghép nối không đúng hoặc đã hết hạn; hãy xin quản lý mã mới', en: 'Wrong or expired pairing code; ask the manager for a new one' } }], { vi: 'Mã ghép nối không dùng được', en: 'The pairing code cannot be used' });
    return { identity: { deviceId: row.id, centerId: row.centerId, kind: row.kind, counterId: row.counterId }, token };
  }

  /**
   * The device behind a cookie. Kept for a few seconds (a kiosk calls many times a
   * minute); a revocation on this instance is seen at once, on others within DEVICE_CACHE_MS.
   */
  async resolve(token: string | undefined, now = Date.now()): Promise<DeviceIdentity | undefined> {
    if (!token) return undefined;
    const hash = hashToken(token);
    return this.#cache.get(
      hash,
      async () => {
        const row = await deviceRepository.byToken(this.database.db, hash);
        return row ? { deviceId: row.id, centerId: row.centerId, kind: row.kind, counterId: row.counterId } : undefined;
      },
      now,
    );
  }

  async revoke(id: string, actor: Actor, ip?: string, now = new Date()): Promise<Device> {
    const row = await this.database.db.transaction(async (tx) => {
      const device = await deviceRepository.revoke(tx, id, now);
      if (device) await auditRepository.append(tx, { actorId: actor.staffId, action: 'device.revoke', entity: 'device', entityId: id, before: null, after: toDevice(device), ip });
      return device;
    });
    if (!row) throw ApiError.notFound({ vi: 'thiết bị này', en: 'This device' });
    // After commit: a request in between cannot cache the device as still valid.
    await this.forget(id);
    return toDevice(row);
  }
}
