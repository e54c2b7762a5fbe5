import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { DB } from '../../src/server/db/schema.ts';
import type { RegulationFacts } from '../../src/server/regulation/regulation-facts.ts';
import { type DemoSummary, seedDemoSchool } from '../../src/server/seed/seed-demo-school.ts';
import type { TestEngine } from '../databases.ts';

/**
 * The world of the route walk (route-walk.test.ts): the demo school, seeded once, and the subject
 * objects every route's parameters and bodies name — the demo student, their class 5А (led by the
 * demo teacher), the demo teacher's course in it, a lesson, a file, a remark, the parent's thread…
 * — plus a teacher and a parent of the same school without any relationship to them.
 */

/** Ids of the subject objects by the names routes and bodies give them. */
export type Ids = Record<string, number>;

/** The seeded world: the demo summary, the subject ids, the logins of the unrelated actors. */
export interface World {
  demo: DemoSummary;
  ids: Ids;
  /** The date bodies carry: the subject lesson's date, in the current (open) term. */
  date: string;
  /** The calendar address of the demo student (its token). */
  token: string;
  otherTeacher: string;
  otherParent: string;
}

/** The calendar address token the world stores (only its SHA-256, as the module does). */
const token = 'walk'.repeat(8);

/** The settings an approved regulation of the walk was generated from. */
const walkRegulationFacts: RegulationFacts = {
  schoolName: 'Школа обхода',
  markScale: 'five',
  usePlusMinus: true,
  editWindowDays: 7,
  idleMinutesStaff: 30,
  idleMinutesFamily: 10080,
  topicSameDay: true,
  attendanceSameDay: true,
  homeworkHoursAfterLastLesson: 1,
  writtenWorkMarksDays: 7,
  timeZone: 'Europe/Moscow',
  schemes: ['quarters'],
  backup: { at: null, destinations: 0, keep: { daily: 7, weekly: 4, monthly: 12 } },
};

