import type { Kysely } from 'kysely';
import { buildPerson, linkGuardian } from '../../../test/factories.ts';
import type { DB } from '../db/schema.ts';
import { buildClassWorld, buildConsent } from '../people/people.test-helpers.ts';

/**
 * `buildClassWorld` with the mother's contacts, a «2» of S in mathematics, and another family:
 * U's father (with consent) and a «5» of U.
 */
export async function buildPrivacyWorld(db: Kysely<DB>) {
  const w = await buildClassWorld(db);
  await db
    .updateTable('persons')
    .set({ email: 'mother@example.org', phone: '+7 900 000-00-01', workplace: 'Завод «Мир»' })
    .where('id', '=', w.mother.id)
    .execute();
  const father = await buildPerson(db, { schoolId: w.schoolId, roles: ['parent'], lastName: 'Уткин' });
  await linkGuardian(db, { schoolId: w.schoolId, guardianId: father.id, studentId: w.u.id });
  await buildConsent(db, { schoolId: w.schoolId, guardianId: father.id });
  const course = await db
    .selectFrom('courses')
    .select(['id', 'teacherId'])
    .where('groupId', '=', w.a.groupId)
    .executeTakeFirstOrThrow();
  const workKind = await db
    .insertInto('workKinds')
    .values({ schoolId: w.schoolId, name: 'Контрольная', shortName: 'К', weight: 2, archivedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lesson = await db
    .insertInto('lessons')
    .values({
      schoolId: w.schoolId,
      courseId: course.id,
      date: '2026-10-05',
      lessonNumber: 2,
      teacherId: course.teacherId,
      planItemId: null,
      topic: null,
      lessonKind: null,
      plan: null,
      homework: null,
      homeworkDueOn: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mark = await db
    .insertInto('marks')
    .values({
      schoolId: w.schoolId,
      lessonId: lesson.id,
      studentId: w.s.id,
      workKindId: workKind.id,
      value: '2',
      comment: 'Повторить дроби',
      createdBy: course.teacherId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('marks')
    .values({
      schoolId: w.schoolId,
      lessonId: lesson.id,
      studentId: w.u.id,
      workKindId: workKind.id,
      value: '5',
      comment: 'Отметка другой семьи',
      createdBy: course.teacherId,
    })
    .execute();
  return { ...w, father, lessonId: lesson.id, markId: mark.id };
}
/** The world `buildPrivacyWorld` makes. */
export type PrivacyWorld = Awaited<ReturnType<typeof buildPrivacyWorld>>;

/** The log rows of a viewer at a source, as `[studentId, guardianId]` pairs sorted. */
export async function viewsBy(db: Kysely<DB>, viewerId: number, source: string) {
  const rows = await db
    .selectFrom('cardViews')
    .select(['studentId', 'guardianId'])
    .where('viewerId', '=', viewerId)
    .where('source', '=', source as 'card')
    .execute();
  return rows
    .map((r) => [r.studentId, r.guardianId] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] ?? 0) - (b[1] ?? 0));
}
