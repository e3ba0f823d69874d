import type { Kysely } from 'kysely';

/** Issue 20 item 2: message files of additional citizen-page languages, uploaded by an administrator. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('locales')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('messages', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('locales').execute();
}
