import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import type { UnitsTable } from '../../platform/db/tables.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { unitSearchText } from './units.kinds.ts';
import { PRE2025_SNAPSHOT_FROM, REFORM_2025, REFORM_2025_EVE } from './units.kinds.ts';

const dataFile = (name: string) => new URL(`../../data/${name}`, import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(dataFile(name), 'utf8')) as T;

interface VnUnits { provinces: { code: string; name: string; fullName: string; nameEn: string; type: string; units: { code: string; name: string; fullName: string; nameEn: string; type: string }[] }[] }
interface Pre2025 { provinces: { code: string; name: string; fullName: string; districts: { code: string; name: string; fullName: string; type: string; units: { code: string; name: string; fullName: string; type: string }[] }[] }[] }
interface Mapping { rows: { oldCode: string; newCode: string; partial: boolean }[] }
interface Bodies { validFrom: string; bodies: { key: string; kind: string; name: string; nameEn: string; root?: boolean }[] }

/** Names of the provinces in the national list, for the CLI and the province picker. */
export function listProvinces(): { code: string; name: string }[] {
  return readJson<VnUnits>('vn-units-2025.json').provinces.map((p) => ({ code: p.code, name: p.name }));
}

type NewUnit = Omit<UnitsTable, 'created_at' | 'updated_at' | 'search_text'>;

function row(u: NewUnit, now: string): UnitsTable {
  return { ...u, search_text: unitSearchText(u.full_name, u.name, u.code), created_at: now, updated_at: now };
}

async function insertMany(trx: Trx, rows: UnitsTable[]) {
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('units').values(rows.slice(i, i + 200)).execute();
}

/** Old Gia Lai (64) and old Bình Định (52) formed the new Gia Lai (52): only it has a recorded history. */
const HISTORY: Record<string, { oldProvinces: string[]; legalBasis: string; communeBasis: string; mapping: string }> = {
  '52': {
    oldProvinces: ['64', '52'],
    legalBasis: 'Nghị quyết 202/2025/QH15 ngày 12/06/2025',
    communeBasis: 'Nghị quyết 1664/NQ-UBTVQH15 ngày 16/06/2025',
    mapping: 'gia-lai-mapping-2025.json',
  },
};

/**
 * Imports a province from the bundled official lists: its People's Committee, its communes today,
 * its provincial bodies and, where recorded (Gia Lai), the pre-2025 provinces, districts and
 * communes with their lineage to today's units. Idempotent: units already present (by key) are kept.
 */
