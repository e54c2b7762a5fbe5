import type { Ctx } from '../access/actor.ts';
import { notFound } from '../http/app-error.ts';
import { requireDiaryReader } from './diary.policy.ts';

/**
 * A live homework file of a lesson the student attended (was in the course's group on its date),
 * for a reader of the student's diary; 404 for anything else.
 */
export async function readDiaryFile(ctx: Ctx, studentId: number, fileId: number) {
  await requireDiaryReader(ctx, studentId);
  const file = await ctx.db
    .selectFrom('lessonFiles as f')
    .innerJoin('lessons as l', 'l.id', 'f.lessonId')
    .innerJoin('courses as c', 'c.id', 'l.courseId')
    .select(['f.name', 'f.mime', 'f.content'])
    .where('f.id', '=', fileId)
    .where('f.deletedAt', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('groupMemberships as gm')
          .select('gm.id')
          .whereRef('gm.groupId', '=', 'c.groupId')
          .where('gm.studentId', '=', studentId)
          .whereRef('gm.startsOn', '<=', 'l.date')
          .where((eb) => eb.or([eb('gm.endsOn', 'is', null), eb('gm.endsOn', '>=', eb.ref('l.date'))])),
      ),
    )
    .executeTakeFirst();
  if (!file) throw notFound();
  return file;
}
