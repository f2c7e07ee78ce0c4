import { businessDate, DEFAULT_OFFICE_HOURS, defaultHolidays, systemClock, type Clock } from '@motcua/core';
import type { Role } from '@motcua/contracts';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../client.js';
import { generatePassword, hashPassword } from '../passwords.js';
import * as s from '../schema/index.js';
import * as demo from './demo-catalogue.js';

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

async function seedInto(tx: Tx, now: Date): Promise<DemoAccount[]> {
  const [prov] = await tx.insert(s.administrativeUnits).values({ code: demo.province.code, name: demo.province.name, level: 'province' }).returning();
  const units = await tx
    .insert(s.administrativeUnits)
    .values(demo.communes.map((c) => ({ code: c.code, name: c.name, level: 'commune' as const, parentId: prov!.id, disadvantaged: c.disadvantaged })))
    .returning();

  const agencies = await tx.insert(s.agencies).values([
    { code: 'STP', electronicId: 'G12.96.STP', name: 'Sở Tư pháp tỉnh Cà Mau', unitId: prov!.id, kind: 'department' },
    { code: 'VPDKDD', electronicId: 'G12.96.VPDKDD', name: 'Văn phòng Đăng ký đất đai tỉnh Cà Mau', unitId: prov!.id, kind: 'land_registration' },
    ...units.map((u) => ({ code: `UBND-${u.code}`, electronicId: `H12.${u.code}`, name: `UBND ${u.name.toLowerCase().replace(/^(\p{L})/u, (c) => c.toUpperCase())}`, unitId: u.id, kind: 'commune_committee' })),
  ]).returning();

  const centerDefs = [
    { unit: prov!, code: 'TT-96', name: 'Trung tâm Phục vụ hành chính công tỉnh Cà Mau', counters: 6 },
    ...units.map((u, i) => ({ unit: u, code: `TT-${u.code}`, name: demo.communes[i]!.center, counters: 3 + (i % 3) })),
  ];
  const centers = [];
  for (const def of centerDefs) {
    const [center] = await tx
      .insert(s.centers)
      .values({ code: def.code, name: def.name, unitId: def.unit.id, openingHours: DEFAULT_OFFICE_HOURS, address: `${def.unit.name}, ${demo.province.name}` })
      .returning();
    const services = await tx
      .insert(s.services)
      .values(demo.services.map((sv, i) => ({ centerId: center!.id, code: sv.code, nameVi: sv.nameVi, nameEn: sv.nameEn, ticketPrefix: sv.prefix, typicalServiceMinutes: sv.minutes, field: sv.field, sortOrder: i })))
      .returning();
    const counters = await tx
      .insert(s.counters)
      .values(Array.from({ length: def.counters }, (_, i) => ({ centerId: center!.id, label: `Quầy ${i + 1}`, number: i + 1 })))
      .returning();
    // Each counter prefers one service and helps with the next one.
    await tx.insert(s.counterServices).values(
      counters.flatMap((c, i) => [
        { counterId: c.id, serviceId: services[i % services.length]!.id, weight: 3 },
        { counterId: c.id, serviceId: services[(i + 1) % services.length]!.id, weight: 1 },
      ]),
    );
    centers.push({ ...center!, services, counters });
  }

  await tx.insert(s.priorityCategories).values(demo.priorityCategories.map((p) => ({ ...p, centerId: null })));

  for (const p of demo.procedures) {
    const [proc] = await tx.insert(s.procedures).values({ code: p.code, name: p.name, field: p.field }).returning();
    await tx.insert(s.procedureVersions).values({
      procedureId: proc!.id,
      version: 1,
      effectiveFrom: '2025-07-01',
      timeLimitUnit: p.limit.unit,
      timeLimitValue: p.limit.value,
      feeVnd: p.feeVnd,
      onlineLevel: p.online,
      boundaryFree: p.boundaryFree,
      steps: p.steps,
      competentAgencyRule: p.rule ?? 'fixed',
      fixedAgencyId: p.fixedAgency ? agencies.find((a) => a.code === p.fixedAgency)!.id : null,
      obligationPausesClock: p.field === 'dat_dai',
    });
  }

  await (await import('./demo-guides.js')).applyDemoGuides(tx);
  const year = Number(businessDate(now).slice(0, 4));
  const [calendar] = await tx.insert(s.calendars).values({ unitId: null, name: 'Lịch làm việc mặc định', officeWindows: DEFAULT_OFFICE_HOURS }).returning();
  await tx.insert(s.calendarDays).values([...defaultHolidays(year), ...defaultHolidays(year + 1)].map((d) => ({ calendarId: calendar!.id, date: d.date, kind: d.kind, name: d.name ?? '' })));

  const [provincial, anXuyen, tanThanh] = centers;
  const accountDefs: Array<{ username: string; fullName: string; role: Role; unit?: string; center?: (typeof centers)[number]; scope: string }> = [
    { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', scope: 'toàn hệ thống / system-wide' },
    { username: 'tinh.quantri', fullName: 'Trần Thị Hồng', role: 'province_admin', unit: prov!.id, scope: demo.province.name },
    { username: 'lanhdao.tinh', fullName: 'Nguyễn Văn Bình', role: 'leader', unit: prov!.id, scope: demo.province.name },
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
  for (const def of accountDefs) {
    const password = generatePassword();
    const [row] = await tx
      .insert(s.staff)
      .values({
        username: def.username,
        passwordHash: await hashPassword(password),
        fullName: def.fullName,
        homeCenterId: def.center?.id ?? null,
        homeUnitId: def.unit ?? def.center?.unitId ?? null,
      })
      .returning();
    await tx.insert(s.staffRoles).values({ staffId: row!.id, role: def.role, scopeUnitId: def.unit ?? null, scopeCenterId: def.center?.id ?? null });
    if (def.role === 'officer' && def.center) {
      await tx.insert(s.staffSkills).values(def.center.services.slice(0, 3).map((sv, i) => ({ staffId: row!.id, serviceId: sv.id, weight: 3 - i })));
      const counterIndex = accounts.filter((a) => a.role === 'officer').length;
      await tx.insert(s.assignments).values({ staffId: row!.id, counterId: def.center.counters[counterIndex]!.id, workDate: today });
    }
    accounts.push({ username: def.username, password, role: def.role, scope: def.scope });
  }
  return accounts;
}
