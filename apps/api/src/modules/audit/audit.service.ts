import type { AuditEntry } from '@motcua/contracts';
import { auditRepository, type DatabaseHandle } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../../infra/tokens.js';

@Injectable()
export class AuditService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  /** Newest first, keyset-paged by time. */
  async page(q: { entity?: string; actorId?: string; from?: string; to?: string; before?: string; limit: number }): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
    const rows = await auditRepository.page(this.database.db, q);
    const entries = rows.slice(0, q.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { entries, nextBefore: rows.length > q.limit ? entries[entries.length - 1]!.at : null };
  }
}
