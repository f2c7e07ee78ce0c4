import { randomUUID } from 'node:crypto';
import { QueueName } from '@motcua/contracts';
import { alertRepository, hashPassword } from '@motcua/db';
import type { TestDatabase } from '@motcua/db/testing';
import { closeRedis, createRedis, DeadlineScheduler } from '@motcua/platform';
import { Queue } from 'bullmq';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
/** A calendar open all day, every day: one working day is 24 hours, so tests can place instants seconds ahead. */
export const OPEN_ALWAYS = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, ALL_DAY]));

export interface AlertWorld {
  unitId: string;
  centerId: string;
  agencyId: string;
  procedureVersionId: string;
  assignee: { id: string; username: string };
  manager: { id: string; username: string };
  leader: { id: string; username: string };
  password: string;
}

/** A unit of its own (open-all-day calendar, one center, an assignee, a manager, a leader), so nothing else receives its alerts. */
export async function createAlertWorld(database: TestDatabase, tag = randomUUID().slice(0, 8)): Promise<AlertWorld> {
  const sql = database.sql;
  const password = 'Alert-test-pass-1';
  const hash = await hashPassword(password);
  const [unit] = await sql`insert into administrative_units (code, name, level) values (${'AL' + tag}, ${'Phường thử ' + tag}, 'commune') returning id`;
  const [agency] = await sql`insert into agencies (code, electronic_id, name, unit_id, kind) values (${'AG' + tag}, ${'E' + tag}, 'UBND thử', ${unit!.id}, 'commune_committee') returning id`;
  const [center] = await sql`insert into centers (code, name, unit_id, opening_hours) values (${'C' + tag}, 'Trung tâm thử', ${unit!.id}, ${JSON.stringify(OPEN_ALWAYS)}::jsonb) returning id`;
  const [procedure] = await sql`insert into procedures (code, name, field) values (${'P' + tag}, 'Thủ tục thử', 'Hộ tịch') returning id`;
  const [pv] = await sql`insert into procedure_versions (procedure_id, version, effective_from, time_limit_unit, time_limit_value) values (${procedure!.id}, 1, '2020-01-01', 'working_days', 3) returning id`;
  const [cal] = await sql`insert into calendars (unit_id, name, office_windows) values (${unit!.id}, 'Mở cả ngày', ${JSON.stringify(OPEN_ALWAYS)}::jsonb) returning id`;
  void cal;
  const person = async (username: string, role: string, scope: { center?: string; unit?: string }) => {
    const [s] = await sql`insert into staff (username, password_hash, full_name, home_unit_id, home_center_id) values (${username}, ${hash}, ${'Người ' + username}, ${unit!.id}, ${center!.id}) returning id`;
    await sql`insert into staff_roles (staff_id, role, scope_unit_id, scope_center_id) values (${s!.id}, ${role}, ${scope.unit ?? null}, ${scope.center ?? null})`;
    return { id: s!.id as string, username };
  };
  return {
    unitId: unit!.id,
    centerId: center!.id,
    agencyId: agency!.id,
    procedureVersionId: pv!.id,
    assignee: await person(`cv.${tag}`, 'specialist', { center: center!.id }),
    manager: await person(`ql.${tag}`, 'center_manager', { center: center!.id }),
    leader: await person(`ld.${tag}`, 'leader', { unit: unit!.id }),
    password,
  };
}

export interface DossierSpec {
  dueAt: Date;
  receivedAt?: Date;
  status?: string;
  channel?: string;
  deadlineVersion?: number;
  count?: number;
}

/** Inserts dossiers the way the dossier workflow leaves them; returns their ids. */
export async function insertDossiers(database: TestDatabase, w: AlertWorld, spec: DossierSpec): Promise<string[]> {
  const n = spec.count ?? 1;
  const receivedAt = spec.receivedAt ?? new Date(spec.dueAt.getTime() - 10 * 24 * 3600_000);
  const rows = await database.sql`
    insert into dossiers (code, agency_id, receiving_center_id, return_center_id, procedure_version_id, channel, status, applicant_name, received_at, due_at, assignee_id, deadline_version)
    select 'T-' || gen_random_uuid(), ${w.agencyId}::uuid, ${w.centerId}::uuid, ${w.centerId}::uuid, ${w.procedureVersionId}::uuid, ${spec.channel ?? 'counter'}::channel, ${spec.status ?? 'in_process'}::dossier_status,
           'Nguyễn Văn A', ${receivedAt.toISOString()}::timestamptz, ${spec.dueAt.toISOString()}::timestamptz, ${w.assignee.id}::uuid, ${spec.deadlineVersion ?? 1}::int
    from generate_series(1, ${n}::int) returning id`;
  return rows.map((r) => r.id as string);
}

/** The scheduler as the API wires it: the alerts queue of the stack's prefix, dossiers read from its database. */
export function schedulerFor(database: TestDatabase, prefix: string, redisUrl = process.env.MOTCUA_TEST_REDIS_URL!) {
  const connection = createRedis(redisUrl, 'bullmq');
  const queue = new Queue(QueueName.alerts, { connection, prefix });
  const scheduler = new DeadlineScheduler(queue, connection, (ids) => alertRepository.targets(database.db, ids));
  return {
    scheduler,
    queue,
    async close() {
      await queue.close();
      await closeRedis(connection);
    },
  };
}
