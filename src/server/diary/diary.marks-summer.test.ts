import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { addDays } from '../../domain/school-days.ts';
import { today } from '../access/relationships.queries.ts';
import type { Database } from '../db/database.ts';
import { diarySchool } from './diary.test-helpers.ts';

describe.each(engines())('marks of a student out of school today on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let s: Awaited<ReturnType<typeof diarySchool>>;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database);
    s = await diarySchool(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers with the latest class (was a 500 on PostgreSQL: the year 0000 is no date there)', async () => {
    // The summer: every membership of the student ended yesterday.
    await database.db
      .updateTable('groupMemberships')
      .set({ endsOn: addDays(today(), -1) })
      .where('studentId', '=', s.diary.grigoriev.id)
      .execute();
    const parent = await signIn(app, s.people.parent.login);
    const res = await parent.get(`/api/diary/${s.diary.grigoriev.id}/marks`);
    expect(res.statusCode).toBe(200);
    expect(res.json().student.className).toBe('5А');
  });
});
