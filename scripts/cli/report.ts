import { pending } from './pending.js';

export const run = pending('issue 7');
