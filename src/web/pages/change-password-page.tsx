import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { fetchMe, meKey, queryClient } from '../app/session.ts';
import { checkNewPassword, type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';

const empty = { currentPassword: '', newPassword: '', repeat: '' };
type Values = typeof empty;

/**
 * «Смена пароля»: current, new and repeated password. `forced` when the password was issued by the
 * administrator: then it is the only page until the change succeeds.
 */
export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const t = useT();
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Problems>({});
  const change = useMutation({
    mutationFn: ({ repeat: _, ...body }: Values) => apiPost('/api/auth/change-password', body),
    onSuccess: async () => {
      setValues(empty);
      // The server may have renewed the session and its CSRF token: read `me` again.
      queryClient.setQueryData(meKey, await fetchMe());
    },
  });
  const errors = useFormErrors(problems, change.error);
  useDocumentTitle(t('password.title'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...requireFilled(values, ['currentPassword']),
      ...checkNewPassword(values.newPassword, values.repeat, { password: 'newPassword', repeat: 'repeat' }),
    };
    setProblems(found);
    change.reset();
    if (Object.keys(found).length === 0) change.mutate(values);
  };
  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: errors.field(name),
    type: 'password',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <div className="card narrow">
      <h1>{t('password.title')}</h1>
      {forced && <p>{t('password.forcedIntro')}</p>}
      {change.isSuccess && <Notice message={t('password.done')} />}
      <FormAlert message={errors.general} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t('password.current')} autoComplete="current-password" {...bind('currentPassword')} />
        <Field
          label={t('password.new')}
          autoComplete="new-password"
          hint={t('password.hint')}
          {...bind('newPassword')}
        />
        <Field label={t('password.repeat')} autoComplete="new-password" {...bind('repeat')} />
        <button
          type="submit"
          className="button button-primary"
          disabled={change.isPending}
          aria-busy={change.isPending}
        >
          {t('password.submit')}
        </button>
      </form>
    </div>
  );
}
