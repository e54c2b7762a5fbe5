import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { setNotice } from '../app/notice.ts';
import { queryClient, setupKey } from '../app/session.ts';
import { checkLogin, checkNewPassword, type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { PublicLayout } from '../components/public-layout.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { publicHelp } from '../help/help-map.ts';
import { useT } from '../i18n/use-t.ts';

const empty = {
  schoolName: '',
  schoolShortName: '',
  lastName: '',
  firstName: '',
  middleName: '',
  login: '',
  password: '',
  passwordRepeat: '',
};
type Values = typeof empty;

/** «Первоначальная настройка»: the first school and its administrator, shown once on a new server. */
export default function SetupPage() {
  const t = useT();
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Problems>({});
  const setup = useMutation({
    mutationFn: ({ passwordRepeat: _, ...body }: Values) => apiPost('/api/setup', body),
    onSuccess: () => {
      setNotice('setupDone');
      queryClient.setQueryData(setupKey, { needed: false });
    },
  });
  const errors = useFormErrors(problems, setup.error);
  useDocumentTitle(t('setup.title'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...requireFilled(values, ['schoolName', 'schoolShortName', 'lastName', 'firstName']),
      ...checkLogin(values.login, 'login'),
      ...checkNewPassword(values.password, values.passwordRepeat, {
        password: 'password',
        repeat: 'passwordRepeat',
      }),
    };
    setProblems(found);
    setup.reset();
    if (Object.keys(found).length === 0) setup.mutate(values);
  };
  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <PublicLayout help={publicHelp.setup}>
      <div className="card">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <FormAlert message={errors.general} />
        <form className="form" onSubmit={onSubmit} noValidate>
          <fieldset>
            <legend>{t('setup.school')}</legend>
            <Field label={t('setup.schoolName')} autoComplete="organization" {...bind('schoolName')} />
            <Field label={t('setup.schoolShortName')} {...bind('schoolShortName')} />
          </fieldset>
          <fieldset>
            <legend>{t('setup.admin')}</legend>
            <Field label={t('setup.lastName')} autoComplete="family-name" {...bind('lastName')} />
            <Field label={t('setup.firstName')} autoComplete="given-name" {...bind('firstName')} />
            <Field label={t('setup.middleName')} autoComplete="additional-name" {...bind('middleName')} />
            <Field
              label={t('setup.login')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              {...bind('login')}
            />
            <Field
              label={t('setup.password')}
              type="password"
              autoComplete="new-password"
              hint={t('password.hint')}
              {...bind('password')}
            />
            <Field
              label={t('setup.passwordRepeat')}
              type="password"
              autoComplete="new-password"
              {...bind('passwordRepeat')}
            />
          </fieldset>
          <button
            type="submit"
            className="button button-primary"
            disabled={setup.isPending}
            aria-busy={setup.isPending}
          >
            {t('setup.submit')}
          </button>
        </form>
      </div>
    </PublicLayout>
  );
}
