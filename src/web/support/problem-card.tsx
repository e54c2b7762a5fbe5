import type { ProblemItem } from '../../contract/support.ts';
import { formatMoment } from '../backups/backups-format.ts';
import { useT } from '../i18n/use-t.ts';

/** One problem report with its details: page path, browser, version, time, status and resolution. */
export function ProblemDetails({ item, showReporter }: { item: ProblemItem; showReporter: boolean }) {
  const t = useT();
  return (
    <>
      <p className="support-description">{item.description}</p>
      <dl className="support-facts">
        {showReporter && (
          <>
            <dt>{t('support.reporter')}</dt>
            <dd>{item.reporter}</dd>
          </>
        )}
        <dt>{t('support.sentAt')}</dt>
        <dd>{formatMoment(item.createdAt)}</dd>
        <dt>{t('support.page')}</dt>
        <dd>
          <code>{item.pagePath}</code>
        </dd>
        <dt>{t('support.browser')}</dt>
        <dd>{item.userAgent}</dd>
        <dt>{t('support.version')}</dt>
        <dd>{item.appVersion}</dd>
      </dl>
      <p className={`support-status support-status-${item.status}`}>{t(`support.status.${item.status}`)}</p>
      {item.resolvedAt && (
        <p>
          {item.resolutionNote
            ? t('support.resolvedNote', {
                at: formatMoment(item.resolvedAt),
                by: item.resolvedBy ?? '',
                note: item.resolutionNote,
              })
            : t('support.resolvedNoNote', { at: formatMoment(item.resolvedAt), by: item.resolvedBy ?? '' })}
        </p>
      )}
    </>
  );
}
