import {
  businessDate, createCalendar, DEFAULT_OFFICE_HOURS, DEFAULT_TIME_ZONE, defaultHolidays, isWorkingDay, nextDate, systemClock, type Clock, type WorkCalendar,
} from '@motcua/core';
import type { Role } from '@motcua/contracts';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../client.js';
import { generatePassword, hashPassword } from '../passwords.js';
import * as s from '../schema/index.js';
import * as demo from './demo-catalogue.js';
import { applyDemoGuides } from './demo-guides.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  scope: string;
}
export type SeedResult = { created: false } | { created: true; accounts: DemoAccount[] };

/**
 * The small demo province `npm start` shows on a fresh machine. Idempotent: it
 * does nothing when units exist. All in one transaction, so a crash leaves nothing half-seeded.
 */
export async function seedDemo(db: Database, clock: Clock = systemClock): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    // Serialises concurrent seeders (two `npm start`s on one database).
    await tx.execute(sql`select pg_advisory_xact_lock(7001)`);
    const [existing] = await tx.select({ id: s.administrativeUnits.id }).from(s.administrativeUnits).limit(1);
    if (existing) return { created: false } as const;
    return { created: true, accounts: await seedInto(tx, clock.now()) } as const;
  });
}

/**
 * The local demo database of `npm start`, made before guides had their own table, lost its guides
 * in that migration: give it the demo guides again. Never for a database named by DATABASE_URL.
 */
