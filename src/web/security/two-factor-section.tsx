import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { Me } from '../../contract/auth.ts';
import type { twoFactorEnrollment, twoFactorStatus } from '../../contract/two-factor.ts';
import { apiGet, apiPost } from '../app/api.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { EnrollmentCard, RecoveryCodes } from './two-factor-enrollment.tsx';
import './two-factor.css';

type Status = z.infer<typeof twoFactorStatus>;
type Enrollment = z.infer<typeof twoFactorEnrollment>;
const statusKey = ['me', 'two-factor'] as const;

/** Adding the app: «Подключить приложение», then the QR code, the key and the first code. */
function Enroll({ onDone }: { onDone: (codes: string[]) => void }) {
  const t = useT();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const begin = useMutation({
    mutationFn: () => apiPost<Enrollment>('/api/two-factor/begin', { password }),
    onSuccess: setEnrollment,
  });
  const confirm = useMutation({
    mutationFn: () => apiPost<{ recoveryCodes: string[] }>('/api/two-factor/confirm', { code }),
    onSuccess: (data) => onDone(data.recoveryCodes),
  });
  const errors = useFormErrors({}, confirm.error ?? begin.error);
  const onBegin = (e: FormEvent) => {
    e.preventDefault();
    begin.mutate();
  };
  if (!enrollment)
    return (
      <form className="form" onSubmit={onBegin} noValidate>
        <FormAlert message={errors.general} />
        <Field
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('twoFactor.password')}
          hint={t('twoFactor.passwordHint')}
          value={password}
          error={errors.field('password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={begin.isPending}>
          {t('twoFactor.start')}
        </button>
      </form>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <>
      <EnrollmentCard enrollment={enrollment} />
      <FormAlert message={errors.general} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          name="code"
          label={t('twoFactor.code')}
          hint={t('twoFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          error={errors.field('code')}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={confirm.isPending}>
          {t('twoFactor.confirm')}
        </button>
      </form>
    </>
  );
}

/** Switching off with the password and a current code. */
function Disable({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [values, setValues] = useState({ password: '', code: '' });
  const disable = useMutation({
    mutationFn: () => apiPost('/api/two-factor/disable', values),
    onSuccess: onDone,
  });
  const errors = useFormErrors({}, disable.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    disable.mutate();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h3>{t('twoFactor.disableTitle')}</h3>
      <FormAlert message={errors.general} />
      <Field
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('twoFactor.password')}
        value={values.password}
        error={errors.field('password')}
        onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
      />
      <Field
        name="disableCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        label={t('twoFactor.code')}
        value={values.code}
        error={errors.field('code')}
        onChange={(e) => setValues((v) => ({ ...v, code: e.target.value }))}
      />
      <button type="submit" className="button" disabled={disable.isPending}>
        {t('twoFactor.disable')}
      </button>
    </form>
  );
}

/** «Двухфакторный вход» on the «Безопасность» page (staff only; the page decides to show it). */
export function TwoFactorSection(_: { me: Me }) {
  const t = useT();
  const client = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: () => apiGet<Status>('/api/two-factor') });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: statusKey });
  const s = status.data;
  return (
    <section className="panel two-factor" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      <p>{t('twoFactor.intro')}</p>
      {notice && <Notice message={notice} />}
      {status.isError && <FormAlert message={status.error.message} />}
      {codes && <RecoveryCodes codes={codes} />}
      {s?.enabled && (
        <>
          <p>{t('twoFactor.on', { date: formatDate(s.enabledAt ?? ''), n: s.recoveryCodesLeft })}</p>
          {s.required ? (
            <p>{t('twoFactor.requiredHint')}</p>
          ) : (
            <Disable
              onDone={() => {
                setCodes(null);
                setNotice(t('twoFactor.disabled'));
                void refresh();
              }}
            />
          )}
        </>
      )}
      {s && !s.enabled && s.mode === 'off' && <p>{t('twoFactor.offBySchool')}</p>}
      {s && !s.enabled && s.mode !== 'off' && (
        <>
          <p>{s.required ? t('twoFactor.requiredHint') : t('twoFactor.notOn')}</p>
          <Enroll
            onDone={(c) => {
              setCodes(c);
              setNotice(t('twoFactor.enabled'));
              void refresh();
            }}
          />
        </>
      )}
    </section>
  );
}
