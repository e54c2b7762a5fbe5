import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import {
  buildClass,
  buildCourse,
  buildDistrict,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { Ctx } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { firstSteps } from './first-steps.ts';

function ctxAs(
  database: Database,
  personId: number,
  role: Role,
  schoolId: number | null,
  districtId = null as number | null,
): Ctx {
  return {
    db: database.db,
    actor: { kind: 'person', personId, accountId: 0, grants: [{ role, schoolId, districtId }] },
    request: { requestId: null, ip: null, lang: 'ru' },
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'none';
}

describe.each(engines())('the first-steps checklist on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  async function freshSchool() {
    const school = await buildSchool(database.db);
    const admin = await buildPerson(database.db, { schoolId: school.schoolId, roles: ['admin', 'teacher'] });
    return { ...school, ctx: ctxAs(database, admin.id, 'admin', school.schoolId) };
  }

  async function addPeriod(schoolId: number, yearId: number) {
    await database.db
      .insertInto('periods')
      .values({
        schoolId,
        academicYearId: yearId,
        scheme: 'quarters',
        kind: 'term',
        number: 1,
        name: '1 четверть',
        startsOn: '2026-09-01',
        endsOn: '2026-10-26',
      })
      .execute();
  }

  it('a fresh school has only its setup done; the next step is the academic year with its periods', async () => {
    const { ctx, schoolId } = await freshSchool();
    const view = await firstSteps(ctx, {});
    expect(view.schoolId).toBe(schoolId);
    expect(view.steps.map((s) => s.key)).toEqual([
      'school',
      'year',
      'calendar',
      'bells',
      'classes',
      'subjects',
      'teachers',
      'courses',
      'timetable',
      'students',
      'parents',
      'lesson',
    ]);
    expect(view.steps.filter((s) => s.done).map((s) => s.key)).toEqual(['school']);
    expect(view.doneCount).toBe(1);
    expect(view.next).toBe('year');
  });

  it('with a period the year is done and the next step moves on to the calendar', async () => {
    const { ctx, schoolId, yearId } = await freshSchool();
    await addPeriod(schoolId, yearId);
    const view = await firstSteps(ctx, {});
    expect(view.doneCount).toBe(2);
    expect(view.next).toBe('calendar');
  });

  it('a school with everything up to a lesson with a topic has every step done; its rows count for it alone', async () => {
    const { ctx, schoolId, yearId } = await freshSchool();
    const db = database.db;
    await addPeriod(schoolId, yearId);
    await db
      .insertInto('calendarEntries')
      .values({
        schoolId,
        academicYearId: yearId,
        kind: 'vacation',
        name: 'Осенние каникулы',
        startsOn: '2026-10-27',
        endsOn: '2026-11-04',
      })
      .execute();
    const bells = await db
      .insertInto('bellSchedules')
      .values({ schoolId, name: 'Основное' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('bellTimes')
      .values({ schoolId, bellScheduleId: bells.id, lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' })
      .execute();
    const teacher = await buildPerson(db, { schoolId, roles: ['teacher'] });
    const { groupId } = await buildClass(db, { schoolId, yearId });
    const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: teacher.id });
    await db
      .insertInto('timetableSlots')
      .values({ schoolId, courseId, weekday: 1, lessonNumber: 1, validFrom: '2026-09-01' })
      .execute();
    const student = await buildPerson(db, { schoolId, roles: ['student'], account: false });
    await enroll(db, { schoolId, groupId, studentId: student.id });
    const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
    await linkGuardian(db, { schoolId, guardianId: parent.id, studentId: student.id });
    const lesson = await db
      .insertInto('lessons')
      .values({ schoolId, courseId, teacherId: teacher.id, date: '2026-09-07', lessonNumber: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();

    const untaught = await firstSteps(ctx, {});
    expect(untaught.next).toBe('lesson');
    expect(untaught.doneCount).toBe(11);

    await db.updateTable('lessons').set({ topic: 'Натуральные числа' }).where('id', '=', lesson.id).execute();
    const all = await firstSteps(ctx, {});
    expect(all.steps.every((s) => s.done)).toBe(true);
    expect(all.doneCount).toBe(12);
    expect(all.next).toBeNull();

    // Another school sees none of it.
    const other = await freshSchool();
    expect((await firstSteps(other.ctx, {})).next).toBe('year');
  });

  it('a mark alone records the first lesson; the administrator teaching does not count as a teacher', async () => {
    const { ctx, schoolId, yearId } = await freshSchool();
    const db = database.db;
    const adminId = ctx.actor.kind === 'person' ? ctx.actor.personId : 0;
    const { groupId } = await buildClass(db, { schoolId, yearId });
    const courseId = await buildCourse(db, { schoolId, yearId, groupId, teacherId: adminId });
    const student = await buildPerson(db, { schoolId, roles: ['student'], account: false });
    const lesson = await db
      .insertInto('lessons')
      .values({ schoolId, courseId, teacherId: adminId, date: '2026-09-07', lessonNumber: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stepOf = async (key: string) => (await firstSteps(ctx, {})).steps.find((s) => s.key === key)?.done;
    expect(await stepOf('lesson')).toBe(false);
    const kind = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', schoolId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('marks')
      .values({
        schoolId,
        lessonId: lesson.id,
        studentId: student.id,
        workKindId: kind.id,
        value: '5',
        createdBy: adminId,
      })
      .execute();
    expect(await stepOf('lesson')).toBe(true);
    expect(await stepOf('teachers')).toBe(false);
  });

  it('only the administrator of the school: 403 for other staff and the district, 404 for another school', async () => {
    const { schoolId, ctx } = await freshSchool();
    const other = await freshSchool();
    const director = await buildPerson(database.db, { schoolId, roles: ['director'] });
    expect(await refusal(firstSteps(ctxAs(database, director.id, 'director', schoolId), {}))).toBe(
      'forbidden',
    );
    const teacher = await buildPerson(database.db, { schoolId, roles: ['teacher'] });
    expect(await refusal(firstSteps(ctxAs(database, teacher.id, 'teacher', schoolId), {}))).toBe('forbidden');
    const districtId = await buildDistrict(database.db);
    const official = await buildPerson(database.db, { schoolId: null, districtId, roles: ['district'] });
    expect(await refusal(firstSteps(ctxAs(database, official.id, 'district', null, districtId), {}))).toBe(
      'forbidden',
    );
    expect(await refusal(firstSteps(ctx, { schoolId: other.schoolId }))).toBe('not_found');
    expect((await firstSteps(ctx, { schoolId })).schoolId).toBe(schoolId);
  });
});
