import { randomBytes } from 'node:crypto';
import type { Db } from './platform/db/index.ts';
import { SYSTEM_ACTOR } from './platform/audit/index.ts';
import type { Role } from './platform/authz/index.ts';
import { getUnitByKey, importUnits } from './features/units/index.ts';
import { createUnit } from './features/units/units.service.ts';
import { createUser, grantRole } from './features/admin/users.service.ts';
import { REFORM_2025 } from './features/units/units.kinds.ts';
import { features } from './features/index.ts';
import { atInstant, localToday } from './platform/clock.ts';
import type { SeedContext } from './platform/http/feature.ts';
import { Calendar, OFFICIAL_SCHEDULES, plusDays } from './domain/calendar/index.ts';

export { importUnits };

/** The demo accounts: username, display name, role, unit key (see README). */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; unitKey: (p: string, commune: string) => string; village?: number; descendants: boolean }[] = [
  { username: 'demo.admin', displayName: 'Quản trị hệ thống (demo)', role: 'admin', unitKey: (p) => `province:${p}:${REFORM_2025}`, descendants: true },
  { username: 'demo.coordinator', displayName: 'Chuyên viên Sở Nội vụ (demo)', role: 'coordinator', unitKey: (p) => `body:${p}:noi-vu`, descendants: false },
  { username: 'demo.leader', displayName: 'Lãnh đạo UBND tỉnh (demo)', role: 'leader', unitKey: (p) => `province:${p}:${REFORM_2025}`, descendants: true },
  { username: 'demo.observer', displayName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy (demo)', role: 'observer', unitKey: (p) => `body:${p}:ban-dan-van`, descendants: false },
  { username: 'demo.front', displayName: 'Ủy ban MTTQ Việt Nam tỉnh (demo)', role: 'observer', unitKey: (p) => `body:${p}:mat-tran`, descendants: false },
  { username: 'demo.department', displayName: 'Công chức Sở Tư pháp (demo)', role: 'unit-officer', unitKey: (p) => `body:${p}:tu-phap`, descendants: false },
  { username: 'demo.commune', displayName: 'Công chức phường (demo)', role: 'unit-officer', unitKey: (_p, c) => `commune:${c}:${REFORM_2025}`, descendants: true },
  { username: 'demo.commune.head', displayName: 'Chủ tịch UBND phường (demo)', role: 'unit-head', unitKey: (_p, c) => `commune:${c}:${REFORM_2025}`, descendants: true },
  { username: 'demo.reception', displayName: 'Cán bộ tiếp công dân tỉnh (demo)', role: 'reception-officer', unitKey: (p) => `province:${p}:${REFORM_2025}`, descendants: false },
  { username: 'demo.reception.commune', displayName: 'Cán bộ tiếp công dân Phường Pleiku (demo)', role: 'reception-officer', unitKey: (_p, c) => `commune:${c}:${REFORM_2025}`, descendants: false },
  { username: 'demo.village.head', displayName: 'Tổ trưởng Tổ dân phố 1 (demo)', role: 'unit-head', unitKey: (_p, c) => `commune:${c}:${REFORM_2025}`, village: 1, descendants: false },
  { username: 'demo.board', displayName: 'Thành viên Ban Thanh tra nhân dân (demo)', role: 'board-member', unitKey: (_p, c) => `commune:${c}:${REFORM_2025}`, descendants: false },
];

/** The demo seed's view of time: everything is placed relative to today (src/platform/clock.ts). */
export function seedContext(provinceCode: string, today: string): SeedContext {
  const cal = new Calendar(OFFICIAL_SCHEDULES);
  return {
    provinceCode,
    today,
    workday: (daysAgo) => {
      let d = plusDays(today, -daysAgo);
      while (!cal.isWorkingDay(d)) d = plusDays(d, daysAgo >= 0 ? -1 : 1);
      return d;
    },
    at: (date, fn) => atInstant(`${date}T09:00:00+07:00`, fn),
  };
}

/** Phường Pleiku (23575) for Gia Lai; elsewhere the province's first commune. */
async function demoCommuneCode(db: Db, provinceCode: string): Promise<string> {
  if (provinceCode === '52') return '23575';
  const r = await db.selectFrom('units').select('code').where('province_code', '=', provinceCode).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow();
  return r.code!;
}

/**
 * Seeds an empty database with the province's units and the demo accounts. Does nothing when any
 * user exists. The password is `demoPassword`, or a random one returned for printing once.
 */
export async function seedDemo(db: Db, opts: { provinceCode: string; demoPassword?: string }): Promise<{ created: boolean; password?: string }> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { created: false };
  await importUnits(db, SYSTEM_ACTOR, opts.provinceCode);
  const password = opts.demoPassword ?? randomBytes(12).toString('base64url');
  const commune = await demoCommuneCode(db, opts.provinceCode);
  const communeUnit = await getUnitByKey(db, `commune:${commune}:${REFORM_2025}`);
  const villages: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const v = await createUnit(db, SYSTEM_ACTOR, { name: `Tổ dân phố ${i}`, fullName: `Tổ dân phố ${i}`, kind: 'village', communeType: null, code: null, parentId: communeUnit!.id, validFrom: REFORM_2025 });
    if (!v.ok) throw new Error(`Demo village ${i}: ${v.error}`);
    villages.push(v.value);
  }
  for (const a of DEMO_ACCOUNTS) {
    const unit = await getUnitByKey(db, a.unitKey(opts.provinceCode, commune));
    if (!unit) throw new Error(`Demo unit missing: ${a.unitKey(opts.provinceCode, commune)}`);
    const u = await createUser(db, SYSTEM_ACTOR, { username: a.username, displayName: a.displayName, password });
    if (!u.ok) throw new Error(`Demo user ${a.username}: ${u.error}`);
    await grantRole(db, SYSTEM_ACTOR, { userId: u.value, role: a.role, unitId: a.village ? villages[a.village - 1] : unit.id, includeDescendants: a.descendants });
  }
  const ctx = seedContext(opts.provinceCode, localToday());
  for (const f of features) if (f.seedDemo) await f.seedDemo(db, ctx);
  return { created: true, password: opts.demoPassword ? undefined : password };
}
