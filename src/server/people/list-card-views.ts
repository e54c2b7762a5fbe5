import type { CardViews } from '../../contract/people.ts';
import type { Ctx } from '../access/actor.ts';
import { requireStudent } from './people.policy.ts';
import { fullName } from './people.present.ts';
import { guardiansOf } from './people.queries.ts';

/**
 * Who saw the student's data or their live parents' contacts, where and when, newest first (for
 * the administrator and class teacher). A parent's views count wherever the parent was shown.
 */
export async function listCardViews(ctx: Ctx, studentId: number, limit = 200): Promise<CardViews> {
  await requireStudent(ctx, studentId, 'student.edit');
  const guardianIds = (await guardiansOf(ctx.db, [studentId])).map((g) => g.id);
  const rows = await ctx.db
    .selectFrom('cardViews')
    .innerJoin('persons as viewer', 'viewer.id', 'cardViews.viewerId')
    .innerJoin('persons as subject', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([
            eb('cardViews.guardianId', 'is', null),
            eb('subject.id', '=', eb.ref('cardViews.studentId')),
          ]),
          eb('subject.id', '=', eb.ref('cardViews.guardianId')),
        ]),
      ),
    )
    .select([
      'cardViews.at',
      'cardViews.source',
      'cardViews.guardianId',
      'viewer.lastName',
      'viewer.firstName',
      'viewer.middleName',
      'subject.id as subjectId',
      'subject.lastName as subjectLastName',
      'subject.firstName as subjectFirstName',
      'subject.middleName as subjectMiddleName',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('cardViews.studentId', '=', studentId), eb('cardViews.guardianId', 'is', null)]),
        eb('cardViews.guardianId', 'in', guardianIds.length ? guardianIds : [-1]),
      ]),
    )
    .orderBy('cardViews.at', 'desc')
    .orderBy('cardViews.id', 'desc')
    .limit(limit)
    .execute();
  return {
    views: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      viewer: fullName(r),
      subject: {
        kind: r.guardianId === null ? ('student' as const) : ('guardian' as const),
        id: r.subjectId,
        name: fullName({
          lastName: r.subjectLastName,
          firstName: r.subjectFirstName,
          middleName: r.subjectMiddleName,
        }),
      },
      source: r.source,
    })),
  };
}
