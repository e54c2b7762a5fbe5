import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { historyAnswer } from '../../contract/journal.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { Dialog } from './dialog.tsx';
import { dateTime } from './journal-api.ts';

/** Asks once for the reason of changes past the edit window. */
export function ReasonDialog({
  onDone,
  onCancel,
}: {
  onDone: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={t('journal.reasonTitle')} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) setError(t('journal.reasonRequired'));
          else onDone(reason.trim());
        }}
      >
        <p>{t('journal.reasonText')}</p>
        <label className="field">
          <span className="field-label">{t('journal.reason')}</span>
          <input
            className="input"
            value={reason}
            maxLength={300}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <FormAlert message={error} />
        <div className="form-row">
          <button type="submit" className="button button-primary">
            {t('journal.reasonSave')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('journal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The comment of a mark; students and parents see it. */
export function CommentDialog({
  mark,
  comment,
  onSave,
  onCancel,
}: {
  mark: string;
  comment: string | null;
  onSave: (comment: string | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(comment ?? '');
  return (
    <Dialog title={t('journal.commentTitle', { mark })} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text.trim() ? text.trim() : null);
        }}
      >
        <p>{t('journal.commentVisible')}</p>
        <label className="field">
          <span className="field-label">{t('journal.comment')}</span>
          <textarea
            className="input"
            value={text}
            maxLength={500}
            rows={3}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="form-row">
          <button type="submit" className="button button-primary">
            {t('journal.commentSave')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('journal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One cell's history (or two: a lesson's first column holds the mark and the attendance). */
export function HistoryDialog({
  title,
  queries,
  onClose,
}: {
  title: string;
  queries: { label: string; query: string }[];
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose}>
      {queries.map((q) => (
        <HistoryList key={q.query} label={q.label} query={q.query} />
      ))}
      <button type="button" className="button" onClick={onClose}>
        {t('journal.close')}
      </button>
    </Dialog>
  );
}

function HistoryList({ label, query }: { label: string; query: string }) {
  const t = useT();
  const history = useQuery({
    queryKey: ['journal', 'history', query],
    queryFn: () => apiGet<z.infer<typeof historyAnswer>>(`/api/journal/history?${query}`),
    gcTime: 0,
  });
  if (history.isError)
    return (
      <FormAlert
        message={history.error instanceof ApiError ? history.error.message : t('journal.loadFailed')}
      />
    );
  if (!history.data) return <p>{t('app.loading')}</p>;
  return (
    <section className="jg-history" aria-label={label}>
      <h3>{label}</h3>
      {history.data.events.length === 0 ? (
        <p>{t('journal.historyEmpty')}</p>
      ) : (
        <ol>
          {history.data.events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events are an append-only list in order
            <li key={i}>
              <span className="jg-history-when">{dateTime(e.at)}</span> {e.actor}:{' '}
              <strong>
                {e.from || t('journal.empty')} → {e.to || t('journal.empty')}
              </strong>
              {e.comment ? ` (${t('journal.comment').toLowerCase()}: ${e.comment})` : ''}
              {e.reason ? ` — ${t('journal.reason').toLowerCase()}: ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Picks the work kind of a new mark column in a lesson. */
export function AddColumnDialog({
  date,
  kinds,
  onAdd,
  onCancel,
  error,
}: {
  date: string;
  kinds: { id: number; name: string }[];
  onAdd: (workKindId: number) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const t = useT();
  const [chosen, setChosen] = useState(kinds[0]?.id ?? 0);
  return (
    <Dialog title={t('journal.addColumnTitle', { date })} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd(chosen);
        }}
      >
        <label className="field">
          <span className="field-label">{t('journal.workKind')}</span>
          <select className="input" value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <FormAlert message={error} />
        <div className="form-row">
          <button type="submit" className="button button-primary" disabled={kinds.length === 0}>
            {t('journal.addColumnSave')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('journal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
