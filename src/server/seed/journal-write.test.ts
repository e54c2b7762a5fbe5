import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { parseSchoolSettings } from '../../contract/settings.ts';
import { memberOn } from '../../domain/journal-rules.ts';
import { suggestMark, weightedAverage } from '../../domain/marks.ts';
import type { Database } from '../db/database.ts';
import { type DemoSummary, seedDemoSchool } from './seed-demo-school.ts';

const today = '2026-11-28';
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

describe.each(engines())('the demo journal on $name', (engine) => {
  let database: Database;
  let demo: DemoSummary;
  const prefix = engine.name === 'sqlite' ? '' : `j${Date.now().toString(36)}.`;

  beforeAll(async () => {
    database = await engine.open();
    demo = await seedDemoSchool(database.db, { loginPrefix: prefix, today: new Date(`${today}T09:00:00Z`) });
  }, 120_000);
  afterAll(() => database.close());

  const lessonsOfSchool = () =>
    database.db
      .selectFrom('lessons')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('classes', 'classes.id', 'groups.classId')
      .select([
        'lessons.id',
        'lessons.date',
        'lessons.lessonNumber',
        'lessons.courseId',
        'lessons.teacherId',
        'lessons.planItemId',
        'lessons.attendanceTakenAt',
        'courses.groupId',
        'courses.subjectId',
        'classes.id as classId',
        'classes.grade',
      ])
      .where('lessons.schoolId', '=', demo.schoolId)
      .where('lessons.cancelledAt', 'is', null)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, date: day(r.date) })));
  const spansOf = async () => {
    const rows = await database.db
      .selectFrom('groupMemberships')
      .select(['groupId', 'studentId', 'startsOn', 'endsOn'])
      .where('schoolId', '=', demo.schoolId)
      .execute();
    const spans = new Map<string, { startsOn: string; endsOn: string | null }[]>();
    for (const r of rows) {
      const key = `${r.groupId}:${r.studentId}`;
      spans.set(key, [
        ...(spans.get(key) ?? []),
        { startsOn: day(r.startsOn), endsOn: r.endsOn === null ? null : day(r.endsOn) },
      ]);
    }
    return spans;
  };
  const marksOfSchool = () =>
    database.db
      .selectFrom('marks')
      .select(['id', 'lessonId', 'studentId', 'workKindId', 'value', 'createdBy'])
      .where('schoolId', '=', demo.schoolId)
      .where('deletedAt', 'is', null)
      .execute();

  it('gives every course a КТП and links past lessons to its topics in order, none in the future', async () => {
    const lessons = await lessonsOfSchool();
    const items = await database.db
      .selectFrom('planItems')
      .select(['id', 'courseId', 'position', 'topic', 'controlKind'])
      .where('schoolId', '=', demo.schoolId)
      .execute();
    const courses = new Set(lessons.map((l) => l.courseId));
    expect(new Set(items.map((i) => i.courseId))).toEqual(courses);
    expect(items.some((i) => i.controlKind !== null)).toBe(true);
    const position = new Map(items.map((i) => [i.id, i.position]));
    const linked = lessons
      .filter((l) => l.planItemId !== null)
      .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber);
    expect(linked.length).toBeGreaterThan(0.9 * lessons.filter((l) => l.date < today).length);
    expect(linked.every((l) => l.date < today)).toBe(true);
    const last = new Map<number, number>();
    for (const l of linked) {
      const p = position.get(l.planItemId ?? 0) ?? 0;
      expect(p).toBeGreaterThan(last.get(l.courseId) ?? 0);
      last.set(l.courseId, p);
    }
  });

  it('marks only marked grades, only students in the group on the lesson date, 2–4 a month per subject', async () => {
    const settings = parseSchoolSettings(
      (
        await database.db
          .selectFrom('schools')
          .select('settings')
          .where('id', '=', demo.schoolId)
          .executeTakeFirstOrThrow()
      ).settings,
    );
    const lessons = new Map((await lessonsOfSchool()).map((l) => [l.id, l]));
    const spans = await spansOf();
    const marks = await marksOfSchool();
    expect(marks.length).toBeGreaterThan(10_000);
    const perPair = new Map<string, number>();
    const wrong: unknown[] = [];
    for (const m of marks) {
      const lesson = lessons.get(m.lessonId);
      if (
        !lesson ||
        !settings.markedGrades.includes(lesson.grade) ||
        !memberOn(spans.get(`${lesson.groupId}:${m.studentId}`) ?? [], lesson.date) ||
        m.createdBy !== lesson.teacherId
      ) {
        wrong.push(m);
        continue;
      }
      const key = `${lesson.courseId}:${m.studentId}`;
      perPair.set(key, (perPair.get(key) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    // Density: marks over the months from the first to the last past lesson the student was in.
    const densities: number[] = [];
    const past = [...lessons.values()].filter(
      (l) => l.date < today && settings.markedGrades.includes(l.grade),
    );
    const range = new Map<string, [string, string]>();
    const pastByGroup = new Map<number, typeof past>();
    for (const l of past) pastByGroup.set(l.groupId, [...(pastByGroup.get(l.groupId) ?? []), l]);
    for (const [key, list] of spans) {
      const groupId = Number(key.split(':')[0]);
      for (const l of pastByGroup.get(groupId) ?? []) {
        if (!memberOn(list, l.date)) continue;
        const pair = `${l.courseId}:${key.split(':')[1]}`;
        const [from, to] = range.get(pair) ?? [l.date, l.date];
        range.set(pair, [[from, l.date].sort()[0] ?? from, [to, l.date].sort()[1] ?? to]);
      }
    }
    for (const [pair, [from, to]] of range) {
      const months = (Date.parse(to) - Date.parse(from) + 86_400_000) / (30.44 * 86_400_000);
      if (months >= 1) densities.push((perPair.get(pair) ?? 0) / months);
    }
    const mean = densities.reduce((a, b) => a + b, 0) / densities.length;
    expect(mean).toBeGreaterThanOrEqual(2.3);
    expect(mean).toBeLessThanOrEqual(3.7);
    expect(densities.filter((d) => d >= 2 && d <= 4).length / densities.length).toBeGreaterThan(0.9);
    const values = new Set(marks.map((m) => m.value));
    for (const v of ['2', '3', '4', '5']) expect(values).toContain(v);
    expect([...values].some((v) => v.includes('/') || v.endsWith('-'))).toBe(true);
  });

  it('records 5–8 % absences where attendance was taken, older ones with a reason', async () => {
    const lessons = await lessonsOfSchool();
    const spans = await spansOf();
    const byGroup = new Map<number, (typeof spans extends Map<string, infer V> ? V : never)[]>();
    for (const [key, list] of spans) {
      const groupId = Number(key.split(':')[0]);
      byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), list]);
    }
    let taken = 0;
    for (const l of lessons) {
      if (l.attendanceTakenAt === null) continue;
      for (const list of byGroup.get(l.groupId) ?? []) if (memberOn(list, l.date)) taken++;
    }
    const rows = await database.db
      .selectFrom('attendance')
      .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
      .select(['attendance.value', 'attendance.reason', 'lessons.date', 'lessons.attendanceTakenAt'])
      .where('attendance.schoolId', '=', demo.schoolId)
      .execute();
    expect(rows.every((r) => r.attendanceTakenAt !== null)).toBe(true);
    const absent = rows.filter((r) => r.value === 'absent');
    expect(absent.length / taken).toBeGreaterThanOrEqual(0.05);
    expect(absent.length / taken).toBeLessThanOrEqual(0.08);
    expect(rows.some((r) => r.value === 'late')).toBe(true);
    const week = '2026-11-21';
    expect(absent.filter((r) => day(r.date) < week).every((r) => r.reason !== null)).toBe(true);
    for (const reason of ['illness', 'excused', 'unexcused'])
      expect(absent.some((r) => r.reason === reason)).toBe(true);
  });

  it('closes the terms that ended, with the rounded average as every marked student’s period mark', async () => {
    const closures = await database.db
      .selectFrom('periodClosures')
      .innerJoin('periods', 'periods.id', 'periodClosures.periodId')
      .select([
        'periods.id',
        'periods.startsOn',
        'periods.endsOn',
        'periodClosures.closedBy',
        'periodClosures.classId',
      ])
      .where('periodClosures.schoolId', '=', demo.schoolId)
      .execute();
    expect(closures.length).toBeGreaterThan(0);
    expect(closures.every((c) => day(c.endsOn) < today && c.closedBy === demo.people.deputy)).toBe(true);
    const period = closures[0]!;
    const periodMarks = await database.db
      .selectFrom('periodMarks')
      .select(['studentId', 'subjectId', 'value'])
      .where('periodId', '=', period.id)
      .execute();
    expect(periodMarks.length).toBeGreaterThan(1000);
    const marks = await database.db
      .selectFrom('marks')
      .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
      .innerJoin('courses', 'courses.id', 'lessons.courseId')
      .innerJoin('groups', 'groups.id', 'courses.groupId')
      .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
      .select(['marks.studentId', 'courses.subjectId', 'marks.value', 'workKinds.weight'])
      .where(
        'groups.classId',
        'in',
        closures.filter((c) => c.id === period.id).map((c) => c.classId),
      )
      .where('marks.schoolId', '=', demo.schoolId)
      .where('lessons.date', '>=', day(period.startsOn))
      .where('lessons.date', '<=', day(period.endsOn))
      .execute();
    const bySubject = new Map<string, { value: string; weight: number }[]>();
    for (const m of marks) {
      const key = `${m.studentId}:${m.subjectId}`;
      bySubject.set(key, [...(bySubject.get(key) ?? []), m]);
    }
    const thresholds = { five: 4.5, four: 3.5, three: 2.5 };
    for (const p of periodMarks) {
      const expected = suggestMark(
        weightedAverage(bySubject.get(`${p.studentId}:${p.subjectId}`) ?? []),
        thresholds,
      );
      expect(p.value).toBe(expected ?? 'н/а');
    }
    const set = new Set(periodMarks.map((p) => `${p.studentId}:${p.subjectId}`));
    expect([...bySubject.keys()].filter((key) => !set.has(key))).toEqual([]);
  });

  it('writes one audit event per mark, attendance entry, period mark and closure, by whoever entered it', async () => {
    const checks = [
      ['marks', 'mark', 'createdBy'],
      ['attendance', 'attendance', 'createdBy'],
      ['periodMarks', 'periodMark', 'createdBy'],
      ['periodClosures', 'periodClosure', 'closedBy'],
    ] as const;
    for (const [table, entity, by] of checks) {
      const rows = (await database.db
        .selectFrom(table)
        .select(['id', by])
        .where('schoolId', '=', demo.schoolId)
        .execute()) as { id: number; createdBy?: number; closedBy?: number }[];
      const events = await database.db
        .selectFrom('auditEvents')
        .select(['entityId', 'actorId', 'after'])
        .where('schoolId', '=', demo.schoolId)
        .where('entity', '=', entity)
        .execute();
      expect(events.length).toBe(rows.length);
      const actor = new Map(events.map((e) => [e.entityId, e.actorId]));
      expect(rows.filter((r) => actor.get(String(r.id)) !== (r.createdBy ?? r.closedBy))).toEqual([]);
    }
  });
});
