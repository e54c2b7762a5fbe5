import type { Db } from '../access/actor.ts';
import { currentClasses, today } from '../access/relationships.queries.ts';

/** A person's name as «Фамилия Имя Отчество». */
const fullName = (p: { lastName: string; firstName: string; middleName: string }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** «СОШ № 2» before «СОШ № 12»: Russian order with numbers compared as numbers. */
const schoolOrder = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** The live schools of a district by name, with their live classes and today's students. */
export async function schoolsOfDistrict(db: Db, districtId: number) {
  const on = today();
  const [schools, classes, students] = await Promise.all([
    db
      .selectFrom('schools')
      .select(['id', 'name', 'shortName'])
      .where('districtId', '=', districtId)
      .where('archivedAt', 'is', null)
      .execute(),
    db
      .selectFrom('classes')
      .innerJoin('schools', 'schools.id', 'classes.schoolId')
      .innerJoin('academicYears', 'academicYears.id', 'classes.academicYearId')
      .select(['classes.schoolId', (eb) => eb.fn.countAll().as('n')])
      .where('schools.districtId', '=', districtId)
      .where('classes.archivedAt', 'is', null)
      .where('academicYears.startsOn', '<=', on)
      .where('academicYears.endsOn', '>=', on)
      .groupBy('classes.schoolId')
      .execute(),
    db
      .selectFrom(currentClasses(db, on).as('cc'))
      .innerJoin('classes', 'classes.id', 'cc.classId')
      .innerJoin('schools', 'schools.id', 'classes.schoolId')
      .select(['classes.schoolId', (eb) => eb.fn.count('cc.studentId').distinct().as('n')])
      .where('schools.districtId', '=', districtId)
      .where('classes.archivedAt', 'is', null)
      .groupBy('classes.schoolId')
      .execute(),
  ]);
  const count = (rows: { schoolId: number; n: unknown }[], id: number) =>
    Number(rows.find((r) => r.schoolId === id)?.n ?? 0);
  return schools
    .map((s) => ({ ...s, classes: count(classes, s.id), students: count(students, s.id) }))
    .sort((a, b) => schoolOrder.compare(a.shortName, b.shortName) || a.id - b.id);
}

/** The classes of a year with class teachers and the number of students on a date. */
export async function classesWithCounts(db: Db, yearId: number, on: string) {
  const [classes, counts] = await Promise.all([
    db
      .selectFrom('classes')
      .leftJoin('persons', 'persons.id', 'classes.classTeacherId')
      .select([
        'classes.id',
        'classes.grade',
        'classes.letter',
        'persons.lastName',
        'persons.firstName',
        'persons.middleName',
      ])
      .where('classes.academicYearId', '=', yearId)
      .where('classes.archivedAt', 'is', null)
      .orderBy('classes.grade')
      .orderBy('classes.letter')
      .execute(),
    db
      .selectFrom(currentClasses(db, on).as('cc'))
      .select(['cc.classId', (eb) => eb.fn.countAll().as('n')])
      .groupBy('cc.classId')
      .execute(),
  ]);
  return classes.map((c) => ({
    id: c.id,
    name: `${c.grade}${c.letter}`,
    classTeacher:
      c.lastName === null
        ? null
        : fullName({ lastName: c.lastName, firstName: c.firstName ?? '', middleName: c.middleName ?? '' }),
    students: Number(counts.find((r) => r.classId === c.id)?.n ?? 0),
  }));
}

/** The live subjects of a school in their order. */
export function subjectsOfSchool(db: Db, schoolId: number) {
  return db
    .selectFrom('subjects')
    .select(['id', 'name'])
    .where('schoolId', '=', schoolId)
    .where('archivedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute();
}

/** The live courses of a year: subject, group, teachers and hours per week. */
export async function coursesOfYear(db: Db, yearId: number) {
  const rows = await db
    .selectFrom('courses')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groups', 'groups.id', 'courses.groupId')
    .innerJoin('persons as t', 't.id', 'courses.teacherId')
    .leftJoin('persons as s', 's.id', 'courses.secondTeacherId')
    .select([
      'courses.id',
      'subjects.name as subject',
      'groups.name as group',
      't.lastName',
      't.firstName',
      't.middleName',
      's.lastName as sLast',
      's.firstName as sFirst',
      's.middleName as sMiddle',
      'courses.hoursPerWeek',
    ])
    .where('courses.academicYearId', '=', yearId)
    .where('courses.archivedAt', 'is', null)
    .orderBy('groups.name')
    .orderBy('subjects.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    group: r.group,
    teacher: fullName(r),
    secondTeacher:
      r.sLast === null
        ? null
        : fullName({ lastName: r.sLast, firstName: r.sFirst ?? '', middleName: r.sMiddle ?? '' }),
    hoursPerWeek: Number(r.hoursPerWeek),
  }));
}
