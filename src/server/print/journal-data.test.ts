import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { loadClassSections } from './journal-class-data.ts';
import { loadJournal } from './journal-data.ts';
import { printSchool } from './journal-pdf.test-helpers.ts';

describe.each(engines())('the printed journal’s data ($name)', (engine) => {
  let database: Database;
  let school: Awaited<ReturnType<typeof printSchool>>;
  beforeAll(async () => {
    database = await engine.open();
    school = await printSchool(database.db);
  });
  afterAll(() => database.close());

  it('lists the courses in subject order with students in Russian name order and held lessons only', async () => {
    const data = await loadJournal(database.db, school.print(), [school.mathId, school.rusId]);
    expect(data.courses.map((c) => c.subject)).toEqual(['Русский язык', 'Математика']);
    const math = data.courses[1]!;
    expect(math.students.map((s) => s.lastName)).toEqual(['Алексеев', 'Борисова', 'Яковлев']);
    expect(math.lessons.map((l) => l.date)).toEqual(['2026-09-01', '2026-09-02', '2026-09-16', '2026-10-20']);
    expect(math.lessons[1]!.workKinds).toEqual(['Контрольная работа']);
    expect(data.classTeacher?.lastName).toBe('Классова');
    expect(data.periods.map((p) => p.name)).toEqual([
      '1 четверть',
      '2 четверть',
      '3 четверть',
      '4 четверть',
      'Год',
    ]);
  });

  it('shows marks and attendance only for days a student was in the group, and no removed marks', async () => {
    const data = await loadJournal(database.db, school.print(), [school.mathId]);
    const math = data.courses[0]!;
    const [l1, l2, l4] = math.lessons;
    const { yakovlev, borisova, alekseev } = school.students;
    expect(math.cells.get(`${l1!.id}:${yakovlev}`)).toBe('5 4');
    expect(math.cells.get(`${l1!.id}:${alekseev}`)).toBeUndefined();
    expect(math.cells.get(`${l4!.id}:${borisova}`)).toBeUndefined();
    expect(math.cells.get(`${l2!.id}:${yakovlev}`)).toBeUndefined();
    expect(math.cells.get(`${l4!.id}:${yakovlev}`)).toBe('б');
    expect(math.periodMarks.get(`${school.periodIds[0]}:${yakovlev}`)).toBe('5');
  });

  it('prints one period: its lessons and its marks only', async () => {
    const data = await loadJournal(database.db, school.print({ periodId: school.periodIds[1]! }), [
      school.mathId,
    ]);
    expect(data.period?.name).toBe('2 четверть');
    expect(data.periods.map((p) => p.name)).toEqual(['2 четверть']);
    expect(data.courses[0]!.lessons).toEqual([]);
    const first = await loadJournal(database.db, school.print({ periodId: school.periodIds[0]! }), [
      school.mathId,
    ]);
    expect(first.courses[0]!.lessons).toHaveLength(4);
  });

  it('reads the class sections: personal files, parents, absences per term, remarks, director', async () => {
    const terms = (await loadJournal(database.db, school.print(), [])).periods.filter(
      (p) => p.kind === 'term',
    );
    const s = await loadClassSections(database.db, school.print(), [school.mathId, school.rusId], terms);
    expect(s.students.map((x) => x.lastName)).toEqual(['Алексеев', 'Борисова', 'Яковлев']);
    const yakovlev = s.students[2]!;
    expect(yakovlev.fileNumber).toBe('Я-17');
    expect(yakovlev.parents.map((p) => [p.lastName, p.workplace])).toEqual([['Яковлева', 'Почта России']]);
    expect(s.missed.get(`${terms[0]!.id}:${yakovlev.id}`)).toEqual({ missed: 1, illness: 1 });
    expect(s.remarks.map((r) => [r.subject, r.status])).toEqual([['Математика', 'open']]);
    expect(s.director?.lastName).toBe('Директорова');
  });
});
