import { useId, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { Queued } from '../offline/device-db.ts';
import { outbox } from '../offline/outbox.ts';
import { refreshLessons } from './lessons-api.ts';

/** One value a refused change differs in: what the server holds and what the teacher set. */
export interface ConflictRow {
  label: string;
  server: string;
  yours: string;
}

/**
 * A change made offline that the server refused: its reason, both values, and the teacher's
 * choice — send theirs again over the server's (with a reason past the edit window) or take the
 * server's. Where sending it again cannot help (the period closed, the lesson gone or no longer
 * the teacher's, a value the rules refuse), only the server's value or dropping is offered.
 */
export function OfflineConflict({
  entry,
  rows,
  onTake,
}: {
  entry: Queued;
  rows: readonly ConflictRow[];
  /** Told the server's values were taken (the form shows them again). */
  onTake?: () => void;
}) {
  const t = useT();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const conflict = entry.conflict;
  if (!conflict) return null;
  const hidden = conflict.server === null;
  const asksReason = conflict.reason === 'editWindow';
  // Sending it again helps only over another's change or with the reason asked; a closed period
  // or a value the rules refuse would be refused again.
  const mayKeep = !hidden && (conflict.reason === 'cellChanged' || asksReason);
  const take = () => {
    outbox.takeServer(entry.seq);
    onTake?.();
    void refreshLessons();
  };
  return (
    <fieldset className="lesson-conflict">
      <legend>{t('lessons.conflictTitle')}</legend>
      <p>{conflict.message}</p>
      {!hidden && rows.length > 0 && (
        <ul className="lesson-conflict-rows">
          {rows.map((r) => (
            <li key={r.label}>
              {r.label}: {t('lessons.conflictServer', { value: r.server })},{' '}
              {t('lessons.conflictYours', { value: r.yours })}
            </li>
          ))}
        </ul>
      )}
      {asksReason && (
        <div className="field">
          <label htmlFor={reasonId}>{t('lessons.conflictReason')}</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
        </div>
      )}
      <p className="lessons-links">
        {mayKeep && (
          <button
            type="button"
            className="button"
            disabled={asksReason && reason.trim() === ''}
            onClick={() => outbox.keepMine(entry.seq, asksReason ? reason.trim() : undefined)}
          >
            {t('lessons.keepMine')}
          </button>
        )}
        <button type="button" className="button" onClick={take}>
          {hidden ? t('lessons.dropMine') : t('lessons.takeServer')}
        </button>
      </p>
    </fieldset>
  );
}
