import { pending } from './pending.js';

export const run = pending('dữ liệu mẫu');
