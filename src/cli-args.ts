/** What the CLI's commands share: their shape and the reading of `--name value` options. */
import type { DbHandle } from './platform/db/index.ts';

export type Command = { usage: string; run: (h: DbHandle, args: string[]) => Promise<number> };

/** Reads `--name value` from args. */
export function opt(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
