import { useId, useState } from 'react';
import type { ProblemItem } from '../../contract/support.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { ProblemDetails } from './problem-card.tsx';
import { useResolveProblem, useSchoolProblems } from './support-api.ts';

type Filter = 'open' | 'resolved' | 'all';

/** An open report with «Отметить решённым» and an optional note. */
function OpenProblem({ item, onResolved }: { item: ProblemItem; onResolved: () => void }) {
  const t = useT();
  const noteId = useId();
  const [note, setNote] = useState('');
  const resolve = useResolveProblem();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Not mutate's own onSuccess: the refreshed list may drop this report (and this form) first.
        resolve.mutateAsync({ id: item.id, note }).then(onResolved, () => undefined);
      }}
    >
      <FormAlert message={resolve.error instanceof Error ? resolve.error.message : null} />
      <div className="field">
        <label htmlFor={noteId}>{t('support.note')}</label>
        <input id={noteId} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={resolve.isPending}>
        {t('support.resolve')}
      </button>
    </form>
  );
}

/** «Сообщения о проблемах»: the school's reports for its administrator, newest first, by status. */
export function SchoolProblems() {
  const t = useT();
  const filterId = useId();
  const [filter, setFilter] = useState<Filter>('open');
  const [notice, setNotice] = useState<string | null>(null);
  const problems = useSchoolProblems(filter, true);
  const items = problems.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby={`${filterId}-title`}>
      <h2 id={`${filterId}-title`}>{t('support.problemsTitle')}</h2>
      <div className="field">
        <label htmlFor={filterId}>{t('support.filter')}</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(['open', 'resolved', 'all'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`support.filter.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {notice && <Notice message={notice} />}
      {problems.isSuccess && items.length === 0 && <p>{t('support.problemsEmpty')}</p>}
      <ul className="support-list">
        {items.map((item) => (
          <li key={item.id} className="panel support-item">
            <ProblemDetails item={item} showReporter />
            {item.status === 'open' && (
              <OpenProblem item={item} onResolved={() => setNotice(t('support.resolvedDone'))} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
