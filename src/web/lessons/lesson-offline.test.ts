import { describe, expect, it } from 'vitest';
import { offlineChange } from '../../contract/offline.ts';
import type { Draft } from '../offline/outbox-rules.ts';
import { attendanceDraft, type PageBody, pageChangeFields, pageDraft } from './lesson-offline.ts';
import type { LessonPage } from './lessons-api.ts';

const loaded = {
  id: 41,
  courseId: 7,
  subject: 'Математика',
  group: '5А',
  date: '2026-11-24',
  lessonNumber: 2,
  teacher: 'Иванова Анна Петровна',
  substitute: null,
  topic: 'Дроби',
  lessonKind: null,
  plan: null,
  homework: '§ 6',
  homeworkDueOn: null,
  planItemId: 3,
  planTopics: [],
  files: [],
  canEdit: true,
  needsReason: false,
} satisfies LessonPage;

const fieldsOf = (l: LessonPage): PageBody => ({
  topic: l.topic,
  lessonKind: l.lessonKind,
  plan: l.plan,
  homework: l.homework,
  homeworkDueOn: l.homeworkDueOn,
  planItemId: l.planItemId,
});

/** The draft as the queue sends it, checked against the sync contract. */
const sent = (draft: Draft) =>
  offlineChange.parse({
    ...draft,
    id: crypto.randomUUID(),
    seq: 1,
    madeAt: '2026-11-24T10:00:00+03:00',
    checkpointId: 5,
  });

describe('the lesson page’s changes for the device', () => {
  it('carries only the changed fields, each with what the page loaded as its base', () => {
    const draft = pageDraft(
      loaded,
      { ...fieldsOf(loaded), homework: '§ 7, упр. 3', homeworkDueOn: '2026-11-26' },
      null,
    );
    expect(sent(draft!)).toMatchObject({
      kind: 'lessonPage',
      lessonId: 41,
      homework: '§ 7, упр. 3',
      homeworkDueOn: '2026-11-26',
      base: { homework: '§ 6', homeworkDueOn: null },
    });
    expect(Object.keys(pageChangeFields(sent(draft!))).sort()).toEqual(['homework', 'homeworkDueOn']);
  });

  it('is nothing when nothing changed, unless a change waiting on the device set a field (set back now)', () => {
    expect(pageDraft(loaded, fieldsOf(loaded), null)).toBeNull();
    const back = pageDraft(loaded, fieldsOf(loaded), 'Дописал после урока', ['topic']);
    expect(sent(back!)).toMatchObject({
      topic: 'Дроби',
      base: { topic: 'Дроби' },
      editReason: 'Дописал после урока',
    });
  });

  it('an attendance change has the loaded entry as its base, null when the student was present', () => {
    expect(sent(attendanceDraft(41, 9, 'absent', undefined, null))).toMatchObject({
      kind: 'attendance',
      value: 'absent',
      base: null,
    });
    expect(sent(attendanceDraft(41, 9, null, { value: 'late', version: 2 }, null))).toMatchObject({
      value: null,
      base: { value: 'late', version: 2 },
    });
  });
});
