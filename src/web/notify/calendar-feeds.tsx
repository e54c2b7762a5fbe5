import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { Me } from '../../contract/auth.ts';
import { apiPost } from '../app/api.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { type CalendarFeed, notifyPaths, refreshNotify, useCalendarFeed } from './notify-api.ts';

/** «Календарь уроков»: a secret iCalendar address per child, created (shown once) and revoked. */
export function CalendarFeeds({ childList }: { childList: Me['children'] }) {
  const t = useT();
  if (childList.length === 0) return null;
  return (
    <section className="panel notify-section" aria-labelledby="notify-cal-title">
      <h2 id="notify-cal-title">{t('notify.calTitle')}</h2>
      <p>{t('notify.calIntro')}</p>
      <p className="notify-warning">{t('notify.calSecret')}</p>
      {childList.map((c) => (
        <ChildFeed key={c.id} studentId={c.id} name={c.name} />
      ))}
    </section>
  );
}

function ChildFeed({ studentId, name }: { studentId: number; name: string }) {
  const t = useT();
  const feed = useCalendarFeed(studentId);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () => apiPost<CalendarFeed>(notifyPaths.calendar(studentId)),
    onSuccess: () => {
      setCopied(false);
      return refreshNotify();
    },
  });
  const revoke = useMutation({
    mutationFn: () => apiPost<CalendarFeed>(notifyPaths.calendarRevoke(studentId)),
    onSuccess: () => {
      create.reset();
      return refreshNotify();
    },
  });
  const url = create.data?.url ?? null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      inputRef.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  };
  const active = feed.data?.active ?? false;
  return (
    <section className="notify-feed" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>
        <span className="visually-hidden">{t('notify.calFor')} </span>
        {name}
      </h3>
      {feed.isPending && <p className="loading">{t('app.loading')}</p>}
      <FormAlert message={feed.error?.message ?? create.error?.message ?? revoke.error?.message} />
      {feed.data && (
        <p>
          {active
            ? feed.data.createdAt
              ? t('notify.calActiveSince', { date: formatDate(new Date(feed.data.createdAt)) })
              : t('notify.calActive')
            : t('notify.calNone')}
        </p>
      )}
      {url && (
        <div className="field notify-url">
          <label htmlFor={inputId}>{t('notify.calAddress')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('notify.calShownOnce')}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            readOnly
            value={url}
            aria-describedby={`${inputId}-hint`}
            onFocus={(e) => e.target.select()}
          />
          <p className="notify-actions">
            <button type="button" className="button button-quiet" onClick={copy}>
              {t('notify.calCopy')}
            </button>
            <span role="status">{copied ? t('notify.calCopied') : ''}</span>
          </p>
        </div>
      )}
      {feed.data && (
        <p className="notify-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={create.isPending}
            onClick={() => create.mutate()}
          >
            {active ? t('notify.calRecreate') : t('notify.calCreate')}
          </button>
          {active && (
            <button
              type="button"
              className="button button-quiet"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t('notify.calRevoke')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
