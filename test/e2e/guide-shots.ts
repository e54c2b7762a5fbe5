import type { Page } from 'playwright-core';
import type { DemoRole } from '../../src/server/seed/seed-demo-school.ts';
import type { ShotName } from '../../src/web/help/shots.ts';
import { fiveAId } from './demo.ts';
import type { Harness } from './harness.ts';

/**
 * The screenshots of the guides (docs/help/img/<language>/<name>.jpg): who is signed in and which
 * page of the demo school is shown. `npm run docs:screenshots` writes them; `npm test` takes them too.
 */
export interface Shot {
  name: ShotName;
  account: DemoRole | null;
  /** The address to show (read from the demo school where it depends on ids). */
  path: (h: Harness, page: Page) => Promise<string>;
}

const at = (path: string) => async () => path;

/** The demo teacher's first course (of the current year), by id. */
async function teacherCourse(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('courses')
    .select('id')
    .where('teacherId', '=', h.demo!.people.teacher)
    .where('academicYearId', '=', h.demo!.academicYearId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest lesson with a topic of that course, up to today. */
async function teacherLesson(h: Harness): Promise<number> {
  const row = await h.database.db
    .selectFrom('lessons')
    .select('id')
    .where('courseId', '=', await teacherCourse(h))
    .where('topic', 'is not', null)
    .orderBy('date', 'desc')
    .orderBy('lessonNumber', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The first child of the signed-in parent, as the app knows them. */
async function firstChild(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { children: { id: number }[] };
    return me.children[0]!.id;
  });
}

export const shots: readonly Shot[] = [
  { name: 'start-login', account: null, path: at('/') },
  { name: 'admin-first-steps', account: 'admin', path: at('/admin/first-steps') },
  { name: 'admin-timetable', account: 'admin', path: at('/admin/timetable') },
  { name: 'admin-backups', account: 'admin', path: at('/admin/backups') },
  { name: 'teacher-today', account: 'teacher', path: at('/teacher/today') },
  {
    name: 'teacher-journal-grid',
    account: 'teacher',
    path: async (h) => `/journal/${await teacherCourse(h)}`,
  },
  { name: 'teacher-lesson', account: 'teacher', path: async (h) => `/lessons/${await teacherLesson(h)}` },
  { name: 'class-teacher-class', account: 'teacher', path: async (h) => `/class/${await fiveAId(h)}` },
  {
    name: 'class-teacher-absences',
    account: 'teacher',
    path: async (h) => `/class/${await fiveAId(h)}/absences`,
  },
  { name: 'deputy-control', account: 'deputy', path: at('/deputy/control') },
  { name: 'deputy-reports', account: 'deputy', path: at('/deputy/reports') },
  { name: 'director-control', account: 'director', path: at('/director/control') },
  {
    name: 'parent-diary',
    account: 'parent',
    path: async (_h, page) => `/children/${await firstChild(page)}/diary`,
  },
  {
    name: 'parent-marks',
    account: 'parent',
    path: async (_h, page) => `/children/${await firstChild(page)}/marks`,
  },
  { name: 'student-diary', account: 'student', path: at('/student/diary') },
  { name: 'district-reports', account: 'district', path: at('/district/reports') },
];
