import { routes } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

/** The workstation commands; each answers the fresh workstation. */
export type CounterCommand = 'callNext' | 'callSpecific' | 'recall' | 'startServing' | 'finish' | 'noShow' | 'transfer' | 'setCounterState';

export const queueApi = {
  myAssignments: () => api.call(routes.myAssignments),
  centers: () => api.call(routes.listCenters),
  workstation: (counterId: string) => api.call(routes.workstation, { params: { counterId } }),
  // The commands share their params and answer; each body is checked by the server against its own schema.
  command: (command: CounterCommand, counterId: string, body?: unknown) => {
    const route = routes[command];
    return api.request(route.method, fillPath(route.path, { counterId }), { body, schema: route.response });
  },
  liveBoard: (centerId: string) => api.call(routes.liveBoard, { params: { centerId } }),
  setServiceOpen: (serviceId: string, isOpen: boolean) => api.call(routes.setServiceAvailability, { params: { serviceId }, body: { isOpen } }),
};
