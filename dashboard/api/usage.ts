import type { z } from 'zod';
import type { usageSchema } from '../../server/api/usage-schemas';
import { call } from '../api';

export type Usage = z.infer<typeof usageSchema>;
export type Allowance = Usage['email'];

/** The organization's monthly message allowances and what this period used. */
export const usageApi = {
  usage: () => call<Usage>('GET', '/usage'),
};
