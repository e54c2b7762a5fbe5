import { vi } from 'vitest';
import type { Grid } from './journal-api.ts';

/** A grid with one student and one lesson, and a mark «4» at version 3 (`extra` replaces fields). */
export function grid(extra: Partial<Grid> = {}): Grid {
  const period = {
    id: 7,
    name: '2 четверть',
    kind: 'term' as const,
    startsOn: '2026-11-05',
    endsOn: '2026-12-28',
    closed: false,
  };
  return {
    course: {
      id: 1,
      subject: 'Математика',
      group: '5А',
      className: '5А',
      teacher: 'Исакова Ю. И.',
      hoursPerWeek: 5,
      access: 'teacher',
      canEdit: true,
      subjectId: 2,
      classId: 3,
    },
    period,
    periods: [period],
    finalPeriods: [],
    workKinds: [{ id: 9, name: 'Ответ на уроке', shortName: 'Отв', weight: 1 }],
    rules: { scale: 'five', plusMinus: true, twoMarks: false, editWindowDays: 3, marked: true },
    students: [{ id: 11, name: 'Антонов Марк', spans: [{ startsOn: '2026-09-01', endsOn: null }] }],
    lessons: [],
    marks: [{ lessonId: 5, studentId: 11, workKindId: 9, value: '4', comment: null, version: 3 }],
    attendance: [],
    periodMarks: [],
    suggestions: [],
    canSetPeriodMarks: true,
    ...extra,
  };
}

/** What the fake network answers: a status and body, or a lost connection. */
export type Reply = { status: number; body: unknown } | 'network';

/** A fetch that answers from a queue and records each request body. */
export function fakeFetch() {
  const sent: Record<string, unknown>[] = [];
  const replies: Array<(value: Reply) => void> = [];
  const fetch = vi.fn((_path: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body));
    return new Promise((resolve, reject) => {
      replies.push((reply) => {
        if (reply === 'network') reject(new TypeError('Failed to fetch'));
        else
          resolve({
            ok: reply.status < 400,
            status: reply.status,
            json: async () => reply.body,
          });
      });
    });
  });
  /** Answers the oldest request still waiting. */
  const answer = async (reply: Reply) => {
    replies.shift()!(reply);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { fetch, sent, answer };
}
