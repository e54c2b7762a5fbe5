import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { type StaffItem, type StaffRole, staffRoles } from '../../contract/staff.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { Badge, Checkbox, CheckGroup } from './controls.tsx';
import { peopleKeys, useStaff } from './people-api.ts';
import { AccountBadge } from './people-labels.tsx';
import { orNull, useValues } from './use-values.ts';
import './people.css';

const refresh = () => queryClient.invalidateQueries({ queryKey: peopleKeys.staff });
const empty = { lastName: '', firstName: '', middleName: '', phone: '', email: '' };

function RoleChecks({
  id,
  roles,
  onChange,
  error,
}: {
  id: string;
  roles: StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <CheckGroup name={`${id}-roles`} legend={t('people.staff.roles')} error={error}>
      {staffRoles.map((role) => (
        <Checkbox
          key={role}
          name={`${id}-role-${role}`}
          label={t(`role.${role}`)}
          checked={roles.includes(role)}
          onChange={(on) => onChange(on ? [...roles, role] : roles.filter((r) => r !== role))}
        />
      ))}
    </CheckGroup>
  );
}

/** A form for a new staff member, or to change one (name, contacts, roles). */
function StaffForm({ person, onDone }: { person: StaffItem | null; onDone?: () => void }) {
  const t = useT();
  const id = person ? `staff-${person.id}` : 'staff-new';
  const form = useValues(
    person
      ? {
          lastName: person.lastName,
          firstName: person.firstName,
          middleName: person.middleName,
          phone: person.phone ?? '',
          email: person.email ?? '',
        }
      : empty,
  );
  const [roles, setRoles] = useState<StaffRole[]>(person?.roles ?? ['teacher']);
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: () =>
      apiPost<StaffItem>(person ? `/api/staff/${person.id}` : '/api/staff', {
        lastName: form.values.lastName,
        firstName: form.values.firstName,
        middleName: form.values.middleName.trim(),
        phone: orNull(form.values.phone),
        email: orNull(form.values.email),
        roles,
      }),
    onSuccess: () => {
      if (!person) {
        form.setValues(empty);
        setRoles(['teacher']);
      }
      void refresh();
      onDone?.();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = requireFilled(form.values, ['lastName', 'firstName']);
    if (roles.length === 0) found.roles = { key: 'people.staff.rolesRequired' };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate();
  };
  const bind = (name: keyof typeof empty) => form.bind(name, errors, `${id}-${name}`);
  return (
    <>
      {!person && save.isSuccess && <Notice message={t('people.staff.created')} />}
      <FormAlert message={errors.general} />
      <form className="form people-grid" onSubmit={onSubmit} noValidate>
        <Field label={t('people.lastName')} autoComplete="off" {...bind('lastName')} />
        <Field label={t('people.firstName')} autoComplete="off" {...bind('firstName')} />
        <Field label={t('people.middleName')} autoComplete="off" {...bind('middleName')} />
        <Field label={t('people.phone')} type="tel" {...bind('phone')} />
        <Field label={t('people.email')} type="email" {...bind('email')} />
        <RoleChecks id={id} roles={roles} onChange={setRoles} error={errors.field('roles')} />
        <div>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {person ? t('people.save') : t('people.staff.create')}
          </button>
        </div>
      </form>
    </>
  );
}

function StaffRow({ person, me }: { person: StaffItem; me: number }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const archive = useMutation({
    mutationFn: () => apiPost<StaffItem>(`/api/staff/${person.id}/archive`),
    onSuccess: () => void refresh(),
  });
  const name = `${person.lastName} ${person.firstName} ${person.middleName}`.trim();
  return (
    <>
      <tr>
        <th scope="row">
          {name}
          {person.login && <div className="people-muted">{person.login}</div>}
        </th>
        <td>{person.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
        <td>
          {person.archived ? (
            <Badge tone="off">{t('people.staff.archived')}</Badge>
          ) : (
            <AccountBadge status={person.account} />
          )}
        </td>
        <td>
          {!person.archived && (
            <div className="people-actions">
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={editing}
                onClick={() => setEditing((e) => !e)}
              >
                {t('people.staff.edit')}
              </button>
              {person.id !== me &&
                (asking ? (
                  <span className="people-confirm">
                    <span>{t('people.staff.archiveConfirm', { name })}</span>
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() => archive.mutate()}
                      disabled={archive.isPending}
                    >
                      {t('people.staff.archiveYes')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                      {t('people.cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
                    {t('people.staff.archive')}
                  </button>
                ))}
            </div>
          )}
          {archive.error instanceof ApiError && <FormAlert message={archive.error.message} />}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={4}>
            <StaffForm person={person} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** «Люди и доступы»: the school's staff with roles and accounts; add, change roles, archive. */
export default function StaffPage({ me }: PageProps) {
  const t = useT();
  const staff = useStaff();
  useDocumentTitle(t('section.people'));
  return (
    <>
      <h1>{t('section.people')}</h1>
      <p>
        {t('people.staff.intro')} <Link href="/admin/credentials">{t('people.staff.credentials')}</Link>
      </p>
      <details className="people-details">
        <summary>{t('people.staff.add')}</summary>
        <StaffForm person={null} />
      </details>
      {staff.isError && (
        <FormAlert message={staff.error instanceof ApiError ? staff.error.message : t('error.unexpected')} />
      )}
      {!staff.data ? (
        !staff.isError && <p className="loading">{t('app.loading')}</p>
      ) : (
        <div className="table-box people-scroll">
          <table className="people-table">
            <caption>{t('people.staff.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.fullName')}</th>
                <th scope="col">{t('people.staff.roles')}</th>
                <th scope="col">{t('people.account')}</th>
                <th scope="col">{t('people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.staff.map((p) => (
                <StaffRow key={p.id} person={p} me={me.person.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