/** Seeds the demo school and adds what the demo lacks (a file, a remark, a print job…). */
async function build(db: Kysely<DB>): Promise<World> {
  const demo = await seedDemoSchool(db);
  const { schoolId, academicYearId: yearId } = demo;
  const { student, parent, teacher, director } = demo.people;
  const today = new Date().toISOString().slice(0, 10);
  const whole = await db
    .selectFrom('groupMemberships as m')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .select(['g.id as groupId', 'g.classId'])
    .where('m.studentId', '=', student)
    .where('g.kind', '=', 'class')
    .executeTakeFirstOrThrow();
  const classId = whole.classId!;
  const course = await db
    .selectFrom('courses')
    .select(['id', 'subjectId'])
    .where('groupId', '=', whole.groupId)
    .where('teacherId', '=', teacher)
    .executeTakeFirstOrThrow();
  // The course's latest lesson up to today; before the school year's first lesson (a summer run), a
  // lesson of its own on the first day of the first term.
  const latest = await db
    .selectFrom('lessons')
    .select(['id', 'date'])
    .where('courseId', '=', course.id)
    .where('date', '<=', today)
    .where('cancelledAt', 'is', null)
    .orderBy('date', 'desc')
    .executeTakeFirst();
  const terms = await db
    .selectFrom('periods')
    .select(['id', 'startsOn', 'endsOn'])
    .where('academicYearId', '=', yearId)
    .where('kind', '=', 'term')
    .where('scheme', '=', 'quarters')
    .orderBy('startsOn')
    .execute();
  const lesson =
    latest ??
    (await db
      .insertInto('lessons')
      .values({
        schoolId,
        courseId: course.id,
        teacherId: teacher,
        date: terms[0]!.startsOn,
        lessonNumber: 1,
      })
      .returning(['id', 'date'])
      .executeTakeFirstOrThrow());
  const period = terms.find((t) => t.startsOn <= lesson.date && lesson.date <= t.endsOn) ?? terms[0]!;
  const one = async (
    table: 'planItems' | 'workKinds' | 'bellSchedules' | 'timetableSlots',
    where: object,
  ) => {
    let q = db.selectFrom(table).select('id').orderBy('id');
    for (const [k, v] of Object.entries(where)) q = q.where(k as 'id', '=', v);
    return (await q.executeTakeFirstOrThrow()).id;
  };
  const entry = await db
    .selectFrom('calendarEntries')
    .select('id')
    .where('academicYearId', '=', yearId)
    .executeTakeFirstOrThrow();
  const thread = await db
    .selectFrom('threads as t')
    .innerJoin('threadMembers as m', 'm.threadId', 't.id')
    .select(['t.id'])
    .where('t.studentId', '=', student)
    .where('t.kind', '=', 'dialog')
    .where('m.personId', '=', parent)
    .executeTakeFirstOrThrow();
  const message = await db
    .selectFrom('messages')
    .select('id')
    .where('threadId', '=', thread.id)
    .executeTakeFirstOrThrow();
  const ins = <T extends keyof DB>(table: T, values: object) =>
    db
      .insertInto(table)
      .values({ schoolId, ...values } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow() as unknown as Promise<{ id: number }>;
  const content = Buffer.from('текст');
  const file = await ins('lessonFiles', {
    lessonId: lesson.id,
    name: 'задание.txt',
    mime: 'text/plain',
    size: content.length,
    content,
    createdBy: teacher,
  });
  const messageFile = await ins('messageFiles', {
    messageId: message.id,
    name: 'справка.txt',
    mime: 'text/plain',
    size: content.length,
    content,
    uploadedBy: parent,
  });
  const remark = await ins('remarks', {
    courseId: course.id,
    lessonId: lesson.id,
    authorId: director,
    text: 'Нет темы',
  });
  const notice = await ins('absenceNotices', {
    studentId: student,
    fromDate: today,
    toDate: today,
    reason: 'illness',
    createdBy: parent,
  });
  const change = await ins('timetableChanges', {
    date: lesson.date,
    lessonNumber: 1,
    courseId: course.id,
    kind: 'cancel',
    createdBy: director,
  });
  const printJob = await ins('printJobs', {
    requestedBy: teacher,
    kind: 'classJournal',
    params: JSON.stringify({ classId }),
    lang: 'ru',
  });
  await ins('calendarFeeds', {
    studentId: student,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    createdBy: parent,
  });
  await ins('councilDecisions', {
    academicYearId: yearId,
    studentId: student,
    decision: 'Перевести',
    recordedBy: teacher,
  });
  const problem = await ins('problemReports', {
    reporterId: teacher,
    description: 'Не открывается журнал',
    pagePath: '/journal',
    userAgent: 'walk',
    appVersion: '0.0.0',
    createdAt: new Date().toISOString(),
  });
  const regulation = await ins('regulationVersions', {
    overrides: '{}',
    sections: '[]',
    settings: JSON.stringify(walkRegulationFacts),
    editedBy: director,
    editedAt: new Date().toISOString(),
    approvedBy: director,
    approvedAt: new Date().toISOString(),
  });
  const run = await db
    .insertInto('backupRuns')
    .values({ trigger: 'manual', status: 'failed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { otherTeacher, otherParent } = await strangers(db, { schoolId, classId, student, teacher });
  const ids: Ids = {
    schoolId,
    yearId,
    classId,
    groupId: whole.groupId,
    toGroupId: whole.groupId,
    courseId: course.id,
    fromCourseId: course.id,
    subjectId: course.subjectId,
    lessonId: lesson.id,
    periodId: period.id,
    planItemId: await one('planItems', { courseId: course.id }),
    workKindId: await one('workKinds', { schoolId }),
    bellId: await one('bellSchedules', { schoolId }),
    slotId: await one('timetableSlots', { courseId: course.id }),
    entryId: entry.id,
    fileId: file.id,
    messageFileId: messageFile.id,
    remarkId: remark.id,
    noticeId: notice.id,
    changeId: change.id,
    printJobId: printJob.id,
    problemId: problem.id,
    regulationVersionId: regulation.id,
    runId: run.id,
    threadId: thread.id,
    studentId: student,
    guardianId: parent,
    teacherId: teacher,
    classTeacherId: teacher,
    staffId: teacher,
  };
  return { demo, ids, date: lesson.date, token, otherTeacher, otherParent };
}

/**
 * A teacher of the school with no course in any group of the class and not its class teacher, and a
 * parent of another family (given an account with the demo password): the actors without the
 * relationship.
 */
async function strangers(
  db: Kysely<DB>,
  o: { schoolId: number; classId: number; student: number; teacher: number },
): Promise<{ otherTeacher: string; otherParent: string }> {
  const related = db
    .selectFrom('courses as c')
    .innerJoin('groupMemberships as m', 'm.groupId', 'c.groupId')
    .innerJoin('groupMemberships as w', 'w.studentId', 'm.studentId')
    .innerJoin('groups as g', 'g.id', 'w.groupId')
    .select('c.teacherId')
    .where('g.classId', '=', o.classId);
  const teacher = await db
    .selectFrom('accounts as a')
    .innerJoin('roleAssignments as r', 'r.personId', 'a.personId')
    .select(['a.login', 'a.personId'])
    .where('r.schoolId', '=', o.schoolId)
    .where('r.role', '=', 'teacher')
    .where('r.revokedAt', 'is', null)
    .where('a.personId', 'not in', related)
    .where(
      'a.personId',
      'not in',
      db.selectFrom('courses').select('secondTeacherId').where('secondTeacherId', 'is not', null),
    )
    .where(
      'a.personId',
      'not in',
      db.selectFrom('classes').select('classTeacherId').where('classTeacherId', 'is not', null),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('roleAssignments as x')
            .select('x.id')
            .whereRef('x.personId', '=', 'a.personId')
            .where('x.role', '!=', 'teacher'),
        ),
      ),
    )
    .orderBy('a.personId')
    .executeTakeFirstOrThrow();
  const parent = await db
    .selectFrom('roleAssignments as r')
    .select('r.personId')
    .where('r.schoolId', '=', o.schoolId)
    .where('r.role', '=', 'parent')
    .where(
      'r.personId',
      'not in',
      db.selectFrom('guardianships').select('guardianId').where('studentId', '=', o.student),
    )
    .where('r.personId', 'not in', db.selectFrom('accounts').select('personId'))
    .orderBy('r.personId')
    .executeTakeFirstOrThrow();
  const { passwordHash } = await db
    .selectFrom('accounts')
    .select('passwordHash')
    .where('personId', '=', o.teacher)
    .executeTakeFirstOrThrow();
  const otherParent = 'walk-other-parent';
  await db
    .insertInto('accounts')
    .values({
      personId: parent.personId,
      login: otherParent,
      passwordHash,
      passwordChangedAt: new Date().toISOString(),
    })
    .execute();
  return { otherTeacher: teacher.login, otherParent };
}

/** A seeded world and a way to give each actor its own copy of its database. */
export interface Worlds {
  world: World;
  copy(): Promise<Database>;
  close(): Promise<void>;
}

/**
 * Seeds the world once and copies its database per actor: the SQLite file, or on PostgreSQL a
 * database of its own made from the seeded one as its template (`freshDatabase` would drop it on
 * close, and PostgreSQL copies a database only while nobody is connected to it).
 */
export async function seedWorlds(engine: TestEngine): Promise<Worlds> {
  const copies: Database[] = [];
  if (engine.name === 'sqlite') {
    const base = await engine.open();
    const world = await build(base.db);
    await sql`pragma wal_checkpoint(truncate)`.execute(base.db);
    let n = 0;
    return {
      world,
      async copy() {
        const file = `${base.url}.${++n}`;
        copyFileSync(base.url, file);
        const copy = openDatabase(file);
        copies.push(copy);
        return copy;
      },
      async close() {
        for (const c of copies) await c.close();
        await base.close();
      },
    };
  }
  const admin = openDatabase(engine.url(), { poolSize: 1 });
  const template = `otmetka_walk_${process.pid}_${Date.now()}`;
  const urlOf = (name: string) => {
    const url = new URL(engine.url());
    url.pathname = `/${name}`;
    return url.toString();
  };
  await sql.raw(`create database ${template}`).execute(admin.db);
  const base = openDatabase(urlOf(template), { poolSize: 2 });
  await migrateToLatest(base);
  const world = await build(base.db);
  await base.close();
  const names: string[] = [];
  return {
    world,
    async copy() {
      const name = `${template}_${names.length + 1}`;
      await sql.raw(`create database ${name} template ${template}`).execute(admin.db);
      names.push(name);
      const copy = openDatabase(urlOf(name), { poolSize: 2 });
      copies.push(copy);
      return copy;
    },
    async close() {
      for (const c of copies) await c.close();
      for (const name of [...names, template])
        await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}
