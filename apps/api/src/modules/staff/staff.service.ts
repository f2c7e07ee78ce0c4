import { auditRepository, generatePassword, hashPassword, sessionRepository, staffRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/actor.js';
import { ApiError } from '../../common/api-error.js';
import { DATABASE } from '../../infra/tokens.js';

@Injectable()
export class StaffService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** A new temporary password, shown once: unlocks the account, ends its sessions, and asks for a change at next sign-in. */
  async resetPassword(id: string, actor: Actor, ip?: string, now = new Date()): Promise<{ temporaryPassword: string }> {
    const target = await staffRepository.findWithRoles(this.database.db, id);
    if (!target) throw ApiError.notFound({ vi: 'cán bộ này', en: 'This staff member' });
    const temporaryPassword = generatePassword();
    const hash = await hashPassword(temporaryPassword);
    await this.database.db.transaction(async (tx) => {
      await staffRepository.setPassword(tx, id, hash, now, true);
      await sessionRepository.deleteForStaff(tx, id);
      await auditRepository.append(tx, { actorId: actor.staffId, action: 'staff.reset_password', entity: 'staff', entityId: id, before: null, after: { mustChangePassword: true }, ip });
    });
    return { temporaryPassword };
  }
}
