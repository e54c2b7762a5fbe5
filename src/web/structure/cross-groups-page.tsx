import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { CrossGroupList } from '../../contract/structure.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { GroupColumns, useMoveDate } from './group-columns.tsx';
import './structure.css';

/** «Межклассные группы»: the administrator's electives and profile groups, moving students between them. */
export default function CrossGroupsPage() {
  const t = useT();
  const [on, setOn] = useMoveDate();
  const query = useQuery({
    queryKey: ['structure', 'cross-groups', on],
    queryFn: () => apiGet<CrossGroupList>(`/api/structure/cross-groups?on=${on}`),
  });
  useDocumentTitle(t('cross.title'));
  return (
    <>
      <p className="eyebrow">
        <Link href="/admin/structure">{t('subgroups.back')}</Link>
      </p>
      <h1>{t('cross.title')}</h1>
      <p>{t('subgroups.intro')}</p>
      {query.isError && (
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('structure.loadFailed')}
        />
      )}
      {!query.data && !query.isError && <p className="loading">{t('app.loading')}</p>}
      {query.data && (
        <>
          <GroupColumns
            subjects={query.data.subjects}
            on={on}
            onDate={setOn}
            queryKey={['structure', 'cross-groups']}
          />
          {query.data.subjects.length === 0 && (
            <p>
              {t('cross.empty')} <Link href="/admin/structure#cross-title">{t('cross.createLink')}</Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
