import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { ClassSubgroups } from '../../contract/structure.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { GroupColumns, useMoveDate } from './group-columns.tsx';
import { SplitForm } from './split-form.tsx';
import './structure.css';

/** «Подгруппы» of a class: each subject's subgroups as columns, moving students from a date. */
export default function SubgroupsPage({ me, params }: PageProps) {
  const t = useT();
  const classId = Number(params.id);
  const [on, setOn] = useMoveDate();
  const query = useQuery({
    queryKey: ['structure', 'subgroups', classId, on],
    queryFn: () => apiGet<ClassSubgroups>(`/api/classes/${classId}/subgroups?on=${on}`),
    enabled: Number.isInteger(classId) && classId > 0,
  });
  const title = query.data
    ? t('subgroups.title', { name: query.data.class.name })
    : t('subgroups.titleShort');
  useDocumentTitle(title);

  if (query.isError)
    return (
      <>
        <h1>{t('subgroups.titleShort')}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('structure.loadFailed')}
        />
      </>
    );
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const data = query.data;

  return (
    <>
      {me.abilities.includes('structure.manage') && (
        <p className="eyebrow">
          <Link href="/admin/structure">{t('subgroups.back')}</Link>
        </p>
      )}
      <h1>{title}</h1>
      <p>{t('subgroups.intro')}</p>
      <GroupColumns
        subjects={data.subjects}
        on={on}
        onDate={setOn}
        queryKey={['structure', 'subgroups', classId]}
      />
      {data.subjects.length === 0 && <p>{t('subgroups.empty')}</p>}
      <SplitForm data={data} on={on} />
    </>
  );
}
