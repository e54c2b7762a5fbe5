import { useQuery } from '@tanstack/react-query';
import type { StaffCredentials } from '../../contract/credentials.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { CredentialsPanel } from './credentials-panel.tsx';

const queryKey = ['credentials', 'staff'] as const;

/** «Доступы сотрудников» for the administrator: staff accounts, slips, switching off and on. */
export default function StaffCredentialsPage({ me }: PageProps) {
  const t = useT();
  const title = t('credentials.staffTitle');
  useDocumentTitle(title);
  const query = useQuery({ queryKey, queryFn: () => apiGet<StaffCredentials>('/api/credentials/staff') });
  if (query.isError) {
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('credentials.loadFailed')}
        />
      </>
    );
  }
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const rows = query.data.staff.map((p) => ({
    personId: p.personId,
    name: p.name,
    account: p.account,
    canManage: p.canManage,
    blocked: p.canManage ? undefined : t('credentials.self'),
    cells: [p.roles.map((r) => t(`role.${r}`)).join(', ')],
  }));
  return (
    <>
      <h1>{title}</h1>
      <p>{t('credentials.intro')}</p>
      <CredentialsPanel
        sections={[
          {
            id: 'staff',
            title: t('credentials.staff'),
            headers: [t('credentials.roles')],
            empty: t('credentials.emptyStaff'),
            rows,
          },
        ]}
        fileLabel={t('credentials.staffFile')}
        csrfToken={me.csrfToken}
        queryKey={queryKey}
      />
    </>
  );
}
