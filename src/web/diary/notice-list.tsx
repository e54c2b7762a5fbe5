import { useState } from 'react';
import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { type TFunction, useT } from '../i18n/use-t.ts';
import type { AbsenceNotice } from './diary-api.ts';
import { dateTime, todayIso } from './diary-dates.ts';

/** The dates of a notice: one day, or «from – to». */
export function noticeDates(n: { fromDate: string; toDate: string }, t: TFunction): string {
  return n.fromDate === n.toDate
    ? formatDate(n.fromDate)
    : t('diary.noticeDates', { from: formatDate(n.fromDate), to: formatDate(n.toDate) });
}

/**
 * Absence notices in the server’s order. With `onCancel`, a live notice not yet over gets «Отменить»,
 * which asks once, in place, before cancelling.
 */
export function NoticeList({
  notices,
  onCancel,
  busy = false,
  empty,
  showStudent = false,
}: {
  notices: readonly AbsenceNotice[];
  onCancel?: (id: number) => void;
  busy?: boolean;
  empty: string;
  showStudent?: boolean;
}) {
  const t = useT();
  const [asking, setAsking] = useState<number | null>(null);
  const today = todayIso();
  if (notices.length === 0) return <p className="diary-muted">{empty}</p>;
  return (
    <ul className="diary-notices">
      {notices.map((n) => {
        const dates = noticeDates(n, t);
        const live = n.cancelledAt === null && n.toDate >= today;
        return (
          <li key={n.id} className={n.cancelledAt ? 'diary-notice diary-notice-cancelled' : 'diary-notice'}>
            <p className="diary-notice-head">
              {showStudent && <strong>{n.student}: </strong>}
              <span>{dates}</span>
              {', '}
              <span>{t(`diary.noticeReason.${n.reason}` as MessageKey)}</span>
            </p>
            {n.comment && <p>{n.comment}</p>}
            <p className="diary-muted">
              {t('diary.noticeBy', { name: n.author, date: dateTime(n.createdAt) })}
            </p>
            {n.cancelledAt && (
              <p className="diary-notice-state">
                {t('diary.noticeCancelled', { date: dateTime(n.cancelledAt) })}
              </p>
            )}
            {onCancel && live && asking !== n.id && (
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('diary.cancelNoticeLabel', { dates })}
                onClick={() => setAsking(n.id)}
              >
                {t('diary.cancelNotice')}
              </button>
            )}
            {onCancel && live && asking === n.id && (
              <div className="diary-confirm">
                <p>{t('diary.cancelConfirm', { dates })}</p>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => {
                    setAsking(null);
                    onCancel(n.id);
                  }}
                >
                  {t('diary.cancelYes')}
                </button>{' '}
                <button type="button" className="button button-quiet" onClick={() => setAsking(null)}>
                  {t('diary.cancelNo')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
