import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../app/api.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import {
  formatDateTime,
  type NotificationSettings,
  notifyPaths,
  refreshNotify,
  type TelegramCode,
} from './notify-api.ts';

/** Telegram: unavailable, linked (since when, «Отвязать»), or how to link with a one-time code. */
export function TelegramBlock({ telegram }: { telegram: NotificationSettings['telegram'] }) {
  const t = useT();
  const code = useMutation({ mutationFn: () => apiPost<TelegramCode>(notifyPaths.telegramCode) });
  const unlink = useMutation({
    mutationFn: () => apiPost(notifyPaths.telegramUnlink),
    onSuccess: () => refreshNotify(),
  });
  const bot = telegram.botName ? `@${telegram.botName.replace(/^@/, '')}` : t('notify.tgTheBot');
  return (
    <section className="panel notify-section" aria-labelledby="notify-tg-title">
      <h2 id="notify-tg-title">{t('notify.tgTitle')}</h2>
      {!telegram.available ? (
        <p>{t('notify.tgUnavailable')}</p>
      ) : telegram.linked ? (
        <>
          <p>
            {telegram.linkedAt
              ? t('notify.tgLinkedSince', { date: formatDate(new Date(telegram.linkedAt)) })
              : t('notify.tgLinked')}
          </p>
          <button
            type="button"
            className="button button-quiet"
            disabled={unlink.isPending}
            onClick={() => unlink.mutate()}
          >
            {t('notify.tgUnlink')}
          </button>
          <FormAlert message={unlink.error?.message} />
        </>
      ) : (
        <>
          <ol className="notify-steps">
            <li>{t('notify.tgStep1')}</li>
            <li>{t('notify.tgStep2', { bot })}</li>
            <li>{t('notify.tgStep3')}</li>
          </ol>
          <button
            type="button"
            className="button button-primary"
            disabled={code.isPending}
            onClick={() => code.mutate()}
          >
            {t('notify.tgGetCode')}
          </button>
          <FormAlert message={code.error?.message} />
          {code.data && (
            <div className="notify-code" role="status">
              <p>
                {t('notify.tgCode')} <strong className="notify-code-value">{code.data.code}</strong>
              </p>
              <p className="notify-muted">
                {t('notify.tgExpires', { time: formatDateTime(code.data.expiresAt) })}
              </p>
              {code.data.link && (
                <p>
                  <a href={code.data.link} target="_blank" rel="noopener noreferrer">
                    {t('notify.tgOpen')}
                  </a>
                </p>
              )}
              <button type="button" className="button button-quiet" onClick={() => refreshNotify()}>
                {t('notify.tgCheck')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
