import { memo, useCallback, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { attendanceKey, markKey, periodKey } from './cell-values.ts';
import type { CellStatus, Entity } from './grid-cells.ts';
import { type Move, useEntity, useGrid } from './grid-context.ts';
import { writable } from './grid-model.ts';

const statusOrder: CellStatus[] = ['saved', 'saving', 'pending', 'error', 'conflict'];

function worst(a: Entity | undefined, b: Entity | undefined): Entity | undefined {
  if (!a) return b;
  if (!b) return a;
  return statusOrder.indexOf(b.status) > statusOrder.indexOf(a.status) ? b : a;
}

/** The store keys a grid cell shows: its mark (or period mark) and, in a lesson's first column, the attendance. */
export function cellKeys(
  columns: ReturnType<typeof useGrid>['model']['columns'],
  studentId: number,
  col: number,
): { main: string; attendance: string | null } {
  const column = columns[col]!;
  if (column.kind === 'period') return { main: periodKey(column.period.id, studentId), attendance: null };
  return {
    main: markKey(column.lesson.id, studentId, column.workKindId),
    attendance: column.first ? attendanceKey(column.lesson.id, studentId) : null,
  };
}

/** One cell of the grid: its value, saving state and, while edited, the input. */
export const GridCell = memo(function GridCell({ row, col }: { row: number; col: number }) {
  const { model, store, focus, t } = useGrid();
  const column = model.columns[col]!;
  const student = model.grid.students[row]!;
  const keys = cellKeys(model.columns, student.id, col);
  const main = useEntity(store, keys.main);
  const attendance = useEntity(store, keys.attendance);
  const subscribeFocus = useCallback(
    (l: () => void) => focus.subscribe(`${row}:${col}`, l),
    [focus, row, col],
  );
  const state = useSyncExternalStore(subscribeFocus, () => focus.stateOf(row, col));
  const ref = useRef<HTMLTableCellElement>(null);

  useLayoutEffect(() => {
    if (state === 'focus' && focus.moveDom) {
      focus.moveDom = false;
      ref.current?.focus({ preventScroll: false });
    }
  }, [state, focus]);

  const member = model.member(row, column);
  const canWrite = writable(model, row, column);
  const status = worst(main, attendance)?.status ?? 'saved';
  const shownStatus = status === 'saved' ? null : t(`journal.status.${status}`);
  const className = [
    'jg-cell',
    member ? '' : 'jg-out',
    canWrite ? '' : 'jg-readonly',
    column.kind === 'period' ? 'jg-period' : '',
    column.kind === 'mark' && column.first ? 'jg-first' : '',
    status === 'saved' ? '' : `jg-${status}`,
  ]
    .filter(Boolean)
    .join(' ');
  const suggestion =
    column.kind === 'period' && column.suggest ? model.suggestions.get(student.id) : undefined;
  const conflict =
    main?.status === 'conflict' ? main : attendance?.status === 'conflict' ? attendance : undefined;

  return (
    <td
      ref={ref}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the WAI-ARIA data grid pattern
      role="gridcell"
      aria-colindex={col + 2}
      aria-readonly={canWrite ? undefined : true}
      tabIndex={state === 'none' ? -1 : 0}
      className={className}
      data-cell={`${row}:${col}`}
      data-date={column.kind === 'mark' ? column.lesson.date : undefined}
      onFocus={(e) => {
        if (e.target === ref.current && focus.stateOf(row, col) === 'none') focus.moveTo(row, col, false);
      }}
    >
      {!member ? (
        <span className="visually-hidden">{t('journal.outOfGroup')}</span>
      ) : state === 'edit' ? (
        <CellEditor row={row} col={col} />
      ) : (
        <>
          {suggestion && suggestion.average !== null && (
            <span className="jg-suggest" title={t('journal.suggestedTitle')}>
              {suggestion.average.toFixed(2)}
              {suggestion.suggested && ` → ${suggestion.suggested}`}
            </span>
          )}
          {attendance?.value ? <span className="jg-att">{attendance.value}</span> : null}
          {main?.value ? <span className="jg-mark">{main.value}</span> : null}
          {main?.comment ? (
            <span className="jg-comment" title={main.comment}>
              <span className="visually-hidden">{t('journal.hasComment', { comment: main.comment })}</span>
            </span>
          ) : null}
          {conflict && (
            <span className="jg-current">
              {t('journal.currentValue', { value: conflict.current?.value || t('journal.empty') })}
            </span>
          )}
          {shownStatus && <span className="visually-hidden">{shownStatus}</span>}
        </>
      )}
    </td>
  );
});

const keyMoves: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', Enter: 'down' };

/** The input of the cell being edited, with its hint when the text is not a valid entry. */
function CellEditor({ row, col }: { row: number; col: number }) {
  const { focus, commit, t } = useGrid();
  const [text, setText] = useState(focus.initial);
  const [hint, setHint] = useState<string | null>(null);
  const hintId = useId();
  const done = useRef(false);

  const finish = (move: Move) => {
    const problem = commit(row, col, text, move);
    if (problem) setHint(problem);
    else done.current = true;
  };

  return (
    <>
      <input
        className="jg-input"
        value={text}
        aria-label={t('journal.cellInput')}
        aria-invalid={hint ? true : undefined}
        aria-describedby={hint ? hintId : undefined}
        autoComplete="off"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the editor opens because the teacher started typing here
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setHint(null);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            done.current = true;
            focus.stopEdit();
          } else if (e.key === 'Tab') {
            e.preventDefault();
            finish(e.shiftKey ? 'left' : 'right');
          } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            e.preventDefault();
            finish(e.key === 'ArrowLeft' ? 'left' : 'right');
          } else if (keyMoves[e.key]) {
            e.preventDefault();
            finish(keyMoves[e.key]!);
          }
        }}
        onBlur={() => {
          if (!done.current && commit(row, col, text, 'stay') === null) done.current = true;
        }}
      />
      {hint && (
        <span id={hintId} className="jg-hint" role="alert">
          {hint}
        </span>
      )}
    </>
  );
}
