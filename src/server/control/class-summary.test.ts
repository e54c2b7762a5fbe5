import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildPerson, enroll } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { getClassSummary } from './class-summary.ts';
import { controlSchool } from './control.test-helpers.ts';

describe.each(engines())('the class summary on $name', (engine) => {
  let database: Database;
  let s: Awaited<ReturnType<typeof controlSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    s = await controlSchool(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  /** Runs the summary as the class teacher, counting the queries it makes. */
  async function counted() {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counter);
    const summary = await getClassSummary(
      ctxAs(db, s.people.classT.id, s.schoolId, ['teacher']),
      s.c5.classId,
      s.periods.q1,
    );
    return { summary, queries };
  }

  it('makes as many queries for a class of thirty as for a class of three: none per student', async () => {
    const small = await counted();
    expect(small.summary.students).toHaveLength(3);
    expect(small.queries).toBeGreaterThan(0);
    for (let i = 0; i < 27; i++) {
      const student = await buildPerson(database.db, {
        schoolId: s.schoolId,
        roles: ['student'],
        lastName: `Ученик${String(i).padStart(2, '0')}`,
        account: false,
      });
      await enroll(database.db, { schoolId: s.schoolId, groupId: s.c5.groupId, studentId: student.id });
      await database.db
        .insertInto('marks')
        .values({
          schoolId: s.schoolId,
          lessonId: s.lessons.math0907,
          studentId: student.id,
          workKindId: s.kind('Отв'),
          value: String((i % 4) + 2),
          createdBy: s.people.mathT.id,
        })
        .execute();
    }
    const big = await counted();
    expect(big.summary.students).toHaveLength(30);
    expect(big.queries).toBe(small.queries);
    const marked = big.summary.students.filter((st) => st.name.startsWith('Ученик'));
    expect(marked.every((st) => st.cells[0]!.marks === 1 && st.cells[0]!.average !== null)).toBe(true);
  });
});
