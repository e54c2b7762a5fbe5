import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { attendanceColumnSaved, columnsSaved } from '../../contract/journal.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { onUnlocked } from '../app/lock-screen-state.ts';
import { useT } from '../i18n/use-t.ts';
import { outbox } from '../offline/outbox.ts';
import { glyphAttendance } from './cell-values.ts';
import { FocusStore } from './focus-store.ts';
import { cellKeys } from './grid-cell.tsx';
import { planCommit } from './grid-commit.ts';
import { GridContext, type GridContextValue, type Move } from './grid-context.ts';
import { AddColumnDialog, CommentDialog, HistoryDialog, ReasonDialog } from './grid-dialogs.tsx';
import { buildModel, startColumn, writable } from './grid-model.ts';
import { GridStore } from './grid-store.ts';
import { type GridActions, GridTable } from './grid-table.tsx';
import { dayMonth, type Grid, type GridLesson, gridPath, todayIso } from './journal-api.ts';
import { SaveBanner } from './save-banner.tsx';
import { offlineLink, useOfflineGrid } from './use-offline-grid.ts';

type Open =
  | { kind: 'reason'; proceed: () => void }
  | { kind: 'comment'; key: string; mark: string; comment: string | null }
  | { kind: 'history'; title: string; queries: { label: string; query: string }[] }
  | { kind: 'column'; lesson: GridLesson; error: string | null }
  | null;

