import { Link, useLocation, useSearchParams } from 'wouter';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { ExportLinks } from './export-links.tsx';
import { RemarkCard } from './remark-card.tsx';
import { type Remark, type Remarks, useRemarks } from './remarks-api.ts';
import './reports.css';
import './remarks.css';

const statusFilters = ['all', 'active', 'open', 'fixed', 'closed'] as const;
type StatusFilter = (typeof statusFilters)[number];
const statusLabel: Record<StatusFilter, MessageKey> = {
  all: 'remarks.statusAll',
  active: 'remarks.statusActive',
  open: 'remarks.statusOpen',
  fixed: 'remarks.statusFixed',
  closed: 'remarks.statusClosed',
};
const sections: { status: Remark['status']; title: MessageKey }[] = [
  { status: 'open', title: 'remarks.sectionOpen' },
  { status: 'fixed', title: 'remarks.sectionFixed' },
  { status: 'closed', title: 'remarks.sectionClosed' },
];

/** The remarks in three sections (open, fixed, closed), each newest first as the server sends them. */
function Sections({
  items,
  manage,
  showTeacher,
}: {
  items: Remark[];
  manage: boolean;
  showTeacher: boolean;
}) {
  const t = useT();
  return (
    <>
      {sections.map(({ status, title }) => {
        const list = items.filter((r) => r.status === status);
        if (list.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`remarks-${status}`}>
            <h2 id={`remarks-${status}`}>
              {t(title)} ({list.length})
            </h2>
            <ul className="remark-list">
              {list.map((r) => (
                <li key={r.id}>
                  <RemarkCard remark={r} canManage={manage} showTeacher={showTeacher} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** «Незакрытые замечания по учителям»: open and fixed per teacher, a click filters the list. */
function PerTeacher({ data, onPick }: { data: Remarks; onPick: (teacherId: number) => void }) {
  const t = useT();
  if (data.byTeacher.length === 0) return <p>{t('remarks.perTeacherEmpty')}</p>;
  return (
    <div className="table-box">
      <table className="data-table">
        <caption>{t('remarks.perTeacher')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('remarks.teacher')}</th>
            <th scope="col">{t('remarks.open')}</th>
            <th scope="col">{t('remarks.fixed')}</th>
          </tr>
        </thead>
        <tbody>
          {data.byTeacher.map((row) => (
            <tr key={row.teacherId}>
              <th scope="row">
                <button type="button" className="button button-quiet" onClick={() => onPick(row.teacherId)}>
                  {row.teacher}
                </button>
              </th>
              <td>{row.open}</td>
              <td>{row.fixed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * «Замечания». A teacher (`/teacher/remarks`): their remarks, open first with a note and
 * «Исправлено». The leadership (`/deputy/remarks`, `/director/remarks`): every remark of the school,
 * filtered by state and teacher (kept in the address), open ones per teacher, «Закрыть» and
 * «Вернуть на доработку».
 */
export default function RemarksPage({ me }: PageProps) {
  const t = useT();
  useDocumentTitle(t('remarks.title'));
  const [path] = useLocation();
  const [search, setSearch] = useSearchParams();
  const asTeacher = path.startsWith('/teacher');
  const remarks = useRemarks(asTeacher ? { teacherId: me.person.id } : {});
  const status = (statusFilters as readonly string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as StatusFilter)
    : 'all';
  const teacherId = Number(search.get('teacherId')) || null;
  const setFilter = (next: { status?: StatusFilter; teacherId?: number | null }) => {
    const s = next.status ?? status;
    const tid = next.teacherId === undefined ? teacherId : next.teacherId;
    setSearch({ ...(s !== 'all' ? { status: s } : {}), ...(tid ? { teacherId: String(tid) } : {}) });
  };
  const data = remarks.data;
  const manage = Boolean(data?.canManage) && !asTeacher;
  const teachers = new Map<number, string>();
  for (const r of data?.items ?? []) teachers.set(r.teacherId, r.teacher);
  const shown = (data?.items ?? []).filter(
    (r) =>
      (status === 'all' || (status === 'active' ? r.status !== 'closed' : r.status === status)) &&
      (asTeacher || teacherId === null || r.teacherId === teacherId),
  );
  return (
    <section className="remarks-page">
      <h1>{t('remarks.title')}</h1>
      <p>{t(asTeacher ? 'remarks.teacherIntro' : 'remarks.leadIntro')}</p>
      {remarks.isError && (
        <FormAlert
          message={remarks.error instanceof ApiError ? remarks.error.message : t('remarks.loadFailed')}
        />
      )}
      {remarks.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && manage && <PerTeacher data={data} onPick={(id) => setFilter({ teacherId: id })} />}
      {data && manage && (
        <div className="remark-filters">
          <SelectField
            name="status"
            label={t('remarks.status')}
            value={status}
            onChange={(e) => setFilter({ status: e.target.value as StatusFilter })}
            options={statusFilters.map((s) => ({ value: s, label: t(statusLabel[s]) }))}
          />
          <SelectField
            name="teacherId"
            label={t('remarks.teacher')}
            value={String(teacherId ?? '')}
            onChange={(e) => setFilter({ teacherId: Number(e.target.value) || null })}
            options={[
              { value: '', label: t('remarks.anyTeacher') },
              ...[...teachers]
                .sort((a, b) => a[1].localeCompare(b[1], 'ru'))
                .map(([id, name]) => ({ value: String(id), label: name })),
            ]}
          />
        </div>
      )}
      {data && data.items.length === 0 && <p className="panel">{t('remarks.none')}</p>}
      {data && data.items.length > 0 && shown.length === 0 && (
        <p className="panel">{t('remarks.noneShown')}</p>
      )}
      {data && <Sections items={shown} manage={manage} showTeacher={!asTeacher} />}
      {data && data.items.length > 0 && (
        <ExportLinks name="remarks" filters={!asTeacher && teacherId ? { teacherId } : {}} />
      )}
      {asTeacher && (
        <p>
          <Link href="/teacher/journal">{t('section.journal')}</Link>
        </p>
      )}
    </section>
  );
}
