import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';

/**
 * Personal data (152-ФЗ): the log of card views also names a parent whose contacts were shown
 * (`guardian_id`; null: the row is the student's own data) and where they were shown (`source`:
 * the card, «Мой класс», a printed journal, an export). Rows logged before keep `card`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('card_views')
    .addColumn('guardian_id', 'integer', (c) => c.references('persons.id'))
    .execute();
  await db.schema
    .alterTable('card_views')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('card'))
    .execute();
  await db.schema
    .createIndex('card_views_guardian')
    .on('card_views')
    .columns(['guardian_id', 'at'])
    .execute();
}
