import type { Kysely } from 'kysely';

/** Issue 20 item 3: audio of public items (speech and uploaded recordings) and assembled loudspeaker bulletins. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('audio_clips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('text_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mime', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('size', 'integer')
    .addColumn('file_name', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audio_clips_subject_uq').on('audio_clips').columns(['subject_type', 'subject_id', 'lang', 'source']).unique().execute();
  await db.schema.createIndex('audio_clips_status_idx').on('audio_clips').columns(['status', 'updated_at']).execute();
  await db.schema.createTable('audio_bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audio_bulletins_unit_idx').on('audio_bulletins').columns(['unit_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audio_bulletins').execute();
  await db.schema.dropTable('audio_clips').execute();
}
