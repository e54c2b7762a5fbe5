import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * The school's regulation on keeping the electronic journal (#12): `regulation_versions` holds the
 * director's draft (the row with no `approved_at`, one per school: the sections whose wording the
 * director changed) and every approved version with its full text, the settings it was generated
 * from, its date and approver.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await withId(engine, db.schema.createTable('regulation_versions'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    /** The director's wording per section key, as JSON `{ key: text }`. */
    .addColumn('overrides', 'text', (c) => c.notNull())
    /** The approved text as JSON `[{ key, title, text }]` (Russian); null while a draft. */
    .addColumn('sections', 'text')
    /** The school's settings the approved text was generated from, as JSON; null while a draft. */
    .addColumn('settings', 'text')
    .addColumn('edited_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('edited_at', t.timestamp, (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.references('persons.id'))
    .addColumn('approved_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('regulation_versions_school')
    .on('regulation_versions')
    .columns(['school_id', 'approved_at'])
    .execute();
}
