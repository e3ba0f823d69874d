import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Issue 14, national scale: indexes for the staff case list and the supervision counts, and a
 * search without diacritics that does not scan. The folded `search_text` (foldVietnamese) is indexed
 * by FTS5 on SQLite (external content, kept in step by triggers; tokens are matched as prefixes) and
 * by a trigram GIN index on PostgreSQL (the same `LIKE '% word%'` then reads the index).
 * FTS5 keys on the petitions' rowid: SQLite's VACUUM may renumber the rowids of a table without an
 * INTEGER PRIMARY KEY, so after a VACUUM run `insert into petitions_fts(petitions_fts) values ('rebuild')`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Newest first over everything in scope (province-wide roles), and per unit and status.
  await db.schema.createIndex('petitions_received').on('petitions').columns(['received_at', 'id']).execute();
  await db.schema.dropIndex('petitions_unit').execute();
  await db.schema.createIndex('petitions_unit_status').on('petitions').columns(['handling_unit_id', 'status', 'received_at']).execute();
  // Open cases per supervision area (the overview counts them grouped by their tag list).
  await db.schema.createIndex('petitions_status_areas').on('petitions').columns(['status', 'areas', 'due_on']).execute();
  await db.schema.createIndex('tasks_areas').on('tasks').columns(['areas', 'status', 'due_on']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index petitions_search_trgm on petitions using gin (search_text gin_trgm_ops)`.execute(db);
    return;
  }
  // The text is folded already; remove_diacritics 2 only guards rows written by other tools.
  await sql`create virtual table petitions_fts using fts5(search_text, content='petitions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
  await sql`create trigger petitions_fts_insert after insert on petitions begin
    insert into petitions_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  await sql`create trigger petitions_fts_delete after delete on petitions begin
    insert into petitions_fts(petitions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
  await sql`create trigger petitions_fts_update after update of search_text on petitions begin
    insert into petitions_fts(petitions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into petitions_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  await sql`insert into petitions_fts(petitions_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop index petitions_search_trgm`.execute(db);
  else {
    for (const t of ['petitions_fts_insert', 'petitions_fts_delete', 'petitions_fts_update']) await sql`drop trigger ${sql.id(t)}`.execute(db);
    await sql`drop table petitions_fts`.execute(db);
  }
  for (const i of ['tasks_areas', 'petitions_status_areas', 'petitions_unit_status', 'petitions_received']) await db.schema.dropIndex(i).execute();
  await db.schema.createIndex('petitions_unit').on('petitions').columns(['handling_unit_id', 'status']).execute();
}
