// What every command receives instead of reaching for globals: the repository root, output
// streams and the clock. Tests pass their own; `PARINDEX_NOW` moves the clock for demos.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseInstant } from '../core/time.js';

export interface CliContext {
  root: string;
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The current instant: PARINDEX_NOW when set (any ISO form with an offset), else the system clock. */
  now: () => Date;
}

export function createContext(root: string): CliContext {
  return {
    root,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    now: () => {
      const fixed = process.env.PARINDEX_NOW;
      if (fixed) {
        const d = parseInstant(fixed);
        if (d) return d;
      }
      return new Date();
    },
  };
}

export class UsageError extends Error {}

/** `--help` or `-h` anywhere, even after `--` (`npm run score -- --help` passes it through). */
class HelpRequested extends Error {}

/** node:util parseArgs with Vietnamese errors: a wrong flag is a usage error (exit 2), never a trace. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  if (args.some((a) => a === '--help' || a === '-h')) throw new HelpRequested();
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const msg = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    throw new UsageError(unknown ? `Tùy chọn không hợp lệ: ${unknown[1]}` :
      /argument missing/.test(msg) ? `Thiếu giá trị cho tùy chọn: ${msg.match(/'([^']+)'/)?.[1] ?? ''}` :
      /Unexpected argument/.test(msg) ? `Tham số thừa: ${msg.match(/'([^']+)'/)?.[1] ?? ''}` : `Tham số không hợp lệ: ${msg}`);
  }
}

/** Runs a command body, turning UsageError into exit code 2 with the message, and --help into the usage. */
export async function withUsage(ctx: CliContext, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof HelpRequested) {
      ctx.out(`${usage}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      ctx.err(`${error.message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
}
