import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, CitizenActor } from './actor.js';

/** The signed-in staff member; only on routes whose access is 'staff' (the guard guarantees it is set). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().actor as Actor);

/** The signed-in citizen; only on routes whose access is 'citizen' (the guard guarantees it is set). */
export const CurrentCitizen = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().citizen as CitizenActor);

/** The signed-in citizen if any; on public routes with `citizen: 'optional'` (undefined without a valid citizen session). */
export const OptionalCitizen = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().citizen as CitizenActor | undefined);
