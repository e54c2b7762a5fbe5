import type { Faker } from '@faker-js/faker';
import { randomSurname, type Sex } from './names.ts';
import { dateBetween, type PeopleBuilder, yearsBefore } from './people.ts';
import type { PlannedClass, PlannedGuardianship } from './plan.ts';

/** Birth dates of a class: 6½–7½ years old when entering grade 1. */
function bornInGrade(startYear: number, grade: number): [string, string] {
  return [`${startYear - grade - 7}-03-01`, `${startYear - grade - 6}-02-28`];
}

/** Share of families that have a second child in another class of the school. */
const siblingShare = 0.12;

/**
 * Fills the classes up to their sizes with students and gives every student a family: a mother
 * and/or a father (rarely only a grandmother as guardian), with e-mails and phones. Some families
 * have two children in different grades, linked to the same parent rows. The demo family (a
 * mother with a child in `demoClass` and another in an older class) is made first.
 */
export function planFamilies(
  people: PeopleBuilder,
  faker: Faker,
  startYear: number,
  classes: PlannedClass[],
  sizes: number[],
  demoClass: number,
): { guardianships: PlannedGuardianship[]; parent: number; student: number } {
  const guardianships: PlannedGuardianship[] = [];
  const gradeOf = (c: number) => classes[c]?.grade ?? 0;

  const addFamily = (classIndexes: number[], demo = false) => {
    const family = randomSurname(faker);
    const guardianOnly = !demo && faker.datatype.boolean(0.02);
    const hasFather = demo || (!guardianOnly && faker.datatype.boolean(0.82));
    const hasMother = demo || (!guardianOnly && (!hasFather || faker.datatype.boolean(0.93)));
    const oldest = Math.max(...classIndexes.map(gradeOf));
    // The parents' ages follow the oldest child's birth year, drawn before the children themselves.
    const childBorn = dateBetween(faker, ...bornInGrade(startYear, oldest));
    const adult = (sex: Sex, ages: [number, number], sameFamily = true) =>
      people.add({
        sex,
        generation: 'adult',
        family: sameFamily ? family : undefined,
        born: [yearsBefore(childBorn, ages[1]), yearsBefore(childBorn, ages[0])],
        roles: ['parent'],
      });
    const guardians: [number, PlannedGuardianship['kind']][] = [];
    const father = hasFather ? adult('m', [23, 45]) : undefined;
    if (father !== undefined) guardians.push([father, 'father']);
    if (hasMother) guardians.push([adult('f', [20, 40], demo || faker.datatype.boolean(0.9)), 'mother']);
    if (guardianOnly) guardians.push([adult('f', [45, 68]), 'guardian']);
    for (const [g] of guardians) people.giveContacts(g);

    const fatherName = father === undefined ? undefined : people.plainFirstName(father);
    const children = classIndexes.map((classIndex) => {
      const child = people.add({
        sex: faker.datatype.boolean() ? 'm' : 'f',
        generation: 'child',
        family,
        fatherName: fatherName ?? faker.helpers.arrayElement(['Сергей', 'Андрей', 'Алексей', 'Дмитрий']),
        born: bornInGrade(startYear, gradeOf(classIndex)),
        roles: ['student'],
      });
      classes[classIndex]?.students.push(child);
      for (const [guardian, kind] of guardians) guardianships.push({ guardian, student: child, kind });
      return child;
    });
    return { mother: guardians.find(([, kind]) => kind === 'mother')?.[0] ?? -1, children };
  };

  const olderClass = classes.findIndex(
    (c) => c.grade === gradeOf(demoClass) + 3 && c.letter !== classes[demoClass]?.letter,
  );
  const demoFamily = addFamily([demoClass, olderClass >= 0 ? olderClass : classes.length - 1], true);

  const slots = faker.helpers.shuffle(
    sizes.flatMap((size, classIndex) =>
      Array.from({ length: size - (classes[classIndex]?.students.length ?? 0) }, () => classIndex),
    ),
  );
  const taken = slots.map(() => false);
  slots.forEach((classIndex, i) => {
    if (taken[i]) return;
    taken[i] = true;
    const members = [classIndex];
    if (faker.datatype.boolean(siblingShare)) {
      const j = slots.findIndex((c, k) => k > i && !taken[k] && gradeOf(c) !== gradeOf(classIndex));
      if (j >= 0) {
        taken[j] = true;
        members.push(slots[j] ?? classIndex);
      }
    }
    addFamily(members);
  });
  return { guardianships, parent: demoFamily.mother, student: demoFamily.children[0] ?? -1 };
}