/** The grid of one course and period, with its store of cells, focus, saves and dialogs. */
export function JournalGrid({
  grid: initial,
  lessonId,
  periodId,
}: {
  grid: Grid;
  lessonId: number | null;
  /** The period asked for in the address (null: the current one), as the grid was read. */
  periodId: number | null;
}) {
  const t = useT();
  const [grid, setGrid] = useState(initial);
  const model = useMemo(() => buildModel(grid), [grid]);
  const [store] = useState(() => new GridStore(initial, offlineLink(initial.course.id, placeOf(initial))));
  const [focus] = useState(() => new FocusStore(0, startColumn(buildModel(initial), lessonId, todayIso())));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const markTakenOffline = useCallback(
    (ids: number[]) =>
      setGrid((g) => ({
        ...g,
        lessons: g.lessons.map((l) => (ids.includes(l.id) ? { ...l, attendanceTaken: true } : l)),
      })),
    [],
  );
  useOfflineGrid(
    store,
    initial.course.id,
    gridPath(initial.course.id, periodId),
    initial.lessons.some((l) => l.canEdit),
    markTakenOffline,
  );

  useEffect(() => {
    store.onReasonNeeded = () => setOpen({ kind: 'reason', proceed: () => store.resendRefused() });
    const onOnline = () => store.retryAll();
    window.addEventListener('online', onOnline);
    // Cells refused while the session was locked go again the moment it is unlocked.
    const offUnlocked = onUnlocked(onOnline);
    return () => {
      offUnlocked();
      window.removeEventListener('online', onOnline);
      store.dispose();
    };
  }, [store]);

  const move = useCallback(
    (to: Move) => {
      const rows = grid.students.length;
      const cols = model.columns.length;
      let { row, col } = focus;
      if (to === 'up') row = Math.max(0, row - 1);
      if (to === 'down') row = Math.min(rows - 1, row + 1);
      if (to === 'left') {
        if (col > 0) col -= 1;
        else if (row > 0) [row, col] = [row - 1, cols - 1];
      }
      if (to === 'right') {
        if (col < cols - 1) col += 1;
        else if (row < rows - 1) [row, col] = [row + 1, 0];
      }
      if (to === 'stay') focus.stopEdit(false);
      else focus.moveTo(row, col);
    },
    [focus, grid.students.length, model.columns.length],
  );

  const commit = useCallback(
    (row: number, col: number, text: string, to: Move): string | null => {
      if (!writable(model, row, model.columns[col]!)) return t('journal.readOnlyCell');
      const plan = planCommit(model, store, t, row, col, text);
      if ('hint' in plan) return plan.hint;
      if (plan.needsReason && store.editReason === null) {
        focus.stopEdit(false);
        setOpen({
          kind: 'reason',
          proceed: () => {
            plan.apply();
            focus.moveTo(row, col);
            move(to);
          },
        });
        return null;
      }
      plan.apply();
      move(to);
      return null;
    },
    [model, store, t, focus, move],
  );

  const context = useMemo<GridContextValue>(
    () => ({ model, store, focus, t, commit, move }),
    [model, store, focus, t, commit, move],
  );

  const focusedCell = () => {
    const student = grid.students[focus.row]!;
    const column = model.columns[focus.col]!;
    return { student, column, keys: cellKeys(model.columns, student.id, focus.col) };
  };

  const actions: GridActions = {
    onAttendanceTaken: (lesson) => {
      // List the absences shown now, so the column confirms them rather than clearing them.
      const entries = grid.students.flatMap((s) => {
        const e = store.get(`a:${lesson.id}:${s.id}`);
        if (!e?.value) return [];
        const { value, reason } = glyphAttendance(e.value);
        return value ? [{ studentId: s.id, value, reason, version: e.version }] : [];
      });
      // The box is ticked at once and unticked again if the server refuses.
      const markTaken = (taken: boolean) =>
        setGrid((g) => ({
          ...g,
          lessons: g.lessons.map((l) => (l.id === lesson.id ? { ...l, attendanceTaken: taken } : l)),
        }));
      markTaken(true);
      const keepOnDevice = () => {
        if (!outbox.canQueue(grid.course.id)) return false;
        outbox.enqueue({ courseId: grid.course.id, place: placeOf(grid) }, `t:${lesson.id}`, {
          kind: 'attendanceTaken',
          lessonId: lesson.id,
          ...(store.editReason ? { editReason: store.editReason } : {}),
        });
        setNotice(t('journal.attendanceKept', { date: dayMonth(lesson.date) }));
        return true;
      };
      if (!navigator.onLine && keepOnDevice()) return;
      apiPost<z.infer<typeof attendanceColumnSaved>>(`/api/journal/lessons/${lesson.id}/attendance`, {
        entries,
        editReason: store.editReason ?? undefined,
      }).then(
        (answer) => {
          store.absorbAttendance(answer.cells);
          setNotice(t('journal.attendanceSaved', { date: dayMonth(lesson.date) }));
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'network' && keepOnDevice()) return;
          markTaken(false);
          setNotice(error instanceof ApiError ? error.message : t('journal.loadFailed'));
        },
      );
    },
    onAddColumn: (lesson) => setOpen({ kind: 'column', lesson, error: null }),
    onComment: () => {
      const { column, keys } = focusedCell();
      const mark = store.get(keys.main);
      if (column.kind !== 'mark' || !writable(model, focus.row, column)) return;
      if (!mark?.value || glyphAttendance(mark.value).value) {
        setNotice(t('journal.commentNeedsMark'));
        return;
      }
      setOpen({ kind: 'comment', key: keys.main, mark: mark.value, comment: mark.comment });
    },
    onHistory: () => {
      const { student, column } = focusedCell();
      if (column.kind === 'period') {
        const query = `kind=periodMark&studentId=${student.id}&periodId=${column.period.id}&subjectId=${grid.course.subjectId}`;
        setOpen({
          kind: 'history',
          title: t('journal.historyOf', { name: student.name, what: column.period.name }),
          queries: [{ label: t('journal.historyPeriodMark'), query }],
        });
        return;
      }
      const lesson = `studentId=${student.id}&lessonId=${column.lesson.id}`;
      const queries = [
        { label: t('journal.historyMark'), query: `kind=mark&${lesson}&workKindId=${column.workKindId}` },
      ];
      if (column.first)
        queries.push({ label: t('journal.historyAttendance'), query: `kind=attendance&${lesson}` });
      setOpen({
        kind: 'history',
        title: t('journal.historyOf', { name: student.name, what: dayMonth(column.lesson.date) }),
        queries,
      });
    },
  };

  const closeDialog = () => {
    setOpen(null);
    focus.moveTo(focus.row, focus.col);
  };
  const addColumn = (lesson: GridLesson, workKindId: number) => {
    apiPost<z.infer<typeof columnsSaved>>(`/api/journal/lessons/${lesson.id}/columns`, {
      workKindId,
      editReason: store.editReason ?? undefined,
    }).then(
      (answer) => {
        setGrid((g) => ({
          ...g,
          lessons: g.lessons.map((l) => (l.id === lesson.id ? { ...l, columns: answer.columns } : l)),
        }));
        closeDialog();
      },
      (error: unknown) => {
        // Past the edit window the column takes the reason the cells take: ask for it once, then add.
        if (error instanceof ApiError && error.fields.editReason && store.editReason === null) {
          setOpen({ kind: 'reason', proceed: () => addColumn(lesson, workKindId) });
          return;
        }
        setOpen({
          kind: 'column',
          lesson,
          error: error instanceof ApiError ? error.message : t('journal.loadFailed'),
        });
      },
    );
  };
  const readOnly = !grid.lessons.some((l) => l.canEdit) && !grid.canSetPeriodMarks;

  return (
    <GridContext.Provider value={context}>
      <UnloadGuard store={store} />
      <SaveBanner
        store={store}
        onKeepMine={(key) => {
          if (store.refusal(key)?.reason === 'editWindow' && store.editReason === null)
            setOpen({ kind: 'reason', proceed: () => store.keepMine(key) });
          else store.keepMine(key);
        }}
      />
      {notice && (
        <p className="jg-notice" role="status">
          {notice}
        </p>
      )}
      {grid.period.closed && <p className="jg-notice">{t('journal.periodClosed')}</p>}
      {readOnly && <p className="jg-notice">{t('journal.readOnly')}</p>}
      <div className="jg-toolbar">
        <button type="button" className="button" onClick={actions.onHistory} aria-keyshortcuts="Alt+H">
          {t('journal.history')}
        </button>
        {!readOnly && (
          <button
            type="button"
            className="button"
            onClick={actions.onComment}
            aria-keyshortcuts="Shift+Enter"
          >
            {t('journal.commentButton')}
          </button>
        )}
        <p className="jg-legend">{t(readOnly ? 'journal.legendRead' : 'journal.legend')}</p>
      </div>
      <p className="jg-phone-note">{t('journal.phoneNote')}</p>
      {grid.students.length === 0 ? (
        <p className="panel">{t('journal.noStudents')}</p>
      ) : grid.lessons.length === 0 ? (
        <p className="panel">{t('journal.noLessons')}</p>
      ) : null}
      {grid.students.length > 0 && (
        <div className="jg-scroll">
          <GridTable
            actions={actions}
            caption={t('journal.gridLabel', {
              subject: grid.course.subject,
              group: grid.course.group,
              period: grid.period.name,
            })}
          />
        </div>
      )}
      {open?.kind === 'reason' && (
        <ReasonDialog
          onCancel={closeDialog}
          onDone={(reason) => {
            store.editReason = reason;
            setOpen(null);
            open.proceed();
          }}
        />
      )}
      {open?.kind === 'comment' && (
        <CommentDialog
          mark={open.mark}
          comment={open.comment}
          onCancel={closeDialog}
          onSave={(comment) => {
            store.set(open.key, 'mark', open.mark, comment);
            closeDialog();
          }}
        />
      )}
      {open?.kind === 'history' && (
        <HistoryDialog title={open.title} queries={open.queries} onClose={closeDialog} />
      )}
      {open?.kind === 'column' && (
        <AddColumnDialog
          date={dayMonth(open.lesson.date)}
          kinds={grid.workKinds.filter((k) => !open.lesson.columns.includes(k.id))}
          error={open.error}
          onCancel={closeDialog}
          onAdd={(workKindId) => addColumn(open.lesson, workKindId)}
        />
      )}
    </GridContext.Provider>
  );
}

/** The course as the offline indicator names it. */
function placeOf(grid: Grid): string {
  return `${grid.course.subject}, ${grid.course.group}`;
}

/** Asks the browser to warn before leaving while any cell is unsaved (re-renders only itself). */
function UnloadGuard({ store }: { store: GridStore }) {
  const unsaved = useSyncExternalStore(store.subscribeUnsaved, store.unsavedCount);
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return null;
}
