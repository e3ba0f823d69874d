import fs from 'node:fs';
import type { Actor } from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { planDocumentInput } from './plans.schema.ts';
import { importPlan } from './plans.service.ts';

type Command = { usage: string; run: (h: DbHandle, args: string[]) => Promise<number> };

/** CLI: `plans import FILE` (JSON of docs/plans-import.md). */
export function plansCommands(actor: Actor): Record<string, Command> {
  return {
    'plans import': {
      usage: 'plans import FILE.json',
      run: async (h, args) => {
        const file = args[0];
        if (!file) { console.error('Usage: plans import FILE.json'); return 1; }
        let raw: unknown;
        try { raw = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { console.error(`Cannot read ${file}: ${(e as Error).message}`); return 1; }
        const parsed = planDocumentInput.safeParse(raw);
        if (!parsed.success) {
          for (const i of parsed.error.issues) console.error(`${i.path.join('.') || '(root)'}: ${i.message}`);
          return 1;
        }
        const r = await importPlan(h.db, actor, parsed.data);
        if (!r.ok) { console.error(`Failed: ${r.error} ${JSON.stringify(r.fields ?? {})}`); return 1; }
        console.log(`Plan ${parsed.data.documentNumber} imported: ${r.value}`);
        return 0;
      },
    },
  };
}
