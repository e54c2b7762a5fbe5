/**
 * What the diary bench needs from a seeded database: parents with their children, each signed in
 * (a session row made the way the server makes one at login, so no argon2 per parent), and a
 * teacher's session and an empty cell for the freshness check.
 */
import { hashPassword } from '../src/server/auth/password.ts';
import { newToken, sessionIdOf } from '../src/server/auth/session-token.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { sessionCookie } from '../src/server/http/session.ts';
import { insertAll } from '../src/server/seed/batches.ts';

/** A signed-in parent and the child whose diary they read. */
export interface DiaryParent {
  parentId: number;
  studentId: number;
  schoolId: number;
  cookie: string;
}

/** A teacher's session and a mark that fills an empty cell of a lesson the student attends. */
export interface FreshnessTarget {
  reader: DiaryParent;
  teacher: { cookie: string; csrf: string };
  lessonDate: string;
  markBody: string;
  lessonId: number;
}

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** Opens one session per account as the login would (the database keeps the token's hash). */
export async function openSessions(
  db: ReturnType<typeof openDatabase>['db'],
  accountIds: number[],
  userAgent = 'otmetka-bench',
): Promise<{ cookie: string; csrf: string }[]> {
  const at = new Date().toISOString();
  const made = accountIds.map((accountId) => ({ accountId, token: newToken(), csrf: newToken() }));
  await insertAll(made, (batch) =>
    db
      .insertInto('sessions')
      .values(
        batch.map((s) => ({
          id: sessionIdOf(s.token),
          accountId: s.accountId,
          csrfToken: s.csrf,
          createdAt: at,
          lastSeenAt: at,
          idleTimeoutMinutes: 240,
          ip: '127.0.0.1',
          userAgent,
        })),
      )
      .execute(),
  );
  return made.map((s) => ({ cookie: `${sessionCookie}=${s.token}`, csrf: s.csrf }));
}

/**
 * Picks `count` distinct parents spread evenly over the database's schools, each with one child
 * (their first), gives those without an account one (`bench.p<id>`, password «demo», already
 * changed) and signs every one in. Also finds the freshness check's cell: a lesson from today on
 * of the first parent's child, its teacher (signed in too) and a work kind of the school.
 */
export async function prepareDiaryParents(
  databaseUrl: string,
  count: number,
): Promise<{ parents: DiaryParent[]; freshness: FreshnessTarget | null; schools: number; marks: number }> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const pairs = await db
      .selectFrom('guardianships as g')
      .innerJoin('persons as p', 'p.id', 'g.guardianId')
      .select((eb) => [
        'g.guardianId',
        eb.fn.min('g.studentId').as('studentId'),
        eb.fn.min('g.schoolId').as('schoolId'),
      ])
      .where('g.archivedAt', 'is', null)
      .where('p.archivedAt', 'is', null)
      .groupBy('g.guardianId')
      .orderBy('g.guardianId')
      .execute();
    if (pairs.length < count)
      throw new Error(`only ${pairs.length} parents in the database, ${count} asked for`);
    const stride = pairs.length / count;
    const chosen = Array.from({ length: count }, (_, i) => pairs[Math.floor(i * stride)]!);

    const existing = await db
      .selectFrom('accounts')
      .select(['id', 'personId'])
      .where(
        'personId',
        'in',
        chosen.map((p) => p.guardianId),
      )
      .execute();
    const accountOf = new Map(existing.map((a) => [a.personId, a.id]));
    const missing = chosen.filter((p) => !accountOf.has(p.guardianId));
    if (missing.length > 0) {
      const passwordHash = await hashPassword('demo');
      const now = new Date().toISOString();
      await insertAll(missing, (batch) =>
        db
          .insertInto('accounts')
          .values(
            batch.map((p) => ({
              personId: p.guardianId,
              login: `bench.p${p.guardianId}`,
              passwordHash,
              passwordChangedAt: now,
              lastLoginAt: null,
              disabledAt: null,
            })),
          )
          .execute(),
      );
      const added = await db
        .selectFrom('accounts')
        .select(['id', 'personId'])
        .where(
          'personId',
          'in',
          missing.map((p) => p.guardianId),
        )
        .execute();
      for (const a of added) accountOf.set(a.personId, a.id);
    }
    const sessions = await openSessions(
      db,
      chosen.map((p) => accountOf.get(p.guardianId) ?? 0),
    );
    const parents = chosen.map((p, i) => ({
      parentId: p.guardianId,
      studentId: Number(p.studentId),
      schoolId: Number(p.schoolId),
      cookie: sessions[i]!.cookie,
    }));
    const schools = new Set(parents.map((p) => p.schoolId)).size;
    const marks = await db
      .selectFrom('marks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { parents, freshness: await findFreshness(db, parents), schools, marks: Number(marks.n) };
  } finally {
    await close();
  }
}

/** A lesson ahead of one of the parents' children, taught by a teacher with an account, and a kind. */
async function findFreshness(
  db: ReturnType<typeof openDatabase>['db'],
  parents: DiaryParent[],
): Promise<FreshnessTarget | null> {
  const today = new Date().toISOString().slice(0, 10);
  for (const reader of parents.slice(0, 20)) {
    const lesson = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groupMemberships as m', 'm.groupId', 'courses.groupId')
      .innerJoin('accounts', 'accounts.personId', 'courses.teacherId')
      .select(['lessons.id', 'lessons.date', 'accounts.id as accountId', 'courses.schoolId'])
      .where('m.studentId', '=', reader.studentId)
      .where('m.endsOn', 'is', null)
      .where('lessons.date', '>=', today)
      .where('lessons.cancelledAt', 'is', null)
      .where('accounts.disabledAt', 'is', null)
      .where('accounts.passwordChangedAt', 'is not', null)
      // A cell still empty: a database reused from an earlier run holds that run's check mark.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('marks')
              .select('marks.id')
              .whereRef('marks.lessonId', '=', 'lessons.id')
              .where('marks.studentId', '=', reader.studentId)
              .where('marks.deletedAt', 'is', null),
          ),
        ),
      )
      .orderBy('lessons.date')
      .orderBy('lessons.id')
      .executeTakeFirst();
    if (!lesson) continue;
    const kind = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', lesson.schoolId)
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [teacher] = await openSessions(db, [lesson.accountId]);
    return {
      reader,
      teacher: teacher!,
      lessonDate: dateText(lesson.date),
      lessonId: lesson.id,
      markBody: JSON.stringify({
        lessonId: lesson.id,
        studentId: reader.studentId,
        workKindId: kind.id,
        value: '5',
        version: null,
      }),
    };
  }
  return null;
}
