/**
 * The journal over HTTP on data with marks: the grid of a course for a quarter, saving one mark
 * (with its audit event, committed durably), and saving a lesson's attendance column. One client
 * sends one request at a time, so the figures are each request's own latency, not a queue's; every
 * save writes a cell that was empty, so none meets a conflict.
 */
import { openDatabase } from '../src/server/db/database.ts';
import { type Measurement, percentile, sortedSamples } from './load.ts';
import { sessionOf } from './session.ts';

/** What the scenarios need from the seeded data, found by querying it. */
interface JournalTargets {
  courseId: number;
  periodId: number;
  periodName: string;
  gridSize: string;
  schoolMarks: number;
  markBodies: string[];
  attendance: { lessonId: number; body: string }[];
  columnSize: number;
}

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** Finds the teacher's busiest course and the empty cells and lessons the saves will write. */
async function findTargets(databaseUrl: string, login: string, samples: number): Promise<JournalTargets> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const me = await db
      .selectFrom('accounts')
      .select('personId')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    const courses = await db
      .selectFrom('courses')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('classes', 'classes.id', 'groups.classId')
      .innerJoin('gradeSchemes', (j) =>
        j
          .onRef('gradeSchemes.academicYearId', '=', 'courses.academicYearId')
          .onRef('gradeSchemes.grade', '=', 'classes.grade'),
      )
      .leftJoin('lessons', 'lessons.courseId', 'courses.id')
      .leftJoin('marks', 'marks.lessonId', 'lessons.id')
      .select((eb) => [
        'courses.id',
        'courses.schoolId',
        'courses.groupId',
        'courses.academicYearId',
        'gradeSchemes.scheme',
        eb.fn.count('marks.id').as('marks'),
      ])
      .where('courses.teacherId', '=', me.personId)
      .groupBy([
        'courses.id',
        'courses.schoolId',
        'courses.groupId',
        'courses.academicYearId',
        'gradeSchemes.scheme',
      ])
      .orderBy('marks', 'desc')
      .execute();
    const course = courses[0];
    if (!course) throw new Error(`${login} teaches no course`);
    const period = await db
      .selectFrom('periods')
      .select(['id', 'name', 'startsOn', 'endsOn'])
      .where('academicYearId', '=', course.academicYearId)
      .where('scheme', '=', course.scheme)
      .where('kind', '=', 'term')
      .orderBy('startsOn')
      .executeTakeFirstOrThrow();
    const inGrid = await db
      .selectFrom('lessons')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('courseId', '=', course.id)
      .where('date', '>=', period.startsOn)
      .where('date', '<=', period.endsOn)
      .executeTakeFirstOrThrow();
    const schoolMarks = await db
      .selectFrom('marks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();

    // Lessons still ahead in the teacher's courses: open, within no closed period, no cells yet.
    const ahead = await db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .select(['lessons.id', 'lessons.date', 'courses.groupId'])
      .where('courses.teacherId', '=', me.personId)
      .where('lessons.date', '>=', today)
      .where('lessons.cancelledAt', 'is', null)
      .orderBy('lessons.date')
      .orderBy('lessons.id')
      .execute();
    const members = await db
      .selectFrom('groupMemberships')
      .select(['groupId', 'studentId', 'startsOn', 'endsOn'])
      .where('groupId', 'in', [...new Set(ahead.map((l) => l.groupId)), 0])
      .orderBy('studentId')
      .execute();
    const membersOn = (groupId: number, date: string) =>
      members
        .filter(
          (m) =>
            m.groupId === groupId &&
            dateText(m.startsOn) <= date &&
            (m.endsOn === null || dateText(m.endsOn) >= date),
        )
        .map((m) => m.studentId);
    const kinds = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', course.schoolId)
      .where('archivedAt', 'is', null)
      .orderBy('id')
      .execute();
    const values = ['5', '4', '3', '5', '4'];
    const markBodies: string[] = [];
    for (const [i, lesson] of ahead.entries()) {
      if (markBodies.length >= samples) break;
      // Marks go into the later lessons, attendance columns into the earlier ones.
      if (i < ahead.length / 2) continue;
      for (const studentId of membersOn(lesson.groupId, dateText(lesson.date))) {
        for (const kind of kinds.slice(0, 3)) {
          markBodies.push(
            JSON.stringify({
              lessonId: lesson.id,
              studentId,
              workKindId: kind.id,
              value: values[markBodies.length % values.length],
              version: null,
            }),
          );
        }
      }
    }
    const attendance = ahead.slice(0, Math.min(samples, Math.floor(ahead.length / 2))).map((lesson) => {
      const students = membersOn(lesson.groupId, dateText(lesson.date)).slice(0, 30);
      const entries = students.map((studentId, k) => ({
        studentId,
        value: k % 5 === 4 ? 'late' : 'absent',
        reason: k % 5 === 4 ? null : 'illness',
        version: null,
      }));
      return { lessonId: lesson.id, body: JSON.stringify({ entries }), size: entries.length };
    });
    return {
      courseId: course.id,
      periodId: period.id,
      periodName: period.name,
      gridSize: `${membersOn(course.groupId, dateText(period.endsOn)).length || '?'} students × ${inGrid.n} lessons`,
      schoolMarks: Number(schoolMarks.n),
      markBodies: markBodies.slice(0, samples),
      attendance,
      columnSize: Math.min(...attendance.map((a) => a.size)),
    };
  } finally {
    await close();
  }
}

async function timed(
  name: string,
  requests: { path: string; method: 'GET' | 'POST'; body?: string }[],
  headers: Record<string, string>,
  baseUrl: string,
): Promise<Measurement> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  for (const r of requests) {
    const t = performance.now();
    const response = await fetch(`${baseUrl}${r.path}`, {
      method: r.method,
      headers: r.body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: r.body,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - t);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 300) errors++;
  }
  const sorted = sortedSamples(latencies);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    // One client, one request at a time: a rate here is not comparable with the loaded scenarios.
    rps: null,
    requests: latencies.length,
    errors,
    statuses,
  };
}

/**
 * Measures the three journal scenarios against a running server on the seeded database, as the
 * given teacher: `samples` requests each (after a few unmeasured grid requests to warm up).
 */
export async function measureJournal(
  baseUrl: string,
  databaseUrl: string,
  samples: number,
  login = 'teacher',
): Promise<Measurement[]> {
  const t = await findTargets(databaseUrl, login, samples);
  const session = await sessionOf(baseUrl, login);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const grid = { path: `/api/journal/courses/${t.courseId}?periodId=${t.periodId}`, method: 'GET' as const };
  const size = `${t.schoolMarks.toLocaleString('en').replace(/,/g, ' ')} marks in the database`;
  await timed(
    'warm-up',
    Array.from({ length: 20 }, () => grid),
    headers,
    baseUrl,
  );
  return [
    await timed(
      `GET /api/journal/courses/:id (grid, ${t.periodName}, ${t.gridSize}; ${size})`,
      Array.from({ length: samples }, () => grid),
      headers,
      baseUrl,
    ),
    await timed(
      `POST /api/journal/marks (one mark + audit, durable; ${size})`,
      t.markBodies.map((body) => ({ path: '/api/journal/marks', method: 'POST' as const, body })),
      headers,
      baseUrl,
    ),
    await timed(
      `POST /api/journal/lessons/:id/attendance (column of ${t.columnSize}; ${size})`,
      t.attendance.map((a) => ({
        path: `/api/journal/lessons/${a.lessonId}/attendance`,
        method: 'POST' as const,
        body: a.body,
      })),
      headers,
      baseUrl,
    ),
  ];
}
