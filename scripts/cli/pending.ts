// Commands whose issue has not landed yet say so plainly instead of failing obscurely.
import type { CliContext } from './context.js';

export function pending(what: string) {
  return async (_args: string[], ctx: CliContext): Promise<number> => {
    ctx.err(`Lệnh này chưa được xây dựng (${what}).\n`);
    return 1;
  };
}
