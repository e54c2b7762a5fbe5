import type { Db } from '../access/actor.ts';

/** The school's stored settings text. */
export async function settingsText(db: Db, schoolId: number): Promise<string> {
  const row = await db
    .selectFrom('schools')
    .select('settings')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  return row.settings;
}

/** The school's live work kinds in the order they were added. */
export function workKindsOf(db: Db, schoolId: number) {
  return db
    .selectFrom('workKinds')
    .select(['id', 'name', 'shortName', 'weight', 'written', 'assessment'])
    .where('schoolId', '=', schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute();
}
