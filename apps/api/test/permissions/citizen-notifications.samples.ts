import type { MatrixPart } from './matrix.js';

/** Templates belong to province admins, the delivery log to center admins (filtered by scope), the opt-out link to anyone. */
export const citizenNotificationsMatrix: MatrixPart = {
  async fixtures({ sql, where }) {
    const token = `matrix-opt-out-token-${where}`;
    await sql`insert into citizen_contacts (contact, opt_out_token) values (${`phone:8490000000${where === 'inside' ? 1 : 2}`}, ${token})`;
    return { optOutToken: token };
  },
  samples: {
    listCitizenTemplates: () => ({ path: '/citizen-notifications/templates' }),
    saveCitizenTemplate: () => ({ path: '/citizen-notifications/templates/returned/sms/vi', body: { body: 'Da tra ho so {{code}}.' } }),
    resetCitizenTemplate: () => ({ path: '/citizen-notifications/templates/returned/sms/vi' }),
    listCitizenDeliveries: () => ({ path: '/citizen-notifications/deliveries?page=1' }),
    citizenOptOutLink: (t) => ({ path: `/public/notifications/opt-out/${t.optOutToken}` }),
    citizenOptOut: (t) => ({ path: `/public/notifications/opt-out/${t.optOutToken}` }),
  },
};
