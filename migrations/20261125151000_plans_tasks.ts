import type { Kysely } from 'kysely';

/** Plans (provincial and unit implementation plans), their items and duties, tasks, task updates, written assignments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('document_number', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text')
    .addColumn('place', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_parent_idx').on('plans').columns(['parent_plan_id', 'unit_id']).execute();
  await db.schema.createTable('plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('parent_id', 'text')
    .addColumn('source_item_id', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('footnotes', 'text', (c) => c.notNull())
    .addColumn('tracked', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_items_plan_idx').on('plan_items').columns(['plan_id', 'position']).execute();
  await db.schema.createTable('plan_duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('unit_kind', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('plan_item_id', 'text')
    .addColumn('parent_task_id', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('assignee_id', 'text')
    .addColumn('co_unit_ids', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('due_rule', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('progress_manual', 'integer', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_unit_idx').on('tasks').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('tasks_plan_idx').on('tasks').columns(['plan_id']).execute();
  await db.schema.createTable('task_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer')
    .addColumn('file_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_updates_task_idx').on('task_updates').columns(['task_id', 'created_at']).execute();
  await db.schema.createTable('plan_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('head_user_id', 'text')
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('focal_user_id', 'text')
    .addColumn('focal_name', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_assignments_unit_idx').on('plan_assignments').columns(['unit_id', 'active']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['plan_assignments', 'task_updates', 'tasks', 'plan_duties', 'plan_items', 'plans']) await db.schema.dropTable(t).execute();
}
