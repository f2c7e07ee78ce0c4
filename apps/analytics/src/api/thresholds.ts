import { routes, ZOk, ZThreshold, type ThresholdInput } from '@motcua/contracts';
import { z } from 'zod';
import { api } from './client.js';

const unitPath = (path: string, unitId: string, thresholdId?: string) => path.replace(':id', unitId).replace(':thresholdId', thresholdId ?? '');

export const fetchThresholds = (unitId: string) => api.request('GET', unitPath(routes.listThresholds.path, unitId), { schema: z.array(ZThreshold) });
export const createThreshold = (unitId: string, input: ThresholdInput) => api.request('POST', unitPath(routes.createThreshold.path, unitId), { body: input, schema: ZThreshold });
export const deleteThreshold = (unitId: string, id: string) => api.request('DELETE', unitPath(routes.deleteThreshold.path, unitId, id), { schema: ZOk });
