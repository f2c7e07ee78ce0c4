import { routes, type ThresholdInput } from '@motcua/contracts';
import { api } from './client.js';

export const fetchThresholds = (unitId: string) => api.call(routes.listThresholds, { params: { id: unitId } });
export const createThreshold = (unitId: string, input: ThresholdInput) => api.call(routes.createThreshold, { params: { id: unitId }, body: input });
export const deleteThreshold = (unitId: string, id: string) => api.call(routes.deleteThreshold, { params: { id: unitId, thresholdId: id } });