export async function restoreDemoGuides(db: Database): Promise<boolean> {
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from procedure_guides`)) as unknown as [{ n: number }];
  if (n > 0) return false;
  await db.transaction((tx) => applyDemoGuides(tx));
  return true;
}

async function seedInto(tx: Tx, now: Date): Promise<DemoAccount[]> {
  const [prov] = await tx.insert(s.administrativeUnits).values({ code: demo.province.code, name: demo.province.name, level: 'province' }).returning();
  const units = await tx
    .insert(s.administrativeUnits)
    .values(demo.communes.map((c) => ({ code: c.code, name: c.name, level: 'commune' as const, parentId: prov!.id, disadvantaged: c.disadvantaged, tileX: c.tile.x, tileY: c.tile.y })))
    .returning();

  const agencies = await tx.insert(s.agencies).values([
    ...demo.departments.map((d) => ({ code: d.code, electronicId: `G12.96.${d.code}`, name: d.name, unitId: prov!.id, kind: d.kind })),
    ...units.map((u) => ({ code: `UBND-${u.code}`, electronicId: `H12.${u.code}`, name: `UBND ${u.name.replace(/^(\p{L}+)/u, (w) => w.toLowerCase())}`, unitId: u.id, kind: 'commune_committee' })),
  ]).returning();

  // The first communes keep 3, 4 and 5 counters (tests rely on them); the others get 3–8.
  const centerDefs = [
    { unit: prov!, code: 'TT-96', name: 'Trung tâm Phục vụ hành chính công tỉnh Cà Mau', counters: 6 },
    ...units.map((u, i) => ({ unit: u, code: `TT-${u.code}`, name: demo.communes[i]!.center, counters: i < 3 ? 3 + i : 3 + ((i * 7) % 6) })),
  ];
  const centerRows = await tx
    .insert(s.centers)
    .values(centerDefs.map((def) => ({ code: def.code, name: def.name, unitId: def.unit.id, openingHours: DEFAULT_OFFICE_HOURS, address: `${def.unit.name}, ${demo.province.name}` })))
    .returning();
  const serviceRows = await tx
    .insert(s.services)
    .values(centerRows.flatMap((center) => demo.services.map((sv, i) => ({ centerId: center.id, code: sv.code, nameVi: sv.nameVi, nameEn: sv.nameEn, ticketPrefix: sv.prefix, typicalServiceMinutes: sv.minutes, field: sv.field, sortOrder: i }))))
    .returning();
  const counterRows = await tx
    .insert(s.counters)
    .values(centerDefs.flatMap((def, c) => Array.from({ length: def.counters }, (_, i) => ({ centerId: centerRows[c]!.id, label: `Quầy ${i + 1}`, number: i + 1 }))))
    .returning();
  const centers = centerRows.map((center) => ({
    ...center,
    services: serviceRows.filter((sv) => sv.centerId === center.id).sort((a, b) => a.sortOrder - b.sortOrder),
    counters: counterRows.filter((co) => co.centerId === center.id).sort((a, b) => a.number - b.number),
  }));
  // Each counter prefers one service and helps with the next one.
  await tx.insert(s.counterServices).values(
    centers.flatMap(({ services, counters }) =>
      counters.flatMap((c, i) => [
        { counterId: c.id, serviceId: services[i % services.length]!.id, weight: 3 },
        { counterId: c.id, serviceId: services[(i + 1) % services.length]!.id, weight: 1 },
      ]),
    ),
  );

  await tx.insert(s.priorityCategories).values(demo.priorityCategories.map((p) => ({ ...p, centerId: null })));

  const procs = await tx.insert(s.procedures).values(demo.procedures.map((p) => ({ code: p.code, name: p.name, field: p.field }))).returning();
  await tx.insert(s.procedureVersions).values(
    demo.procedures.map((p, i) => ({
      procedureId: procs[i]!.id,
      version: 1,
      effectiveFrom: '2025-07-01',
      timeLimitUnit: p.limit.unit,
      timeLimitValue: p.limit.value,
      feeVnd: p.feeVnd,
      onlineLevel: p.online,
      boundaryFree: p.boundaryFree,
      steps: p.steps,
      requiredDocuments: p.requiredDocuments,
      competentAgencyRule: p.rule ?? 'fixed',
      fixedAgencyId: p.fixedAgency ? agencies.find((a) => a.code === p.fixedAgency)!.id : null,
      obligationPausesClock: p.field === 'dat_dai',
      eFormFields: demo.eForms[p.code] ?? [],
    })),
  );

  await applyDemoGuides(tx);
  const year = Number(businessDate(now).slice(0, 4));
  const holidays = [...defaultHolidays(year - 1), ...defaultHolidays(year), ...defaultHolidays(year + 1)];
  const [calendar] = await tx.insert(s.calendars).values({ unitId: null, name: 'Lịch làm việc mặc định', officeWindows: DEFAULT_OFFICE_HOURS }).returning();
  await tx.insert(s.calendarDays).values(holidays.map((d) => ({ calendarId: calendar!.id, date: d.date, kind: d.kind, name: d.name ?? '' })));

  const accounts = await seedAccounts(tx, now, prov!, units, centers);
  await seedStaffOfOtherCenters(tx, now, units.slice(3), centers.slice(4), createCalendar({ timeZone: DEFAULT_TIME_ZONE, days: holidays }));
  return accounts;
}

type SeededCenter = s.Center & { services: s.Service[]; counters: s.Counter[] };
type Unit = typeof s.administrativeUnits.$inferSelect;

/** The accounts printed on first start: one per role, in the province, An Xuyên and Tân Thành. */
async function seedAccounts(tx: Tx, now: Date, prov: Unit, units: Unit[], centers: SeededCenter[]): Promise<DemoAccount[]> {
  const [provincial, anXuyen, tanThanh] = centers;
  const accountDefs: Array<{ username: string; fullName: string; role: Role; unit?: string; center?: SeededCenter; scope: string }> = [
    { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', scope: 'toàn hệ thống / system-wide' },
    { username: 'tinh.quantri', fullName: 'Trần Thị Hồng', role: 'province_admin', unit: prov.id, scope: demo.province.name },
    { username: 'lanhdao.tinh', fullName: 'Nguyễn Văn Bình', role: 'leader', unit: prov.id, scope: demo.province.name },
    { username: 'lanhdao.anxuyen', fullName: 'Lê Minh Châu', role: 'leader', unit: units[0]!.id, scope: units[0]!.name },
    { username: 'quanly.tinh', fullName: 'Phạm Thu Hà', role: 'center_manager', center: provincial, scope: provincial!.name },
    { username: 'quanly.anxuyen', fullName: 'Võ Thanh Tùng', role: 'center_manager', center: anXuyen, scope: anXuyen!.name },
    { username: 'quanly.tanthanh', fullName: 'Đặng Ngọc Lan', role: 'center_manager', center: tanThanh, scope: tanThanh!.name },
    { username: 'canbo.anxuyen1', fullName: 'Huỳnh Văn Dũng', role: 'officer', center: anXuyen, scope: anXuyen!.name },
    { username: 'canbo.anxuyen2', fullName: 'Ngô Thị Mai', role: 'officer', center: anXuyen, scope: anXuyen!.name },
    { username: 'chuyenvien.anxuyen', fullName: 'Bùi Quốc Khánh', role: 'specialist', center: anXuyen, scope: anXuyen!.name },
  ];

  const accounts: DemoAccount[] = [];
  const today = businessDate(now);
  const passwords = accountDefs.map(() => generatePassword());
  // argon2id is deliberately slow: hash the ten passwords side by side.
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const rows = await tx
    .insert(s.staff)
    .values(accountDefs.map((def, i) => ({ username: def.username, passwordHash: hashes[i]!, fullName: def.fullName, homeCenterId: def.center?.id ?? null, homeUnitId: def.unit ?? def.center?.unitId ?? null })))
    .returning();
  await tx.insert(s.staffRoles).values(accountDefs.map((def, i) => ({ staffId: rows[i]!.id, role: def.role, scopeUnitId: def.unit ?? null, scopeCenterId: def.center?.id ?? null })));
  for (const [i, def] of accountDefs.entries()) {
    if (def.role === 'officer' && def.center) {
      await tx.insert(s.staffSkills).values(def.center.services.slice(0, 3).map((sv, k) => ({ staffId: rows[i]!.id, serviceId: sv.id, weight: 3 - k })));
      const counterIndex = accounts.filter((a) => a.role === 'officer').length;
      await tx.insert(s.assignments).values({ staffId: rows[i]!.id, counterId: def.center.counters[counterIndex]!.id, workDate: today });
    }
    accounts.push({ username: def.username, password: passwords[i]!, role: def.role, scope: def.scope });
  }
  return accounts;
}

/** Latin username part of a unit name: "Xã Đất Mới" → "datmoi". */
export function slugOf(name: string): string {
  return name.replace(/^(Phường|Xã)\s+/u, '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

const GIVEN = ['Anh', 'Bảo', 'Chi', 'Dung', 'Giang', 'Hải', 'Hạnh', 'Hòa', 'Khoa', 'Lan', 'Linh', 'Long', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quân', 'Tâm', 'Thảo', 'Trung', 'Tú', 'Vy'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Lâm'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hoàng'];

/**
 * Staff of the other commune centers: a manager, a leader of the commune, a specialist and one
 * officer per counter with three weeks of assignments. They share one password (not printed),
 * so seeding stays fast; an admin resets it for whoever must sign in.
 */
async function seedStaffOfOtherCenters(tx: Tx, now: Date, units: Unit[], centers: SeededCenter[], cal: WorkCalendar): Promise<void> {
  const hash = await hashPassword(generatePassword());
  let n = 0;
  const fullName = () => {
    n++;
    return `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 3) % MIDDLE.length]} ${GIVEN[(n * 7) % GIVEN.length]}`;
  };
  const defs = centers.flatMap((center, c) => {
    const slug = slugOf(units[c]!.name);
    return [
      { username: `quanly.${slug}`, role: 'center_manager' as Role, center, unit: null as string | null, counter: -1 },
      { username: `lanhdao.${slug}`, role: 'leader' as Role, center: null, unit: units[c]!.id, counter: -1 },
      { username: `chuyenvien.${slug}`, role: 'specialist' as Role, center, unit: null, counter: -1 },
      ...center.counters.map((_, i) => ({ username: `canbo.${slug}${i + 1}`, role: 'officer' as Role, center, unit: null, counter: i })),
    ];
  });
  const rows = await tx
    .insert(s.staff)
    .values(defs.map((d) => ({ username: d.username, passwordHash: hash, fullName: fullName(), homeCenterId: d.center?.id ?? null, homeUnitId: d.unit ?? d.center?.unitId ?? null })))
    .returning({ id: s.staff.id });
  await tx.insert(s.staffRoles).values(defs.map((d, i) => ({ staffId: rows[i]!.id, role: d.role, scopeUnitId: d.unit, scopeCenterId: d.center?.id ?? null })));
  const officers = defs.flatMap((d, i) => (d.role === 'officer' && d.center ? [{ staffId: rows[i]!.id, center: d.center, counter: d.counter }] : []));
  await tx.insert(s.staffSkills).values(
    officers.flatMap((o) => [0, 1, 2].map((k) => ({ staffId: o.staffId, serviceId: o.center.services[(o.counter + k) % o.center.services.length]!.id, weight: 3 - k }))),
  );
  // Two weeks back and one ahead; officers rotate counters each week.
  const today = businessDate(now);
  const days: string[] = [];
  for (let d = nextDate(today, -14); d <= nextDate(today, 7); d = nextDate(d)) if (isWorkingDay(cal, d)) days.push(d);
  await tx.insert(s.assignments).values(
    days.flatMap((day) => {
      const week = Math.floor((Date.parse(day) - Date.parse(today)) / (7 * 86_400_000)) + 3;
      return officers.map((o) => ({ staffId: o.staffId, counterId: o.center.counters[(o.counter + week) % o.center.counters.length]!.id, workDate: day }));
    }),
  );
}
