import type { AuditProblemView, AuditVerifyView } from '../../contract/audit.ts';
import type { PageProps } from '../app/page-route.ts';
import { formatMoment } from '../backups/backups-format.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { type TFunction, useLanguage, useT } from '../i18n/use-t.ts';
import { dictionary } from './audit.i18n.ts';
import { useVerifyAudit } from './audit-api.ts';

const entities: Record<string, MessageKey> = {
  mark: 'audit.entity.mark',
  attendance: 'audit.entity.attendance',
  periodMark: 'audit.entity.periodMark',
};

function entityName(t: TFunction, entity: string | null): string {
  if (!entity) return '';
  const key = entities[entity];
  return key ? t(key) : entity;
}

/** An audited action in words; actions without a name are shown by their code. */
function actionName(t: TFunction, action: string | null): string {
  if (!action) return '';
  const key = `audit.action.${action}`;
  return key in dictionary.ru ? t(key as MessageKey) : action;
}

/** What a problem is about, in words. */
function what(t: TFunction, p: AuditProblemView): string {
  if (p.kind === 'deleted')
    return t('audit.what.deleted', { from: p.missingFrom ?? '', to: p.missingTo ?? '' });
  if (p.kind === 'headMismatch')
    return t('audit.what.head', { expected: p.expected ?? '—', found: p.found ?? '—' });
  if (p.kind === 'valueMismatch')
    return t('audit.what.value', {
      entity: entityName(t, p.entity),
      id: p.entityId ?? '',
      expected: p.expected ?? '—',
      found: p.found ?? '—',
    });
  return t('audit.what.event', {
    seq: p.seq ?? '',
    action: actionName(t, p.action ?? null),
    entity: entityName(t, p.entity),
    id: p.entityId ?? '',
  });
}

/** The outcome: the calm line when intact, else the problems in a table. */
function Outcome({ result }: { result: AuditVerifyView }) {
  const t = useT();
  const language = useLanguage();
  const seconds = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(result.tookMs / 1000);
  const checked = (
    <p className="audit-muted">{t('audit.checked', { at: formatMoment(result.checkedAt), seconds })}</p>
  );
  if (result.intact)
    return (
      <>
        <Notice
          message={
            result.lastAt
              ? t('audit.intact', {
                  n: result.events.toLocaleString(language),
                  at: formatMoment(result.lastAt),
                })
              : t('audit.intactEmpty')
          }
        />
        <p>{t('audit.rows', { n: result.rows.toLocaleString(language) })}</p>
        {checked}
      </>
    );
  return (
    <>
      <FormAlert message={t('audit.broken', { n: result.problemCount })} />
      {result.problemCount > result.problems.length && (
        <p>{t('audit.brokenMore', { shown: result.problems.length })}</p>
      )}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.colKind')}</th>
              <th scope="col">{t('audit.colAt')}</th>
              <th scope="col">{t('audit.colWho')}</th>
              <th scope="col">{t('audit.colWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p) => (
              <tr key={`${p.kind}-${p.eventId}-${p.seq}-${p.entity}-${p.entityId}-${p.field}`}>
                <td>{t(`audit.kind.${p.kind}`)}</td>
                <td>{p.at ? formatMoment(p.at) : '—'}</td>
                <td>{p.actor ?? '—'}</td>
                <td>{what(t, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checked}
    </>
  );
}

/** «Проверка журнала изменений»: runs the check of the school's history and shows what it found. */
export default function AuditPage(_: PageProps) {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const verify = useVerifyAudit();
  return (
    <div className="audit-page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? t('audit.running') : t('audit.run')}
      </button>
      <FormAlert message={verify.error instanceof Error ? verify.error.message : null} />
      {verify.data && <Outcome result={verify.data} />}
    </div>
  );
}
