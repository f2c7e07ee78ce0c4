import { routes } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';

describe('buildOpenApi', () => {
  const doc = buildOpenApi(routes, { version: '1.0.0', serverUrl: 'http://localhost:3000' });

  it('documents every route of the contract table exactly once', () => {
    const ops = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod)) as Array<{ operationId: string }>;
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(routes).sort());
  });

  it('turns path parameters, bodies and the error shape into schemas', () => {
    const getPing = doc.paths['/api/system/pings/{id}']!.get as { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> };
    expect(getPing.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    const create = doc.paths['/api/system/pings']!.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }; responses: Record<string, unknown> };
    expect(create.requestBody.content['application/json']!.schema.required).toEqual(['message']);
    expect(Object.keys(create.responses)).toEqual(['201', '4XX', '5XX']);
    expect(JSON.stringify(create.responses['4XX'])).toContain('VALIDATION_FAILED');
  });
});
