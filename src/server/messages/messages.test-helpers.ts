import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Client, signIn } from '../../../test/app.ts';
import {
  buildClass,
  buildCourse,
  buildPerson,
  buildSchool,
  enroll,
  linkGuardian,
} from '../../../test/factories.ts';
import type { Role } from '../../domain/roles.ts';
import type { DB } from '../db/schema.ts';

/**
 * A school for messages: 5А (class teacher Классова; mathematics by Математикова, physics by
 * Безучётнова who has no account) with Алексеева (parent Алексеев; she has a student account)
 * and Борисов (parent Борисова); 6Б (class teacher Другова) with Васильева (parent Васильев);
 * Случайнова teaches nothing; a deputy; and a teacher of another school.
 */
export async function messagesSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const person = (lastName: string, roles: Role[], account = true) =>
    buildPerson(db, { schoolId, roles, lastName, firstName: 'Анна', middleName: '', account });
  const people = {
    classT: await person('Классова', ['teacher']),
    otherClassT: await person('Другова', ['teacher']),
    mathT: await person('Математикова', ['teacher']),
    noAccountT: await person('Безучётнова', ['teacher'], false),
    randomT: await person('Случайнова', ['teacher']),
    deputy: await person('Завучева', ['deputy']),
    parent1: await person('Алексеев', ['parent']),
    parent2: await person('Борисова', ['parent']),
    parent3: await person('Васильев', ['parent']),
    student1: await person('Алексеева', ['student']),
    student2: await person('Борисов', ['student']),
    student3: await person('Васильева', ['student']),
  };
  const c5 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 5,
    letter: 'А',
    classTeacherId: people.classT.id,
  });
  const c6 = await buildClass(db, {
    schoolId,
    yearId,
    grade: 6,
    letter: 'Б',
    classTeacherId: people.otherClassT.id,
  });
  for (const s of [people.student1, people.student2])
    await enroll(db, { schoolId, groupId: c5.groupId, studentId: s.id });
  await enroll(db, { schoolId, groupId: c6.groupId, studentId: people.student3.id });
  await linkGuardian(db, { schoolId, guardianId: people.parent1.id, studentId: people.student1.id });
  await linkGuardian(db, { schoolId, guardianId: people.parent2.id, studentId: people.student2.id });
  await linkGuardian(db, { schoolId, guardianId: people.parent3.id, studentId: people.student3.id });
  await buildCourse(db, { schoolId, yearId, groupId: c5.groupId, teacherId: people.mathT.id });
  const physics = await buildCourse(db, {
    schoolId,
    yearId,
    groupId: c5.groupId,
    teacherId: people.noAccountT.id,
  });
  const course = await db
    .selectFrom('courses')
    .select('subjectId')
    .where('id', '=', physics)
    .executeTakeFirstOrThrow();
  await db.updateTable('subjects').set({ name: 'Физика' }).where('id', '=', course.subjectId).execute();
  const other = await buildSchool(db);
  const foreignT = await buildPerson(db, {
    schoolId: other.schoolId,
    roles: ['teacher'],
    lastName: 'Чужова',
  });
  return { schoolId, yearId, c5, c6, people: { ...people, foreignT } };
}

/** The world's people signed in. */
export async function signInAll(app: FastifyInstance, s: Awaited<ReturnType<typeof messagesSchool>>) {
  const entries = await Promise.all(
    Object.entries(s.people)
      .filter(([name]) => name !== 'noAccountT')
      .map(async ([name, p]) => [name, await signIn(app, p.login)] as const),
  );
  return Object.fromEntries(entries) as Record<Exclude<keyof typeof s.people, 'noAccountT'>, Client>;
}