export async function importUnits(db: Db, actor: Actor, provinceCode: string): Promise<{ created: number }> {
  const national = readJson<VnUnits>('vn-units-2025.json');
  const prov = national.provinces.find((p) => p.code === provinceCode);
  if (!prov) throw new Error(`Không có tỉnh mã ${provinceCode} trong danh mục 34 tỉnh, thành phố`);
  const provKey = `province:${prov.code}:${REFORM_2025}`;
  const exists = await db.selectFrom('units').select('id').where('key', '=', provKey).executeTakeFirst();
  if (exists) return { created: 0 };
  const now = nowIso();
  const rows: UnitsTable[] = [];
  const lineage: { predecessor_id: string; successor_id: string; kind: string; partial: number; legal_basis: string }[] = [];
  const provinceId = randomUUID();
  rows.push(row({ id: provinceId, code: prov.code, key: provKey, name: prov.name, full_name: `Ủy ban nhân dân ${prov.fullName.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`, name_en: `${prov.nameEn} Provincial People's Committee`, kind: 'province-committee', commune_type: null, parent_id: null, province_code: prov.code, valid_from: REFORM_2025, valid_to: null }, now));
  const newByCode = new Map<string, string>();
  for (const u of prov.units) {
    const id = randomUUID();
    newByCode.set(u.code, id);
    rows.push(row({ id, code: u.code, key: `commune:${u.code}:${REFORM_2025}`, name: u.name, full_name: u.fullName, name_en: u.nameEn, kind: 'commune-committee', commune_type: u.type, parent_id: provinceId, province_code: prov.code, valid_from: REFORM_2025, valid_to: null }, now));
  }
  const bodies = readJson<Bodies>('province-bodies.json');
  for (const b of bodies.bodies) {
    rows.push(row({ id: randomUUID(), code: null, key: `body:${prov.code}:${b.key}`, name: b.name, full_name: `${b.name} ${prov.name}`, name_en: b.nameEn, kind: b.kind, commune_type: null, parent_id: b.root ? null : provinceId, province_code: prov.code, valid_from: bodies.validFrom, valid_to: null }, now));
  }
  const hist = HISTORY[prov.code];
  if (hist) {
    const pre = readJson<Pre2025>('gia-lai-pre2025.json');
    const oldByCode = new Map<string, string>();
    for (const op of pre.provinces.filter((p) => hist.oldProvinces.includes(p.code))) {
      const opId = randomUUID();
      rows.push(row({ id: opId, code: op.code, key: `province:${op.code}:${PRE2025_SNAPSHOT_FROM}`, name: op.name, full_name: `Ủy ban nhân dân tỉnh ${op.name}`, name_en: null, kind: 'province-committee', commune_type: null, parent_id: null, province_code: op.code, valid_from: PRE2025_SNAPSHOT_FROM, valid_to: REFORM_2025_EVE }, now));
      lineage.push({ predecessor_id: opId, successor_id: provinceId, kind: 'merge', partial: 0, legal_basis: hist.legalBasis });
      for (const d of op.districts) {
        const dId = randomUUID();
        rows.push(row({ id: dId, code: d.code, key: `district:${d.code}:${PRE2025_SNAPSHOT_FROM}`, name: d.name, full_name: d.fullName, name_en: null, kind: 'district-committee', commune_type: d.type, parent_id: opId, province_code: op.code, valid_from: PRE2025_SNAPSHOT_FROM, valid_to: REFORM_2025_EVE }, now));
        lineage.push({ predecessor_id: dId, successor_id: provinceId, kind: 'dissolve', partial: 0, legal_basis: 'Nghị quyết 203/2025/QH15 (chính quyền địa phương hai cấp)' });
        for (const u of d.units) {
          const id = randomUUID();
          oldByCode.set(u.code, id);
          rows.push(row({ id, code: u.code, key: `commune:${u.code}:${PRE2025_SNAPSHOT_FROM}`, name: u.name, full_name: u.fullName, name_en: null, kind: 'commune-committee', commune_type: u.type, parent_id: dId, province_code: op.code, valid_from: PRE2025_SNAPSHOT_FROM, valid_to: REFORM_2025_EVE }, now));
        }
      }
    }
    const mapping = readJson<Mapping>(hist.mapping);
    for (const m of mapping.rows) {
      const p = oldByCode.get(m.oldCode);
      const s = newByCode.get(m.newCode);
      if (!p || !s) throw new Error(`Bảng chuyển đổi tham chiếu mã không có: ${m.oldCode} → ${m.newCode}`);
      lineage.push({ predecessor_id: p, successor_id: s, kind: m.partial ? 'split' : 'merge', partial: m.partial ? 1 : 0, legal_basis: hist.communeBasis });
    }
  }
  await inTransaction(db, async (trx) => {
    await insertMany(trx, rows);
    if (lineage.length) {
      const reorgId = randomUUID();
      await trx.insertInto('reorganizations').values({ id: reorgId, kind: 'merge', effective_date: REFORM_2025, legal_basis: hist ? `${hist.legalBasis}; ${hist.communeBasis}` : '', note: 'Sắp xếp đơn vị hành chính 2025 (nhập từ dữ liệu chính thức)', created_by: actor.userId, created_at: now }).execute();
      const lrows = lineage.map((l) => ({ id: randomUUID(), reorganization_id: reorgId, effective_date: REFORM_2025, ...l }));
      for (let i = 0; i < lrows.length; i += 200) await trx.insertInto('unit_lineage').values(lrows.slice(i, i + 200)).execute();
    }
    await record(trx, actor, { action: 'units.import', subjectType: 'province', subjectId: prov.code, unitId: provinceId, changes: { units: rows.length, lineage: lineage.length } });
  });
  return { created: rows.length };
}
