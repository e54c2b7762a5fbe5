import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/use-t.ts';
import { outbox } from '../offline/outbox.ts';
import { useGrid } from './grid-context.ts';
import type { GridStore } from './grid-store.ts';

/** The count of unsaved cells, and each conflict or refusal with what to do about it. */
export function SaveBanner({
  store,
  onKeepMine,
}: {
  store: GridStore;
  /** «Оставить моё»: the grid asks for the edit window's reason first where the server wants one. */
  onKeepMine: (key: string) => void;
}) {
  const t = useT();
  const { model } = useGrid();
  useSyncExternalStore(store.subscribeUnsaved, store.unsavedStamp);
  const cells = store.unsavedCells();
  const waiting = cells.filter((c) => c.status === 'pending' || c.status === 'saving').length;
  const conflicts = cells.filter((c) => c.status === 'conflict');
  const errors = cells.filter((c) => c.status === 'error');
  const students = new Map(model.grid.students.map((s) => [s.id, s.name]));
  const lessons = new Map(model.grid.lessons.map((l) => [l.id, l.date]));
  const periods = new Map([model.grid.period, ...model.grid.finalPeriods].map((p) => [p.id, p.name]));
  // Keys are m:lesson:student:kind, a:lesson:student and p:period:student.
  const describe = ({ key }: { key: string }) => {
    const [kind, id, studentId] = key.split(':');
    const where =
      kind === 'p'
        ? periods.get(Number(id))
        : (lessons.get(Number(id)) ?? '').split('-').reverse().slice(0, 2).join('.');
    return `${students.get(Number(studentId)) ?? ''}, ${where ?? ''}`;
  };
  const pending = cells.some((c) => c.status === 'pending');
  const onDevice = pending && outbox.canQueue(model.grid.course.id);
  return (
    <div className="jg-banner-box">
      <p className={cells.length ? 'jg-banner jg-banner-on' : 'jg-banner'} role="status">
        {cells.length === 0
          ? t('journal.allSaved')
          : t(onDevice ? 'journal.unsavedDevice' : pending ? 'journal.unsavedOffline' : 'journal.unsaved', {
              count: cells.length,
              waiting,
            })}
        {pending && (
          <button type="button" className="button button-quiet" onClick={() => store.retryAll()}>
            {t('journal.retryNow')}
          </button>
        )}
      </p>
      {conflicts.length > 0 && (
        <ul className="jg-conflicts" aria-label={t('journal.conflicts')}>
          {conflicts.map((c) => {
            const refusal = store.refusal(c.key);
            // Sending again can succeed only over another's change or with the edit window's reason.
            const mayKeep =
              !refusal ||
              (!refusal.hidden && (refusal.reason === 'cellChanged' || refusal.reason === 'editWindow'));
            return (
              <li key={c.key} className="jg-conflict-item">
                {refusal?.hidden
                  ? t('journal.conflictHidden', { cell: describe(c), mine: c.value || t('journal.empty') })
                  : t('journal.conflictText', {
                      cell: describe(c),
                      mine: c.value || t('journal.empty'),
                      current: c.current?.value || t('journal.empty'),
                    })}{' '}
                {c.message && refusal && <span className="jg-conflict-why">{c.message} </span>}
                {mayKeep && (
                  <>
                    <button type="button" className="button" onClick={() => onKeepMine(c.key)}>
                      {t('journal.keepMine', { value: c.value || t('journal.empty') })}
                    </button>{' '}
                  </>
                )}
                <button type="button" className="button" onClick={() => store.takeCurrent(c.key)}>
                  {refusal?.hidden
                    ? t('journal.dropMine', { value: c.value || t('journal.empty') })
                    : t('journal.takeCurrent', { value: c.current?.value || t('journal.empty') })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {errors.length > 0 && (
        <ul className="jg-errors" role="alert">
          {errors.map((c) => (
            <li key={c.key}>
              {describe(c)}: {c.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
