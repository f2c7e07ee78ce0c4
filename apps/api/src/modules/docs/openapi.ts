import { ZErrorBody, type RouteDef } from '@motcua/contracts';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s }));
}

/** OpenAPI 3.1 generated from the contract route table: the docs cannot drift from what the API validates. */
export function buildOpenApi(routes: Record<string, RouteDef>, info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = toSchema(ZErrorBody, 'output');
  for (const [operationId, def] of Object.entries(routes)) {
    const path = '/api' + def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(def.status ?? (def.method === 'POST' ? 201 : 200));
    const access = def.access.kind === 'public' ? (def.access.citizen === 'optional' ? 'Public; a citizen session cookie, when sent, is also read (staff sessions are not)' : 'Public') : def.access.kind === 'citizen' ? 'A citizen signed in through the identity provider (citizen session cookie; staff sessions are refused)' : def.access.kind === 'device' ? `Devices: ${def.access.devices.join(', ')}${def.access.staffRoles ? `, or staff roles: ${def.access.staffRoles.join(', ')}` : ''}` : `Staff roles: ${def.access.roles === 'any' ? 'any signed-in staff' : def.access.roles.join(', ')}`;
    (paths[path] ??= {})[def.method.toLowerCase()] = {
      operationId,
      summary: def.summary,
      description: `Access: ${access}${def.access.kind === 'public' ? ` (rate-limited: ${def.access.rateLimit.limit} per ${def.access.rateLimit.windowSeconds} s)` : ''}.`,
      tags: [def.tag],
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(def.body, 'input') } } } } : {}),
      responses: {
        [status]: { description: 'Success', content: { [def.produces ?? 'application/json']: { schema: toSchema(def.response, 'output') } } },
        '4XX': { description: 'The caller’s mistake, in the one error shape', content: { 'application/json': { schema: errorSchema } } },
        '5XX': { description: 'Server or dependency failure, in the one error shape', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một Cửa API',
      version: info.version,
      description: 'REST API of Một Cửa: queue ticketing, dossiers, deadlines and analytics for public administration service centers. Errors always come as { error: { code, message, details? } }; messages follow Accept-Language (vi, en).',
    },
    servers: [{ url: info.serverUrl }],
    paths,
  };
}
