import type { RouteDef } from '@motcua/contracts';
import { applyDecorators, createParamDecorator, HttpCode, RequestMethod, RequestMapping, SetMetadata, type ExecutionContext } from '@nestjs/common';

export const ROUTE_DEF = Symbol('ROUTE_DEF');

const methods = { GET: RequestMethod.GET, POST: RequestMethod.POST, PUT: RequestMethod.PUT, PATCH: RequestMethod.PATCH, DELETE: RequestMethod.DELETE } as const;

/**
 * Binds a controller method to an entry of the contract route table: method,
 * path and status come from the contract, and the RouteGuard validates input
 * and enforces the entry's access rule. One source of truth for the HTTP surface.
 */
export function ApiRoute(def: RouteDef) {
  return applyDecorators(
    RequestMapping({ path: def.path, method: methods[def.method] }),
    HttpCode(def.status ?? (def.method === 'POST' ? 201 : 200)),
    SetMetadata(ROUTE_DEF, def),
  );
}

export interface ValidatedInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
}

/** The request's params, query and body after the contract schemas parsed them. */
export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().validated as ValidatedInput);
