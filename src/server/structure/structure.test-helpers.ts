import type { Kysely } from 'kysely';
import { buildClass, buildPerson, buildSchool, enroll } from '../../../test/factories.ts';
import { systemCtx } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { writeSubgroups } from './create-subgroups.ts';

/** A subject of a school. */
export async function buildSubject(db: Kysely<DB>, schoolId: number, name = 'Английский язык') {
  const row = await db
    .insertInto('subjects')
    .values({ schoolId, name, shortName: name.slice(0, 4) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A school with an administrator, the class teachers of 5А and 5Б, a subject teacher, a parent,
 * three students in each class and English subgroups of 5А and 5Б (students 1–2 in «1 группа»,
 * student 3 in «2 группа», from 1 September 2026).
 */
export async function buildStructureSchool(db: Kysely<DB>) {
  const { schoolId, yearId } = await buildSchool(db);
  const admin = await buildPerson(db, { schoolId, roles: ['admin'] });
  const teacherA = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Орлова' });
  const teacherB = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Белов' });
  const subjectTeacher = await buildPerson(db, { schoolId, roles: ['teacher'], lastName: 'Смирнов' });
  const director = await buildPerson(db, { schoolId, roles: ['director'] });
  const parent = await buildPerson(db, { schoolId, roles: ['parent'] });
  const a = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'А', classTeacherId: teacherA.id });
  const b = await buildClass(db, { schoolId, yearId, grade: 5, letter: 'Б', classTeacherId: teacherB.id });
  const students = async (groupId: number, names: string[]) => {
    const ids: number[] = [];
    for (const lastName of names) {
      const s = await buildPerson(db, { schoolId, roles: ['student'], lastName, account: false });
      await enroll(db, { schoolId, groupId, studentId: s.id });
      ids.push(s.id);
    }
    return ids;
  };
  const studentsA = await students(a.groupId, ['Абрамов', 'Борисова', 'Волков']);
  const studentsB = await students(b.groupId, ['Глебов', 'Демидова', 'Егоров']);
  const english = await buildSubject(db, schoolId);
  await db
    .insertInto('guardianships')
    .values({ schoolId, guardianId: parent.id, studentId: studentsA[0] ?? -1, kind: 'mother' })
    .execute();
  const split = (classId: number, ids: number[]) =>
    db.transaction().execute((trx) =>
      writeSubgroups(trx, systemCtx(db), {
        classId,
        subjectId: english,
        startsOn: '2026-09-01',
        groups: [
          { name: '1 группа', teacherId: subjectTeacher.id, hoursPerWeek: 3, studentIds: ids.slice(0, 2) },
          { name: '2 группа', teacherId: subjectTeacher.id, hoursPerWeek: 3, studentIds: ids.slice(2) },
        ],
      }),
    );
  const subgroupsA = await split(a.classId, studentsA);
  const subgroupsB = await split(b.classId, studentsB);
  return {
    schoolId,
    yearId,
    admin,
    teacherA,
    teacherB,
    subjectTeacher,
    director,
    parent,
    a,
    b,
    studentsA,
    studentsB,
    english,
    subgroupsA,
    subgroupsB,
  };
}

/** A student's memberships of some groups, oldest first, without ids. */
export async function historyOf(db: Kysely<DB>, studentId: number, groupIds: number[]) {
  return db
    .selectFrom('groupMemberships')
    .select(['groupId', 'startsOn', 'endsOn'])
    .where('studentId', '=', studentId)
    .where('groupId', 'in', groupIds)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
}
