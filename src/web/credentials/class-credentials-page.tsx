import { useQuery } from '@tanstack/react-query';
import type { ClassCredentials } from '../../contract/credentials.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { CredentialsPanel, type PanelSection } from './credentials-panel.tsx';

/** «Доступы» of a class: its students and parents, their accounts, and the slips to print. */
export default function ClassCredentialsPage({ me, params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const queryKey = ['credentials', 'class', classId] as const;
  const query = useQuery({
    queryKey,
    queryFn: () => apiGet<ClassCredentials>(`/api/credentials/classes/${classId}`),
    enabled: Number.isInteger(classId) && classId > 0,
  });
  const title = query.data
    ? t('credentials.classTitle', { className: query.data.className })
    : t('app.loading');
  useDocumentTitle(title);

  if (query.isError) {
    return (
      <>
        <h1>{t('credentials.title')}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('credentials.loadFailed')}
        />
      </>
    );
  }
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const data = query.data;
  if (data.students.length === 0) {
    return (
      <>
        <h1>{title}</h1>
        <p>{t('credentials.emptyClass')}</p>
      </>
    );
  }
  const sections: PanelSection[] = [
    {
      id: 'parents',
      title: t('credentials.parents'),
      headers: [t('credentials.relation')],
      empty: t('credentials.emptyParents'),
      rows: data.parents.map((p) => ({
        personId: p.personId,
        name: p.name,
        account: p.account,
        canManage: p.canManage,
        blocked: p.canManage ? undefined : t('credentials.onlyAdmin'),
        cells: [p.children.map((c) => `${t(`credentials.kind.${c.kind}`)}: ${c.name}`).join('; ')],
      })),
    },
    {
      id: 'students',
      title: t('credentials.students'),
      headers: [t('credentials.consent')],
      empty: t('credentials.emptyClass'),
      rows: data.students.map((s) => ({
        personId: s.personId,
        name: s.name,
        account: s.account,
        canManage: s.canManage,
        blocked: s.consent ? undefined : t('credentials.consentNo'),
        cells: [s.consent ? t('credentials.consentYes') : t('credentials.consentNo')],
      })),
    },
  ];
  return (
    <>
      <h1>{title}</h1>
      <p>{t('credentials.intro')}</p>
      <CredentialsPanel
        sections={sections}
        fileLabel={data.className}
        csrfToken={me.csrfToken}
        queryKey={queryKey}
      />
    </>
  );
}
