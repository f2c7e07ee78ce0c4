/** Role groups and scope targets that many route tables share. */
export const orgAdmins = ['admin', 'province_admin'] as const;
export const centerAdmins = ['admin', 'province_admin', 'center_manager'] as const;
export const centerParam = { type: 'center', from: 'params', key: 'centerId' } as const;
/** Who reads performance reports and dashboards (each within their scope). */
export const analyticsReaders = ['admin', 'province_admin', 'leader', 'center_manager'] as const;
