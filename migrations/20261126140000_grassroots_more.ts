import type { Kysely } from 'kysely';

/**
 * Grassroots democracy, second part: commune-wide community decisions (LDC Art. 16, 19(1)(a),
 * 21(1) commune variant) with their village parts; vote-counting / ballot / online teams and the two
 * household witnesses of each count (NĐ 59 Art. 3(5)(c), 4(3), 4(6), 5(2)); photos of supervision
 * visits; mediator election results (Mediation Law Art. 8); who asked for an extraordinary staff
 * conference (LDC Art. 51(1)). Only text/integer columns; one ADD COLUMN per statement (SQLite).
 */
const ADD: [string, string, 'text' | 'integer'][] = [
  ['community_decisions', 'parent_id', 'text'],
  ['community_decisions', 'count_team', 'text'],
  ['community_decisions', 'count_witnesses', 'text'],
  ['community_decisions', 'secret_ballot', 'integer'],
  ['mediators', 'election_votes', 'integer'],
  ['mediators', 'election_households', 'integer'],
  ['staff_conferences', 'requested_by', 'text'],
  ['staff_conferences', 'requesting', 'integer'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('commune_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('vote_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('villages_total', 'integer')
    .addColumn('villages_passed', 'integer')
    .addColumn('passed', 'integer')
    .addColumn('rule', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commune_decisions_commune_idx').on('commune_decisions').columns(['commune_id', 'created_at']).execute();
  await db.schema.createTable('board_activity_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_activity_files_activity_idx').on('board_activity_files').column('activity_id').execute();
  for (const [table, col, type] of ADD) await db.schema.alterTable(table).addColumn(col, type).execute();
  await db.schema.createIndex('community_decisions_parent_idx').on('community_decisions').column('parent_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('community_decisions_parent_idx').ifExists().execute();
  for (const [table, col] of [...ADD].reverse()) await db.schema.alterTable(table).dropColumn(col).execute();
  await db.schema.dropTable('board_activity_files').ifExists().execute();
  await db.schema.dropTable('commune_decisions').ifExists().execute();
}
