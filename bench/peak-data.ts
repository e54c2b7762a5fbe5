/**
 * The teachers of the evening peak: one per course, each signed in (a session row made as the
 * login makes one, no argon2), with the empty cells of their course's lessons this week they will
 * fill one save at a time.
 */
import { parseSchoolSettings } from '../src/contract/settings.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { openSessions } from './diary-data.ts';

type Db = ReturnType<typeof openDatabase>['db'];

/** A signed-in teacher, the course they write in and the bodies of their saves, in order. */
export interface PeakTeacher {
  teacherId: number;
  courseId: number;
  cookie: string;
  csrf: string;
  /** `POST /api/journal/marks` bodies, each filling an empty cell (version null). */
  saves: string[];
}

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** The Monday of the week containing `day` (YYYY-MM-DD), as the diary counts weeks. */
export function mondayOfWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Courses taught this week by a teacher with a usable account, in classes that take marks on the
 * five-point scale (first graders take none): one course per teacher.
 */
async function coursesThisWeek(db: Db, monday: string) {
  const rows = await db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('accounts', 'accounts.personId', 'courses.teacherId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('classes', 'classes.id', 'groups.classId')
    .innerJoin('schools', 'schools.id', 'courses.schoolId')
    .select((eb) => [
      'courses.id as courseId',
      'courses.teacherId',
      'courses.schoolId',
      'courses.groupId',
      'accounts.id as accountId',
      'classes.grade',
      'schools.settings',
      eb.fn.countAll().as('lessons'),
    ])
    .where('lessons.date', '>=', monday)
    .where('lessons.date', '<=', addDays(monday, 6))
    .where('lessons.cancelledAt', 'is', null)
    .whereRef('lessons.teacherId', '=', 'courses.teacherId')
    .where('courses.archivedAt', 'is', null)
    .where('accounts.disabledAt', 'is', null)
    .where('accounts.passwordChangedAt', 'is not', null)
    .groupBy([
      'courses.id',
      'courses.teacherId',
      'courses.schoolId',
      'courses.groupId',
      'accounts.id',
      'classes.grade',
      'schools.settings',
    ])
    .orderBy('courses.schoolId')
    .orderBy('courses.id')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => {
    const settings = parseSchoolSettings(r.settings);
    if (settings.markScale !== 'five' || !settings.markedGrades.includes(r.grade)) return false;
    if (seen.has(r.teacherId)) return false;
    seen.add(r.teacherId);
    return true;
  });
}

/** The empty cells (member × work kind) of the course's lessons from `monday` on, as save bodies. */
async function emptyCells(
  db: Db,
  course: { courseId: number; schoolId: number; groupId: number },
  monday: string,
  today: string,
  wanted: number,
): Promise<string[]> {
  const lessons = await db
    .selectFrom('lessons')
    .select(['id', 'date'])
    .where('courseId', '=', course.courseId)
    .where('date', '>=', monday)
    .where('cancelledAt', 'is', null)
    .orderBy('date')
    .orderBy('id')
    .limit(20)
    .execute();
  const kinds = await db
    .selectFrom('workKinds')
    .select('id')
    .where('schoolId', '=', course.schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .limit(3)
    .execute();
  const members = await db
    .selectFrom('groupMemberships')
    .select(['studentId', 'startsOn', 'endsOn'])
    .where('groupId', '=', course.groupId)
    .orderBy('studentId')
    .execute();
  const taken = await db
    .selectFrom('marks')
    .select(['lessonId', 'studentId', 'workKindId'])
    .where('lessonId', 'in', [...lessons.map((l) => l.id), 0])
    .execute();
  const filled = new Set(taken.map((m) => `${m.lessonId}:${m.studentId}:${m.workKindId}`));
  const values = ['5', '4', '3'];
  const bodies: string[] = [];
  for (const lesson of lessons) {
    const date = dateText(lesson.date);
    const on = members.filter(
      (m) => dateText(m.startsOn) <= date && (m.endsOn === null || dateText(m.endsOn) >= date),
    );
    for (const kind of kinds) {
      for (const m of on) {
        if (bodies.length >= wanted) return bodies;
        if (filled.has(`${lesson.id}:${m.studentId}:${kind.id}`)) continue;
        bodies.push(
          JSON.stringify({
            lessonId: lesson.id,
            studentId: m.studentId,
            workKindId: kind.id,
            value: values[bodies.length % values.length],
            version: null,
            // Days past the school's edit window ask for a reason; a given one is merely recorded.
            ...(date < today ? { editReason: 'вечерний пик (нагрузочный тест)' } : {}),
          }),
        );
      }
    }
  }
  return bodies;
}

/**
 * Picks `count` teachers of different courses with lessons this week, spread evenly over the
 * schools, signs each in and gives each up to `savesEach` empty cells of their course (this
 * week's lessons first, then the next ones), so every save inserts a mark the diary shows.
 */
export async function preparePeakTeachers(
  databaseUrl: string,
  count: number,
  savesEach: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<PeakTeacher[]> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const monday = mondayOfWeek(today);
    const courses = await coursesThisWeek(db, monday);
    if (courses.length < count)
      throw new Error(`only ${courses.length} teachers with lessons this week, ${count} asked for`);
    const stride = courses.length / count;
    const chosen = Array.from({ length: count }, (_, i) => courses[Math.floor(i * stride)]!);
    const sessions = await openSessions(
      db,
      chosen.map((c) => c.accountId),
      'otmetka-bench-peak',
    );
    const teachers: PeakTeacher[] = [];
    for (const [i, c] of chosen.entries()) {
      const saves = await emptyCells(db, c, monday, today, savesEach);
      if (saves.length === 0) throw new Error(`course ${c.courseId} has no empty cell from ${monday} on`);
      teachers.push({ teacherId: c.teacherId, courseId: c.courseId, ...sessions[i]!, saves });
    }
    return teachers;
  } finally {
    await close();
  }
}
