import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OfflineChange } from '../../contract/offline.ts';
import { ApiError } from '../app/api-error.ts';
import type { Queued } from '../offline/device-db.ts';
import { outbox } from '../offline/outbox.ts';
import type { Draft } from '../offline/outbox-rules.ts';
import { type LessonPage, refreshLessons } from './lessons-api.ts';

/** The lesson page's fields a change made offline may carry, in the order the form shows them. */
export const pageFields = ['planItemId', 'topic', 'lessonKind', 'plan', 'homework', 'homeworkDueOn'] as const;
/** One of the lesson page's fields. */
export type PageField = (typeof pageFields)[number];
/** The page's fields as the server stores them (null: empty). */
export type PageBody = { [F in PageField]: LessonPage[F] };
type AttendanceValue = 'absent' | 'late' | null;

/** The keys the device's queue knows the lesson's changes by. */
export const queueKeys = {
  page: (lessonId: number) => `l:${lessonId}`,
  attendance: (lessonId: number, studentId: number) => `a:${lessonId}:${studentId}`,
  taken: (lessonId: number) => `t:${lessonId}`,
};

/** The course as the queue's indicator names it (as the grid does). */
export function placeOf(lesson: LessonPage): { courseId: number; place: string } {
  return { courseId: lesson.courseId, place: `${lesson.subject}, ${lesson.group}` };
}

/**
 * The page's change for the device: only the fields that differ from what the page loaded, with
 * what it loaded of them as the base (the server compares each); null when nothing changed. `also`:
 * fields a change waiting on the device sets, sent again even if set back to what was loaded.
 */
export function pageDraft(
  lesson: LessonPage,
  body: PageBody,
  editReason: string | null,
  also: readonly PageField[] = [],
): Draft | null {
  const set: Partial<PageBody> = {};
  const base: Partial<PageBody> = {};
  for (const f of pageFields) {
    if (body[f] === lesson[f] && !also.includes(f)) continue;
    Object.assign(set, { [f]: body[f] });
    Object.assign(base, { [f]: lesson[f] });
  }
  if (Object.keys(set).length === 0) return null;
  return {
    kind: 'lessonPage',
    lessonId: lesson.id,
    ...set,
    ...(editReason ? { editReason } : {}),
    base,
  };
}

/** A student's attendance for the device, over what the page loaded (null base: no entry). */
export function attendanceDraft(
  lessonId: number,
  studentId: number,
  value: AttendanceValue,
  stored: { value: 'absent' | 'late'; version: number } | undefined,
  editReason: string | null,
): Draft {
  return {
    kind: 'attendance',
    lessonId,
    studentId,
    value,
    ...(editReason ? { editReason } : {}),
    base: stored ? { value: stored.value, version: stored.version } : null,
  };
}

/** The page fields a queued page change sets, with their values. */
export function pageChangeFields(change: OfflineChange): Partial<PageBody> {
  if (change.kind !== 'lessonPage') return {};
  const out: Partial<PageBody> = {};
  for (const f of pageFields) if (change[f] !== undefined) Object.assign(out, { [f]: change[f] });
  return out;
}

/** The attendance a queued change sets (null: present). */
export function queuedAttendance(entry: Queued): AttendanceValue {
  return entry.change.kind === 'attendance' ? (entry.change.value ?? null) : null;
}

/** Whether a failed save means the connection is gone (not a refusal). */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network';
}

/** What the page knows of the lesson's changes kept on the device. */
export interface LessonQueue {
  /** The queue is loaded (after a reload offline the page waits for it before showing its fields). */
  ready: boolean;
  page: Queued | undefined;
  /** By student. */
  attendance: ReadonlyMap<number, Queued>;
  taken: Queued | undefined;
  /** What the server accepted since the page opened: the page's fields, the attendance. */
  synced: { page: boolean; attendance: boolean };
  /** Whether changes of the lesson can be kept on the device (its course was loaded online here). */
  canKeep(): boolean;
  /** Keeps a change on the device when it can be (the course was loaded online here); false if not. */
  keep(draft: Draft): boolean;
}

/**
 * Joins the lesson page to the device's queue: a checkpoint on an online load by someone who may
 * write, the lesson's queued changes (waiting or refused), and the page reloaded when the server
 * accepts one.
 */
export function useLessonQueue(lesson: LessonPage): LessonQueue {
  const [ready, setReady] = useState(false);
  const [synced, setSynced] = useState({ page: false, attendance: false });
  useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const { id, courseId, canEdit } = lesson;
  useEffect(() => {
    let live = true;
    void outbox.ready().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (canEdit && navigator.onLine) outbox.checkpoint(courseId).catch(() => {});
  }, [courseId, canEdit]);
  useEffect(
    () =>
      outbox.listen((event) => {
        if (event.entry.courseId !== courseId || event.entry.change.lessonId !== id) return;
        if (event.type === 'conflict') return;
        if (event.type === 'applied') {
          const kind = event.entry.change.kind === 'lessonPage' ? 'page' : 'attendance';
          setSynced((s) => ({ ...s, [kind]: true }));
        }
        void refreshLessons();
      }),
    [courseId, id],
  );
  const entries = ready ? outbox.entries(courseId).filter((q) => q.change.lessonId === id) : [];
  const attendance = new Map<number, Queued>();
  for (const q of entries) if (q.change.kind === 'attendance') attendance.set(q.change.studentId, q);
  return {
    ready,
    page: entries.find((q) => q.cellKey === queueKeys.page(id)),
    attendance,
    taken: entries.find((q) => q.cellKey === queueKeys.taken(id)),
    synced,
    canKeep: () => outbox.canQueue(courseId),
    keep(draft) {
      if (!outbox.canQueue(courseId)) return false;
      const key =
        draft.kind === 'lessonPage'
          ? queueKeys.page(id)
          : draft.kind === 'attendance'
            ? queueKeys.attendance(id, draft.studentId)
            : queueKeys.taken(id);
      outbox.enqueue(placeOf(lesson), key, draft);
      setSynced({ page: false, attendance: false });
      return true;
    },
  };
}

/** Whether the browser believes it has a connection, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
