import type { Agency, Unit } from '@motcua/contracts';
import type { AdministrativeUnit, Agency as AgencyRow } from '@motcua/db';

export const toUnit = (u: AdministrativeUnit): Unit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  level: u.level,
  parentId: u.parentId,
  disadvantaged: u.disadvantaged,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

export const toAgency = (a: AgencyRow): Agency => ({ id: a.id, code: a.code, electronicId: a.electronicId, name: a.name, unitId: a.unitId, kind: a.kind });
