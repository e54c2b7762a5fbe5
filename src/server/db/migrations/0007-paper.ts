import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * The paper journal and data exchange: the pedagogical council's decision per student and year
 * (the сводная ведомость prints it), print jobs that render large PDFs and archives in the
 * background with their progress and result, and the OneRoster `sourcedId`s a school's rows were
 * imported from or exported as.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));

  await table('council_decisions')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_on', t.date)
    .addColumn('protocol', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('council_decisions_once')
    .on('council_decisions')
    .columns(['student_id', 'academic_year_id'])
    .unique()
    .execute();

  await table('print_jobs')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('content', engine === 'postgres' ? sql`bytea` : sql`blob`)
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('started_at', t.timestamp)
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('print_jobs_requester')
    .on('print_jobs')
    .columns(['requested_by', 'created_at'])
    .execute();

  await table('roster_ids')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('sourced_id', 'text', (c) => c.notNull())
    .addColumn('local_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('roster_ids_sourced')
    .on('roster_ids')
    .columns(['school_id', 'entity', 'sourced_id'])
    .unique()
    .execute();
}
