import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { type Remark, refreshRemarks, remarkActions } from './remarks-api.ts';
import './remarks.css';

const statusKey: Record<Remark['status'], MessageKey> = {
  open: 'remarks.open',
  fixed: 'remarks.fixed',
  closed: 'remarks.closed',
};

/** Where a remark leads: its lesson beside the grid, else the course's journal. */
export function remarkHref(r: Pick<Remark, 'courseId' | 'lessonId'>): string {
  return r.lessonId ? `/journal/${r.courseId}?lessonId=${r.lessonId}` : `/journal/${r.courseId}`;
}

function TextArea(props: { label: string; value: string; onChange: (v: string) => void; max: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        className="input"
        rows={2}
        maxLength={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * One remark: its state, course, lesson link, text, who wrote, fixed and closed it; the course's
 * teacher marks it «Исправлено» (with a note), the leadership «Закрыть» or «Вернуть на доработку».
 */
export function RemarkCard({
  remark: r,
  canManage,
  showTeacher = true,
  showCourse = true,
}: {
  remark: Remark;
  canManage: boolean;
  showTeacher?: boolean;
  showCourse?: boolean;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (what: 'fix' | 'close' | 'reopen') =>
      what === 'fix'
        ? remarkActions.fix(r.id, note)
        : what === 'close'
          ? remarkActions.close(r.id)
          : remarkActions.reopen(r.id, reason),
    onSuccess: async (_remark, what) => {
      // A closed remark shows «Закрыто» itself; a second «закрыто» on the card would only repeat it.
      setDone(what === 'close' ? null : t(what === 'fix' ? 'remarks.fixedDone' : 'remarks.reopenedDone'));
      setReturning(false);
      setNote('');
      setReason('');
      await refreshRemarks();
    },
  });
  const error = act.error instanceof ApiError ? act.error.message : act.error ? t('error.unexpected') : null;
  const course = t('remarks.course', { subject: r.subject, group: r.group });
  return (
    <article
      className="remark-card"
      data-status={r.status}
      aria-label={`${course}: ${t(statusKey[r.status])}`}
    >
      <p className="remark-head">
        <span className="remark-status">{t(statusKey[r.status])}</span>
        {showCourse && <span>{course}</span>}
        {showTeacher && <span>{r.teacher}</span>}
        {r.lessonId && r.lessonDate && r.lessonNumber !== null ? (
          <Link href={remarkHref(r)}>
            {t('remarks.lesson', { date: formatDate(r.lessonDate), n: r.lessonNumber })}
          </Link>
        ) : (
          showCourse && <Link href={remarkHref(r)}>{t('remarks.openJournal')}</Link>
        )}
      </p>
      <p className="remark-text">{r.text}</p>
      <p className="remark-muted">
        {t('remarks.writtenBy', { author: r.author, date: formatDate(r.createdAt) })}
        {r.fixedAt &&
          r.fixedBy &&
          ` · ${t('remarks.fixedBy', { name: r.fixedBy, date: formatDate(r.fixedAt) })}`}
        {r.closedAt &&
          r.closedBy &&
          ` · ${t('remarks.closedBy', { name: r.closedBy, date: formatDate(r.closedAt) })}`}
      </p>
      {r.fixNote && <p className="remark-text">{t('remarks.fixNote', { note: r.fixNote })}</p>}
      <FormAlert message={error} />
      {done && (
        <p role="status" className="remark-muted">
          {done}
        </p>
      )}
      {r.canFix && (
        <div className="remark-actions">
          <TextArea label={t('remarks.note')} value={note} onChange={setNote} max={1000} />
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate('fix')}
          >
            {t('remarks.fix')}
          </button>
        </div>
      )}
      {canManage && r.status !== 'closed' && !returning && (
        <div className="remark-actions">
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => act.mutate('close')}
          >
            {t('remarks.close')}
          </button>
          {r.status === 'fixed' && (
            <button type="button" className="button button-quiet" onClick={() => setReturning(true)}>
              {t('remarks.reopen')}
            </button>
          )}
        </div>
      )}
      {canManage && returning && r.status === 'fixed' && (
        <div className="remark-actions">
          <TextArea label={t('remarks.reopenReason')} value={reason} onChange={setReason} max={2000} />
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate('reopen')}
          >
            {t('remarks.reopenSend')}
          </button>
          <button type="button" className="button" onClick={() => setReturning(false)}>
            {t('remarks.cancel')}
          </button>
        </div>
      )}
    </article>
  );
}
