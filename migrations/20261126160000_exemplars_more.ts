import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * "Dân vận khéo": campaign criteria sets kept per version (a revision no longer overwrites the
 * set earlier entries were registered under), and the version each entry was registered under.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('exemplar_campaign_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('exemplar_campaigns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_campaign_criteria_version_idx').on('exemplar_campaign_criteria').columns(['campaign_id', 'version']).unique().execute();
  await db.schema.alterTable('exemplar_entries').addColumn('criteria_version', 'integer').execute();
  // The current set of each existing campaign becomes its recorded version; existing entries take it.
  const campaigns = await db.selectFrom('exemplar_campaigns').select(['id', 'criteria_version', 'criteria', 'updated_at']).execute();
  for (const c of campaigns) {
    await db.insertInto('exemplar_campaign_criteria').values({ id: randomUUID(), campaign_id: c.id, version: Number(c.criteria_version), criteria: c.criteria, created_at: c.updated_at }).execute();
    await db.updateTable('exemplar_entries').set({ criteria_version: Number(c.criteria_version) }).where('campaign_id', '=', c.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('exemplar_entries').dropColumn('criteria_version').execute();
  await db.schema.dropTable('exemplar_campaign_criteria').ifExists().execute();
}
