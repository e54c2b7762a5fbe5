import { russianSortKey } from '../../domain/russian-order.ts';
import type { YearPlan } from './calendar.ts';
import { curriculum } from './curriculum.ts';
import { planFamilies } from './families.ts';
import { seededFaker } from './names.ts';
import { PeopleBuilder } from './people.ts';
import type { PlannedClass, PlannedGroup, SchoolPlan, SchoolShape } from './plan.ts';
import { addStaff, type ClassGroups, planTeaching } from './staff.ts';

/** The subject taught in two subgroups (the foreign language). */
const splitSubject = curriculum.find((s) => s.split)?.name;

const letters = 'АБВГДЕЖИКЛ';
const staffRoles = new Set(['admin', 'director', 'deputy', 'teacher']);

/** The full and short name of a municipal school by its number. */
export function schoolNames(number: number): { name: string; shortName: string } {
  return { name: `МБОУ «Средняя общеобразовательная школа № ${number}»`, shortName: `СОШ № ${number}` };
}

/**
 * Plans a whole school in memory from a seed: leadership, teachers and their courses, classes
 * of grades 1–11 with students and their families, English subgroups, and logins for staff and
 * the demo family. The same seed and shape always give the same plan.
 */
export function planSchool(shape: SchoolShape, seed: number, year: YearPlan): SchoolPlan {
  const faker = seededFaker(seed);
  const people = new PeopleBuilder(faker, shape.loginPrefix);
  const y = year.startYear;

  const director = addStaff(people, faker, y, ['director'], 0.6, [42, 62]);
  const deputy = addStaff(people, faker, y, ['deputy', 'teacher'], 0.8, [35, 60]);
  addStaff(people, faker, y, ['deputy'], 0.8, [35, 60]);
  const admin = addStaff(people, faker, y, ['admin'], 0.4, [25, 50]);

  const classes: PlannedClass[] = [];
  const groups: PlannedGroup[] = [];
  const classGroups: ClassGroups[] = [];
  for (let grade = 1; grade <= 11; grade++) {
    for (const letter of letters.slice(0, shape.classesPerGrade)) {
      const name = `${grade}${letter}`;
      const classIndex = classes.push({ grade, letter, name, classTeacher: null, students: [] }) - 1;
      const whole = groups.push({ classIndex, kind: 'class', name, students: [] }) - 1;
      const subgroups =
        grade < 2
          ? []
          : [1, 2].map(
              (n) =>
                groups.push({
                  classIndex,
                  kind: 'subgroup',
                  name: `${name} Английский язык, гр. ${n}`,
                  subject: splitSubject,
                  students: [],
                }) - 1,
            );
      classGroups.push({ whole, subgroups });
    }
  }

  const { courses, firstMathematician } = planTeaching(people, faker, y, classes, classGroups, deputy);
  for (let i = 0; i < shape.specialists; i++) addStaff(people, faker, y, ['teacher'], 0.85);

  const sizes = classes.map(() => faker.number.int({ min: shape.classSize[0], max: shape.classSize[1] }));
  const demoClass = classes.findIndex((c) => c.grade === 5 && c.letter === 'А');
  const family = planFamilies(people, faker, y, classes, sizes, demoClass);

  classes.forEach((cls, classIndex) => {
    const own = classGroups[classIndex];
    if (!own) return;
    const whole = groups[own.whole];
    if (whole) whole.students = cls.students;
    // Subgroups split the class list in alphabetical order, as schools usually do.
    const keyed = cls.students.map((index) => {
      const p = people.get(index);
      return { index, key: russianSortKey(p.lastName, p.firstName, p.middleName) };
    });
    const sorted = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.index);
    const half = Math.ceil(sorted.length / 2);
    own.subgroups.forEach((g, i) => {
      const group = groups[g];
      if (group) group.students = i === 0 ? sorted.slice(0, half) : sorted.slice(half);
    });
  });

  const demo = {
    admin,
    director,
    deputy,
    teacher: firstMathematician,
    parent: family.parent,
    student: family.student,
  };
  for (const [login, index] of Object.entries(demo)) people.giveLogin(index, login);
  people.list.forEach((person, index) => {
    if (person.login === null && person.roles.some((r) => staffRoles.has(r))) people.giveLogin(index);
  });

  return {
    number: shape.number,
    ...schoolNames(shape.number),
    people: people.list,
    classes,
    groups,
    courses,
    guardianships: family.guardianships,
    demo,
  };
}

/** Head counts of a planned school, for summaries. */
export interface PlanCounts {
  students: number;
  parents: number;
  staff: number;
  accounts: number;
}

/** Counts the students, parents, staff and accounts of a plan. */
export function countPlan(plan: SchoolPlan): PlanCounts {
  const has = (role: string) => plan.people.filter((p) => p.roles.some((r) => r === role)).length;
  return {
    students: has('student'),
    parents: has('parent'),
    staff: plan.people.filter((p) => p.roles.some((r) => staffRoles.has(r))).length,
    accounts: plan.people.filter((p) => p.login !== null).length,
  };
}
