import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { LoginAnswer } from '../../contract/two-factor.ts';
import { apiPost } from '../app/api.ts';
import { setNotice, useNotice } from '../app/notice.ts';
import { startSession } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { PublicLayout } from '../components/public-layout.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { publicHelp } from '../help/help-map.ts';
import { useT } from '../i18n/use-t.ts';
import { TwoFactorLoginStep } from '../security/two-factor-login-step.tsx';

const noticeText = {
  setupDone: 'login.setupDone',
  sessionExpired: 'login.sessionExpired',
  signedOut: 'login.signedOut',
} as const;

/** «Вход в Отметку»: login and password; the server's message (wrong password, lockout) above the form. */
export function LoginPage() {
  const t = useT();
  const notice = useNotice();
  const [values, setValues] = useState({ login: '', password: '' });
  const [problems, setProblems] = useState<Problems>({});
  // Two-factor login: the password was right, a code (or adding the app) comes next.
  const [secondStep, setSecondStep] = useState<Extract<LoginAnswer, { twoFactor: unknown }> | null>(null);
  const signIn = useMutation({
    mutationFn: (body: typeof values) => apiPost<LoginAnswer>('/api/auth/login', body),
    onSuccess: (answer) => ('twoFactor' in answer ? setSecondStep(answer) : startSession(answer)),
  });
  const errors = useFormErrors(problems, signIn.error);
  useDocumentTitle(t('login.title'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['login', 'password']);
    setProblems(found);
    setNotice(null);
    signIn.reset();
    if (Object.keys(found).length === 0) signIn.mutate(values);
  };
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <PublicLayout help={publicHelp.login}>
      <div className="card narrow">
        {secondStep ? (
          <TwoFactorLoginStep step={secondStep} onBack={() => setSecondStep(null)} />
        ) : (
          <>
            <h1>{t('login.title')}</h1>
            {notice && <Notice message={t(noticeText[notice])} />}
            <FormAlert message={errors.general} />
            <form className="form" onSubmit={onSubmit} noValidate>
              <Field
                label={t('login.login')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                {...bind('login')}
              />
              <Field
                label={t('login.password')}
                type="password"
                autoComplete="current-password"
                {...bind('password')}
              />
              <button
                type="submit"
                className="button button-primary"
                disabled={signIn.isPending}
                aria-busy={signIn.isPending}
              >
                {t('login.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
