import { type KeyboardEvent, memo } from 'react';
import { Link } from 'wouter';
import type { MessageKey } from '../i18n/ru.ts';
import { GridCell } from './grid-cell.tsx';
import { useGrid } from './grid-context.ts';
import { writable } from './grid-model.ts';
import { dayMonth, type GridLesson } from './journal-api.ts';

/** What the grid asks of its page: lesson header actions and the focused cell's dialogs. */
export interface GridActions {
  onAttendanceTaken: (lesson: GridLesson) => void;
  onAddColumn: (lesson: GridLesson) => void;
  onComment: () => void;
  onHistory: () => void;
}

const GridRow = memo(function GridRow({ row }: { row: number }) {
  const { model } = useGrid();
  const student = model.grid.students[row]!;
  return (
    <tr aria-rowindex={row + 4}>
      <th scope="row" aria-colindex={1} className="jg-student">
        <span className="jg-no">{row + 1}</span> {student.name}
      </th>
      {model.columns.map((_, col) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions of a fixed layout
        <GridCell key={col} row={row} col={col} />
      ))}
    </tr>
  );
});

/** The journal grid: sticky students and header (months, dates, work kinds), one cell per mark column. */
export function GridTable({ actions, caption }: { actions: GridActions; caption: string }) {
  const { model, focus, commit, move, store, t } = useGrid();
  const { grid, columns } = model;
  const lessonCols = columns.filter((c) => c.kind === 'mark').length;

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'gridcell') return;
    const { row, col } = focus;
    const arrows: Record<string, 'up' | 'down' | 'left' | 'right'> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
    };
    if (arrows[e.key]) {
      e.preventDefault();
      move(arrows[e.key]!);
    } else if (e.key === 'Tab') {
      const edge = e.shiftKey
        ? row === 0 && col === 0
        : row === grid.students.length - 1 && col === columns.length - 1;
      if (edge) return;
      e.preventDefault();
      move(e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      actions.onComment();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      move('down');
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focus.moveTo(row, e.key === 'Home' ? 0 : columns.length - 1);
    } else if (e.altKey && e.code === 'KeyH') {
      e.preventDefault();
      actions.onHistory();
    } else if (!writable(model, row, columns[col]!)) {
      return;
    } else if (e.key === 'F2') {
      e.preventDefault();
      const column = columns[col]!;
      const student = grid.students[row]!.id;
      const key =
        column.kind === 'period'
          ? `p:${column.period.id}:${student}`
          : `m:${column.lesson.id}:${student}:${column.workKindId}`;
      focus.startEdit(store.get(key)?.value ?? '');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      commit(row, col, '', 'stay');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== ' ') {
      e.preventDefault();
      focus.startEdit(e.key);
    }
  };

  return (
    <table
      className="jg"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern on a table
      role="grid"
      aria-label={caption}
      aria-rowcount={grid.students.length + 3}
      aria-colcount={columns.length + 1}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr aria-rowindex={1} className="jg-months">
          <th rowSpan={3} aria-colindex={1} className="jg-corner" scope="col">
            {t('journal.student')}
          </th>
          {(() => {
            let at = 2;
            return model.months.map((m, i) => {
              const index = at;
              at += m.span;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: months are in date order and may repeat
                <th key={i} colSpan={m.span} aria-colindex={index} scope="colgroup">
                  <span className="jg-month">{t(`journal.month${m.month}` as MessageKey)}</span>
                </th>
              );
            });
          })()}
          {columns.slice(lessonCols).map((c, i) =>
            c.kind === 'period' ? (
              <th
                key={c.period.id}
                rowSpan={3}
                aria-colindex={lessonCols + i + 2}
                className="jg-period-head"
                scope="col"
              >
                {c.suggest ? t('journal.periodColumn', { name: c.period.name }) : c.period.name}
              </th>
            ) : null,
          )}
        </tr>
        <tr aria-rowindex={2} className="jg-dates">
          {columns.map((c, i) =>
            c.kind === 'mark' && c.first ? (
              <LessonHead
                key={c.lesson.id}
                lesson={c.lesson}
                span={c.span}
                colIndex={i + 2}
                actions={actions}
              />
            ) : null,
          )}
        </tr>
        <tr aria-rowindex={3} className="jg-kinds">
          {columns.map((c, i) =>
            c.kind === 'mark' ? (
              <th key={`${c.lesson.id}-${c.workKindId}`} aria-colindex={i + 2} scope="col">
                <span className="visually-hidden">{dayMonth(c.lesson.date)} </span>
                {model.kindShort.get(c.workKindId) ?? ''}
              </th>
            ) : null,
          )}
        </tr>
      </thead>
      <tbody>
        {grid.students.map((s, row) => (
          <GridRow key={s.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function LessonHead({
  lesson,
  span,
  colIndex,
  actions,
}: {
  lesson: GridLesson;
  span: number;
  colIndex: number;
  actions: GridActions;
}) {
  const { t, model } = useGrid();
  const date = dayMonth(lesson.date);
  const canAdd = lesson.canEdit && model.grid.rules.marked && !model.grid.period.closed;
  return (
    <th colSpan={span} aria-colindex={colIndex} scope="colgroup" className="jg-date">
      <Link href={`/lessons/${lesson.id}`} className="jg-date-link" title={lesson.topic ?? undefined}>
        {date}
        <span className="visually-hidden">{t('journal.lessonNo', { n: lesson.lessonNumber })}</span>
      </Link>
      <span className="jg-head-actions">
        <input
          type="checkbox"
          checked={lesson.attendanceTaken}
          disabled={lesson.attendanceTaken || !lesson.canEdit || model.grid.period.closed}
          aria-label={t('journal.attendanceTaken', { date })}
          title={t('journal.attendanceTaken', { date })}
          onChange={() => actions.onAttendanceTaken(lesson)}
        />
        {canAdd && (
          <button
            type="button"
            className="jg-add"
            aria-label={t('journal.addColumn', { date })}
            title={t('journal.addColumn', { date })}
            onClick={() => actions.onAddColumn(lesson)}
          >
            +
          </button>
        )}
      </span>
    </th>
  );
}
