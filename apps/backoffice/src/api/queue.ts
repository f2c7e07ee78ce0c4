import { routes, type RouteBody, type RouteDef, type ZCounterParams, type ZWorkstation } from '@motcua/contracts';
import type { z } from 'zod';
import { api } from './client.js';

/** The workstation commands; each answers the fresh workstation. */
export type CounterCommand = 'callNext' | 'callSpecific' | 'recall' | 'startServing' | 'finish' | 'noShow' | 'transfer' | 'setCounterState';
/** The body of whichever command takes one. */
export type CounterCommandBody = RouteBody<'callSpecific'> | RouteBody<'transfer'> | RouteBody<'setCounterState'>;
/** What the commands have in common: the counter in the path and the workstation as the answer. */
type CounterCommandRoute = RouteDef<typeof ZCounterParams, z.ZodType, z.ZodType<unknown, CounterCommandBody | undefined>, typeof ZWorkstation>;

export const queueApi = {
  myAssignments: () => api.call(routes.myAssignments),
  centers: () => api.call(routes.listCenters),
  workstation: (counterId: string) => api.call(routes.workstation, { params: { counterId } }),
  // The commands share their params and answer; each body is checked by the server against its own schema.
  command: (command: CounterCommand, counterId: string, body?: CounterCommandBody) => api.call(routes[command] as CounterCommandRoute, { params: { counterId }, body }),
  liveBoard: (centerId: string) => api.call(routes.liveBoard, { params: { centerId } }),
  setServiceOpen: (serviceId: string, isOpen: boolean) => api.call(routes.setServiceAvailability, { params: { serviceId }, body: { isOpen } }),
};
