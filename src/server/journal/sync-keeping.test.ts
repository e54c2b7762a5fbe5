import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { keepingSchool } from '../reports/keeping.test-helpers.ts';
import { lessonProblems } from '../reports/keeping.ts';
import { resolveReportScope } from '../reports/report-scope.ts';
import { ctxAs } from '../timetable/timetable.test-helpers.ts';
import { testDevice } from './sync.test-helpers.ts';
import { syncChanges } from './sync-changes.ts';

describe.each(engines())('offline changes in «Ведение журнала» on $name', (engine) => {
  let database: Database;
  let db: Kysely<DB>;
  let s: Awaited<ReturnType<typeof keepingSchool>>;

  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    s = await keepingSchool(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('judges an entry made on time offline by when it was made, not when it arrived', async () => {
    const teacher = ctxAs(db, s.people.mathT.id, s.schoolId, ['teacher']);
    // The teacher loaded 6Б's course on the morning of Monday 05.10 and worked offline in lesson 1.
    const d = await testDevice(db, s.people.mathT.id, s.courses.math6, '2026-10-05T04:00:00.000Z');
    // 5А's course was never loaded on this device: its change counts as made when it arrived.
    const unloaded = await testDevice(db, s.people.mathT.id, s.courses.math6, '2026-10-05T04:00:00.000Z');
    const inLesson = '2026-10-05T05:45:00.000Z';
    const editReason = 'Урок шёл без связи';
    const { results } = await syncChanges(teacher, {
      deviceId: d.deviceId,
      changes: [
        { ...d.change({ kind: 'attendanceTaken', lessonId: s.lessons.l7, editReason }), madeAt: inLesson },
        {
          ...d.change({
            kind: 'lessonPage',
            lessonId: s.lessons.l7,
            topic: 'Дроби',
            base: { topic: null },
            editReason,
          }),
          madeAt: inLesson,
        },
      ],
    });
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const other = await syncChanges(teacher, {
      deviceId: unloaded.deviceId,
      changes: [
        {
          ...unloaded.change({ kind: 'attendanceTaken', lessonId: s.lessons.l3, editReason }),
          madeAt: inLesson,
        },
      ],
    });
    expect(other.results[0]).toMatchObject({ status: 'applied', clamped: true });

    const scope = await resolveReportScope(ctxAs(db, s.people.deputy.id, s.schoolId, ['deputy']), {
      from: '2026-09-01',
      to: '2026-10-31',
    });
    const byId = new Map((await lessonProblems(db, scope)).map((p) => [p.lessonId, p]));
    expect(byId.get(s.lessons.l7)).toMatchObject({ missing: ['homework'], late: [] });
    expect(byId.get(s.lessons.l3)?.late).toContain('attendance');
  });
});
