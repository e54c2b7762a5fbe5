import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * Help and support (#12): `support_contacts` holds one school's contacts (who to ask, phone,
 * e-mail, hours, a free text) as its administrator set them; `problem_reports` keeps the problems
 * people report from a page, with the page's path, the browser and the Otmetka version, until an
 * administrator marks one resolved.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable('support_contacts')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().notNull().references('schools.id'))
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('persons.id'))
    .execute();

  await withId(engine, db.schema.createTable('problem_reports'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('page_path', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', t.timestamp)
    .addColumn('resolved_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema
    .createIndex('problem_reports_school')
    .on('problem_reports')
    .columns(['school_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('problem_reports_reporter')
    .on('problem_reports')
    .columns(['reporter_id', 'created_at'])
    .execute();
}
