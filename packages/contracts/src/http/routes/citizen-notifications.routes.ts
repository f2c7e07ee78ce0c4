import { z } from 'zod';
import {
  ZCitizenDeliveryPage, ZCitizenDeliveryQuery, ZCitizenTemplate, ZCitizenTemplateInput, ZCitizenTemplateParams, ZOptOutLink, ZOptOutParams, ZOptOutResult,
} from '../citizen-notifications.js';
import { defineRoute } from '../route.js';
import { centerAdmins, orgAdmins } from './access.js';

/** Messages to citizens: templates (province admins), the delivery log (scoped), the public opt-out link. */
export const citizenNotificationRoutes = {
  listCitizenTemplates: defineRoute({
    method: 'GET', path: '/citizen-notifications/templates', tag: 'citizen-notifications', summary: 'Every event × channel × language template, default or overridden',
    access: { kind: 'staff', roles: orgAdmins }, response: z.array(ZCitizenTemplate),
  }),
  saveCitizenTemplate: defineRoute({
    method: 'PUT', path: '/citizen-notifications/templates/:event/:channel/:language', tag: 'citizen-notifications', summary: 'Override one template (placeholders are checked)',
    access: { kind: 'staff', roles: orgAdmins }, params: ZCitizenTemplateParams, body: ZCitizenTemplateInput, response: ZCitizenTemplate,
  }),
  resetCitizenTemplate: defineRoute({
    method: 'DELETE', path: '/citizen-notifications/templates/:event/:channel/:language', tag: 'citizen-notifications', summary: 'Go back to the default text',
    access: { kind: 'staff', roles: orgAdmins }, params: ZCitizenTemplateParams, response: ZCitizenTemplate,
  }),
  listCitizenDeliveries: defineRoute({
    method: 'GET', path: '/citizen-notifications/deliveries', tag: 'citizen-notifications', summary: 'Messages to citizens with status and attempts, within my centers',
    access: { kind: 'staff', roles: centerAdmins }, query: ZCitizenDeliveryQuery, response: ZCitizenDeliveryPage,
  }),
  // The link in a message opens a confirmation page: link scanners and chat previews fetch it (GET) without opting out.
  citizenOptOutLink: defineRoute({
    method: 'GET', path: '/public/notifications/opt-out/:token', tag: 'citizen-notifications', summary: 'What an opt-out link is for (masked) and whether it was used; changes nothing',
    access: { kind: 'public', rateLimit: { limit: 30, windowSeconds: 60 } }, params: ZOptOutParams, response: ZOptOutLink,
  }),
  citizenOptOut: defineRoute({
    // Idempotent: opting out twice changes nothing.
    method: 'POST', path: '/public/notifications/opt-out/:token', status: 200, tag: 'citizen-notifications', summary: 'Stop every message to the phone or address this link was sent to',
    access: { kind: 'public', rateLimit: { limit: 10, windowSeconds: 60 } }, params: ZOptOutParams, response: ZOptOutResult,
  }),
} as const;
