import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { districtSchoolList, NewSchoolResult } from '../../contract/district.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import { checkLogin, type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import './district.css';

const schoolsKey = ['district', 'schools'] as const;

/** «Школы»: the district's schools, and a new school with its first administrator. */
export default function SchoolsPage(_: PageProps) {
  const t = useT();
  const title = t('district.schoolsTitle');
  useDocumentTitle(title);
  const [created, setCreated] = useState<NewSchoolResult | null>(null);
  const query = useQuery({
    queryKey: schoolsKey,
    queryFn: () => apiGet<z.infer<typeof districtSchoolList>>('/api/district/schools'),
  });
  if (query.isError)
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('district.loadFailed')}
        />
      </>
    );
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const { district, schools, can } = query.data;
  return (
    <>
      <p className="eyebrow">{district.name}</p>
      <h1>{title}</h1>
      {created && <CreatedNotice result={created} onClose={() => setCreated(null)} />}
      {schools.length === 0 ? (
        <p>{t('district.noSchools')}</p>
      ) : (
        <div className="district-scroll">
          <table className="district-table">
            <thead>
              <tr>
                <th scope="col">{t('district.school')}</th>
                <th scope="col">{t('district.classes')}</th>
                <th scope="col">{t('district.students')}</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/district/schools/${s.id}`}>{s.shortName}</Link>
                    <div className="district-muted">{s.name}</div>
                  </td>
                  <td>{s.classes}</td>
                  <td>{s.students}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can.create && <NewSchoolForm onCreated={setCreated} />}
    </>
  );
}

/** The one-time password, shown once, with the instruction to pass it on. */
function CreatedNotice({ result, onClose }: { result: NewSchoolResult; onClose: () => void }) {
  const t = useT();
  return (
    <section className="district-created" role="status" aria-labelledby="created-title">
      <h2 id="created-title">{t('district.createdTitle', { school: result.school.shortName })}</h2>
      <dl className="district-credentials">
        <dt>{t('district.adminName')}</dt>
        <dd>{result.admin.name}</dd>
        <dt>{t('district.login')}</dt>
        <dd>
          <code>{result.admin.login}</code>
        </dd>
        <dt>{t('district.oneTimePassword')}</dt>
        <dd>
          <code data-testid="one-time-password">{result.admin.password}</code>
        </dd>
      </dl>
      <p>{t('district.passOn')}</p>
      <button type="button" className="button" onClick={onClose}>
        {t('district.passedOn')}
      </button>
    </section>
  );
}

const empty = { schoolName: '', schoolShortName: '', lastName: '', firstName: '', middleName: '', login: '' };
type Values = typeof empty;

function NewSchoolForm({ onCreated }: { onCreated: (r: NewSchoolResult) => void }) {
  const t = useT();
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Problems>({});
  const create = useMutation({
    mutationFn: (body: Values) => apiPost<NewSchoolResult>('/api/district/schools', body),
    onSuccess: async (result) => {
      setValues(empty);
      onCreated(result);
      await queryClient.invalidateQueries({ queryKey: schoolsKey });
    },
  });
  const errors = useFormErrors(problems, create.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...requireFilled(values, ['schoolName', 'schoolShortName', 'lastName', 'firstName']),
      ...checkLogin(values.login, 'login'),
    };
    setProblems(found);
    create.reset();
    if (Object.keys(found).length === 0) create.mutate(values);
  };
  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <form className="form district-card" onSubmit={onSubmit} noValidate aria-labelledby="new-school-title">
      <h2 id="new-school-title">{t('district.newSchool')}</h2>
      <FormAlert message={errors.general} />
      <fieldset>
        <legend>{t('district.schoolLegend')}</legend>
        <Field label={t('district.schoolName')} {...bind('schoolName')} />
        <Field label={t('district.schoolShortName')} {...bind('schoolShortName')} />
      </fieldset>
      <fieldset>
        <legend>{t('district.adminLegend')}</legend>
        <Field label={t('district.lastName')} {...bind('lastName')} />
        <Field label={t('district.firstName')} {...bind('firstName')} />
        <Field label={t('district.middleName')} {...bind('middleName')} />
        <Field
          label={t('district.login')}
          autoCapitalize="none"
          spellCheck={false}
          hint={t('district.loginHint')}
          {...bind('login')}
        />
      </fieldset>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('district.create')}
      </button>
    </form>
  );
}
