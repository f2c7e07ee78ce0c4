import type { RoleGrant } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { mayAdminister, mayGrant, type GrantPlace } from './staff-grants.js';

const province = 'u-province';
const commune = 'u-commune';
const otherCommune = 'u-other';
const center = 'c-anxuyen';
const otherCenter = 'c-other';
const atCenter: GrantPlace = { centerId: center, unitIds: [commune, province] };
const atOtherCenter: GrantPlace = { centerId: otherCenter, unitIds: [otherCommune, province] };
const atProvince: GrantPlace = { centerId: null, unitIds: [province] };
const nowhere: GrantPlace = { centerId: null, unitIds: [] };

const g = (role: RoleGrant['role'], scope: { unit?: string; center?: string } = {}): RoleGrant => ({ role, scopeUnitId: scope.unit ?? null, scopeCenterId: scope.center ?? null });
const manager = [g('center_manager', { center })];
const provinceAdmin = [g('province_admin', { unit: province })];
const admin = [g('admin')];

describe('mayGrant', () => {
  it('a center manager grants officers and specialists at their own center only', () => {
    expect(mayGrant(manager, 'officer', atCenter)).toBe(true);
    expect(mayGrant(manager, 'specialist', atCenter)).toBe(true);
    expect(mayGrant(manager, 'officer', atOtherCenter)).toBe(false);
    expect(mayGrant(manager, 'leader', atCenter)).toBe(false);
    expect(mayGrant(manager, 'center_manager', atCenter)).toBe(false);
  });
  it('a unit grant reaches the unit subtree; only an admin makes admins', () => {
    expect(mayGrant(provinceAdmin, 'leader', atProvince)).toBe(true);
    expect(mayGrant(provinceAdmin, 'center_manager', atOtherCenter)).toBe(true);
    expect(mayGrant(provinceAdmin, 'admin', nowhere)).toBe(false);
    expect(mayGrant(admin, 'admin', nowhere)).toBe(true);
    expect(mayGrant([g('province_admin', { unit: commune })], 'leader', atProvince)).toBe(false);
  });
  it('the role and the reach must come from the same grant', () => {
    // Manager of the other center and a mere officer here: may not grant officers here.
    expect(mayGrant([g('center_manager', { center: otherCenter }), g('officer', { center })], 'officer', atCenter)).toBe(false);
  });
});

describe('mayAdminister', () => {
  it('a manager may not act on a person who also holds province roles (#15 item 1)', () => {
    const held = [g('officer', { center }), g('province_admin', { unit: province })];
    expect(mayAdminister(manager, held, [atCenter, atProvince])).toBe(false);
    expect(mayAdminister(provinceAdmin, held, [atCenter, atProvince])).toBe(true);
  });
  it('a manager may act on officers and specialists of their center, and on people without roles', () => {
    expect(mayAdminister(manager, [g('officer', { center }), g('specialist', { center })], [atCenter, atCenter])).toBe(true);
    expect(mayAdminister(manager, [], [])).toBe(true);
    expect(mayAdminister(manager, [g('center_manager', { center })], [atCenter])).toBe(false);
    expect(mayAdminister(manager, [g('officer', { center: otherCenter })], [atOtherCenter])).toBe(false);
  });
  it('nobody but an admin acts on an admin', () => {
    expect(mayAdminister(provinceAdmin, [g('admin')], [nowhere])).toBe(false);
    expect(mayAdminister(admin, [g('admin')], [nowhere])).toBe(true);
  });
});
