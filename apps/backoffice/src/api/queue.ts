import { routes, type RouteDef } from '@motcua/contracts';
import type { z } from 'zod';
import { api } from './client.js';

/** "/counters/:counterId/recall" + { counterId } → "/counters/<id>/recall". */
export const fillPath = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, key: string) => {
    if (params[key] === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(params[key]);
  });

/** Calls a contract route and parses the answer with its response schema. */
function send<R extends RouteDef>(route: R, params: Record<string, string> = {}, body?: unknown): Promise<z.infer<R['response']>> {
  return api.request(route.method, fillPath(route.path, params), { body, schema: route.response as z.ZodType<z.infer<R['response']>> });
}

/** The workstation commands; each answers the fresh workstation. */
export type CounterCommand = 'callNext' | 'callSpecific' | 'recall' | 'startServing' | 'finish' | 'noShow' | 'transfer' | 'setCounterState';

export const queueApi = {
  myAssignments: () => send(routes.myAssignments),
  centers: () => send(routes.listCenters),
  workstation: (counterId: string) => send(routes.workstation, { counterId }),
  command: (command: CounterCommand, counterId: string, body?: unknown) => send(routes[command], { counterId }, body),
  liveBoard: (centerId: string) => send(routes.liveBoard, { centerId }),
  setServiceOpen: (serviceId: string, isOpen: boolean) => send(routes.setServiceAvailability, { serviceId }, { isOpen }),
};
