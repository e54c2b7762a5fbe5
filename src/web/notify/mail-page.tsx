import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { mailTestAnswer } from '../../contract/notifications.ts';
import { apiPost, apiPut } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import {
  looksLikeEmail,
  type MailSettings,
  notifyPaths,
  refreshNotify,
  useMailSettings,
} from './notify-api.ts';
import './notify.css';

/** «Почта»: the school's SMTP settings, a test letter and the queue of notifications. */
export default function MailPage(_: PageProps) {
  const t = useT();
  useDocumentTitle(t('mail.title'));
  const mail = useMailSettings();
  return (
    <section className="notify-page">
      <h1>{t('mail.title')}</h1>
      {mail.isPending && <p className="loading">{t('app.loading')}</p>}
      <FormAlert message={mail.error?.message} />
      {mail.data && (
        <>
          <Queue queue={mail.data.queue} />
          <SmtpForm settings={mail.data} />
          <TestLetter configured={mail.data.configured} />
        </>
      )}
    </section>
  );
}

function Queue({ queue }: { queue: MailSettings['queue'] }) {
  const t = useT();
  return (
    <section className="panel notify-section" aria-labelledby="mail-queue-title">
      <h2 id="mail-queue-title">{t('mail.queue')}</h2>
      <dl className="notify-counts">
        <div>
          <dt>{t('mail.pending')}</dt>
          <dd>{queue.pending}</dd>
        </div>
        <div>
          <dt>{t('mail.sentLastDay')}</dt>
          <dd>{queue.sentLastDay}</dd>
        </div>
        <div>
          <dt>{t('mail.failed')}</dt>
          <dd>{queue.failed}</dd>
        </div>
      </dl>
    </section>
  );
}

type Values = { host: string; port: string; username: string; password: string; fromAddress: string };

function SmtpForm({ settings }: { settings: MailSettings }) {
  const t = useT();
  const [values, setValues] = useState<Values>({
    host: settings.host,
    port: settings.configured ? String(settings.port) : '587',
    username: settings.username,
    password: '',
    fromAddress: settings.fromAddress,
  });
  const [secure, setSecure] = useState(settings.configured ? settings.secure : false);
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: () =>
      apiPut(notifyPaths.mail, {
        host: values.host.trim(),
        port: Number(values.port),
        secure,
        username: values.username.trim(),
        ...(values.password ? { password: values.password } : {}),
        fromAddress: values.fromAddress.trim(),
      }),
    onSuccess: () => {
      setValues((v) => ({ ...v, password: '' }));
      return refreshNotify();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const bind = (name: keyof Values) => ({
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['host', 'port', 'fromAddress']);
    const port = Number(values.port);
    if (!found.port && !(Number.isInteger(port) && port >= 1 && port <= 65535))
      found.port = { key: 'mail.portInvalid' };
    if (!found.fromAddress && !looksLikeEmail(values.fromAddress))
      found.fromAddress = { key: 'notify.emailInvalid' };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="mail-smtp-title">
      <h2 id="mail-smtp-title">{t('mail.smtp')}</h2>
      {!settings.configured && <p>{t('mail.notConfigured')}</p>}
      <FormAlert message={errors.general} />
      {save.isSuccess && <Notice message={t('mail.saved')} />}
      <div className="form-row">
        <Field name="host" label={t('mail.host')} autoComplete="off" {...bind('host')} />
        <Field name="port" label={t('mail.port')} inputMode="numeric" {...bind('port')} />
      </div>
      <div>
        <label className="notify-check">
          <input
            type="checkbox"
            name="secure"
            checked={secure}
            aria-describedby="secure-hint"
            onChange={(e) => {
              save.reset();
              setSecure(e.target.checked);
            }}
          />
          <span>{t('mail.secure')}</span>
        </label>
        <p className="field-hint notify-check-hint" id="secure-hint">
          {t('mail.secureHint')}
        </p>
      </div>
      <div className="form-row">
        <Field name="username" label={t('mail.username')} autoComplete="off" {...bind('username')} />
        <Field
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('mail.password')}
          hint={settings.hasPassword ? t('mail.passwordKept') : t('mail.passwordNone')}
          {...bind('password')}
        />
      </div>
      <Field
        name="fromAddress"
        type="email"
        label={t('mail.from')}
        hint={t('mail.fromHint')}
        {...bind('fromAddress')}
      />
      <p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('notify.saving') : t('mail.save')}
        </button>
      </p>
    </form>
  );
}

function TestLetter({ configured }: { configured: boolean }) {
  const t = useT();
  const [to, setTo] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const send = useMutation({
    mutationFn: () => apiPost<z.infer<typeof mailTestAnswer>>(notifyPaths.mailTest, { to: to.trim() }),
    onSuccess: () => refreshNotify(),
  });
  const errors = useFormErrors(problems, send.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = looksLikeEmail(to) ? {} : { to: { key: 'notify.emailInvalid' } };
    setProblems(found);
    send.reset();
    if (Object.keys(found).length === 0) send.mutate();
  };
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="mail-test-title">
      <h2 id="mail-test-title">{t('mail.test')}</h2>
      {!configured && <p className="notify-muted">{t('mail.testNeedsSettings')}</p>}
      <FormAlert message={errors.general} />
      {send.data && <Notice message={t('mail.testQueued')} />}
      <Field
        name="to"
        type="email"
        label={t('mail.testTo')}
        value={to}
        error={errors.field('to')}
        onChange={(e) => {
          send.reset();
          setTo(e.target.value);
        }}
      />
      <p>
        <button type="submit" className="button button-quiet" disabled={send.isPending || !configured}>
          {t('mail.testSend')}
        </button>
      </p>
    </form>
  );
}
