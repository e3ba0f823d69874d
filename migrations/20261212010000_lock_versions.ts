import type { Kysely } from 'kysely';

/**
 * Issue 17 item 4: optimistic concurrency. An integer `lock_version` on the four objects staff edit
 * together (tasks, unit reports, community decisions, "Dân vận khéo" entries); every write adds 1 and an
 * edit saves only if the version it was loaded at is still current. No database default: NULL (rows
 * made before this migration or by bulk generators) reads as version 0.
 */
const TABLES = ['tasks', 'reports', 'community_decisions', 'exemplar_entries'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) await db.schema.alterTable(t).addColumn('lock_version', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) await db.schema.alterTable(t).dropColumn('lock_version').execute();
}
