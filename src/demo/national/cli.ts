/** `npm run coso -- demo national --scale N`: the national data generator from the command line. */
import type { Actor } from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { loadConfig } from '../../config.ts';
import { generateNational } from './index.ts';

type Command = { usage: string; run: (h: DbHandle, args: string[]) => Promise<number> };
const opt = (args: string[], name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };

/** The generator's CLI command (refused in production; scale 0 < N ≤ 20, fractions allowed). */
export function demoCommands(actor: Actor): Record<string, Command> {
  return {
    'demo national': {
      usage: 'demo national [--scale 1] [--seed 343321]   (34 provinces, 3,321 communes, villages; per 1×: 1,000,000 petitions, 200,000 tasks, 7,000 reports, 300,000 disclosures)',
      run: async (h, args) => {
        const config = loadConfig();
        if (config.env === 'production') { console.error('Không tạo dữ liệu mẫu khi NODE_ENV=production'); return 1; }
        const scale = Number(opt(args, 'scale') ?? '1');
        const seed = Number(opt(args, 'seed') ?? '343321');
        if (!(scale > 0 && scale <= 20) || !Number.isInteger(seed)) { console.error('--scale phải là số trong khoảng (0, 20], ví dụ 0.1 hoặc 1; --seed là số nguyên'); return 1; }
        const t0 = performance.now();
        const r = await generateNational(h.db, actor, { scale, seed, provinceCode: config.provinceCode, demoPassword: config.demoPassword, log: (l) => console.log(l) });
        const rows = r.steps.reduce((a, s) => a + s.rows, 0);
        console.log(`National data at ${scale}× on ${h.dialect}: ${rows.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s${r.password ? `; demo password: ${r.password}` : ''}`);
        return 0;
      },
    },
  };
}
