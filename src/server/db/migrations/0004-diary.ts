import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, withId } from './column-types.ts';

/**
 * The diary and what goes around it: a data version per school (the diary's cache key), parents'
 * acknowledgements of a week and notices of an absence, notification preferences and the outbox,
 * Telegram links, calendar feeds, the school's SMTP settings, and teacher–parent messages.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));

  // Bumped in the transaction of every audited change in the school: a cached diary is fresh
  // exactly while the version it was built from is the current one, in any process.
  await db.schema
    .createTable('data_versions')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().notNull().references('schools.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await table('week_acknowledgements')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('guardian_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('week_start', t.date, (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('week_acknowledgements_once')
    .on('week_acknowledgements')
    .columns(['student_id', 'week_start', 'guardian_id'])
    .unique()
    .execute();

  await table('absence_notices')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('from_date', t.date, (c) => c.notNull())
    .addColumn('to_date', t.date, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('cancelled_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('absence_notices_student')
    .on('absence_notices')
    .columns(['student_id', 'from_date'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('persons.id'))
    .addColumn('email_enabled', 'integer', (c) => c.notNull())
    .addColumn('telegram_enabled', 'integer', (c) => c.notNull())
    .addColumn('absences_instant', 'integer', (c) => c.notNull())
    .addColumn('mark_threshold', 'integer')
    .addColumn('digest', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await table('outbox')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('recheck', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('claimed_until', t.timestamp)
    .addColumn('sent_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'due_at']).execute();

  await table('telegram_links')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('unlinked_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('telegram_links_live')
    .on('telegram_links')
    .column('person_id')
    .unique()
    .where(sql.ref('unlinked_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('telegram_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();

  // Small named values of background jobs: the Telegram update offset, the last digest day.
  await db.schema
    .createTable('job_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await table('calendar_feeds')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('revoked_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('mail_settings')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().notNull().references('schools.id'))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('secure', 'integer', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('password', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_by', 'integer', (c) => c.references('persons.id'))
    .execute();

  await table('threads')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('student_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('class_id', 'integer', (c) => c.references('classes.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('last_message_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await table('thread_members')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('threads.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('thread_members_once')
    .on('thread_members')
    .columns(['thread_id', 'person_id'])
    .unique()
    .execute();
  await db.schema.createIndex('thread_members_person').on('thread_members').column('person_id').execute();

  await table('messages')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('threads.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('messages_thread').on('messages').columns(['thread_id', 'id']).execute();

  await table('message_files')
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('message_id', 'integer', (c) => c.references('messages.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('message_files_message').on('message_files').column('message_id').execute();
}
