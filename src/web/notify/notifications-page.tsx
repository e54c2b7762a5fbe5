import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPut } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import type { Problems } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { MyDataBlock } from '../privacy/my-data-block.tsx';
import { CalendarFeeds } from './calendar-feeds.tsx';
import {
  looksLikeEmail,
  type NotificationSettings,
  notifyKeys,
  notifyPaths,
  type Prefs,
  refreshNotify,
  useNotificationSettings,
} from './notify-api.ts';
import { TelegramBlock } from './telegram-block.tsx';
import './notify.css';

/** «Уведомления»: what a parent is told and where (e-mail, Telegram), the children's calendars, «Мои данные». */
export default function NotificationsPage({ me }: PageProps) {
  const t = useT();
  useDocumentTitle(t('notify.title'));
  const settings = useNotificationSettings();
  return (
    <section className="notify-page">
      <h1>{t('notify.title')}</h1>
      {settings.isPending && <p className="loading">{t('app.loading')}</p>}
      <FormAlert message={settings.error?.message} />
      {settings.data && (
        <>
          <PrefsForm settings={settings.data} />
          <TelegramBlock telegram={settings.data.telegram} />
        </>
      )}
      <CalendarFeeds childList={me.children} />
      <MyDataBlock />
    </section>
  );
}

type Threshold = '' | '2' | '3' | '4' | '5';

function PrefsForm({ settings }: { settings: NotificationSettings }) {
  const t = useT();
  const [prefs, setPrefs] = useState<Prefs>(settings.prefs);
  const [email, setEmail] = useState(settings.email ?? '');
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: () => apiPut<NotificationSettings>(notifyPaths.settings, { prefs, email: email.trim() }),
    onSuccess: (answer) => {
      setDirty(false);
      if (answer && typeof answer === 'object' && 'prefs' in answer)
        queryClient.setQueryData(notifyKeys.settings, answer);
      else void refreshNotify();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const change = (next: Partial<Prefs>) => {
    save.reset();
    setDirty(true);
    setPrefs((p) => ({ ...p, ...next }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (email.trim() && !looksLikeEmail(email)) found.email = { key: 'notify.emailInvalid' };
    else if (!email.trim() && prefs.emailEnabled) found.email = { key: 'notify.emailNeeded' };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate();
  };
  const check = (name: keyof Prefs, label: string, hint?: string) => (
    <div>
      <label className="notify-check">
        <input
          type="checkbox"
          name={name}
          checked={prefs[name] === true}
          aria-describedby={hint ? `${name}-hint` : undefined}
          onChange={(e) => change({ [name]: e.target.checked })}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p className="field-hint notify-check-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
  const thresholds: Threshold[] = ['', '2', '3', '4', '5'];
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="notify-prefs-title">
      <h2 id="notify-prefs-title">{t('notify.prefsTitle')}</h2>
      <FormAlert message={errors.general} />
      <Field
        name="email"
        type="email"
        autoComplete="email"
        label={t('notify.email')}
        hint={settings.emailAvailable ? t('notify.emailHint') : t('notify.emailUnavailable')}
        value={email}
        error={errors.field('email')}
        onChange={(e) => {
          save.reset();
          setDirty(true);
          setEmail(e.target.value);
        }}
      />
      <fieldset>
        <legend>{t('notify.channels')}</legend>
        {check('emailEnabled', t('notify.byEmail'))}
        {check(
          'telegramEnabled',
          t('notify.byTelegram'),
          settings.telegram.linked ? undefined : t('notify.telegramNotLinkedHint'),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('notify.what')}</legend>
        {check('absencesInstant', t('notify.absences'))}
        <SelectField
          name="markThreshold"
          label={t('notify.threshold')}
          value={prefs.markThreshold === null ? '' : String(prefs.markThreshold)}
          error={errors.field('prefs.markThreshold')}
          options={thresholds.map((v) => ({
            value: v,
            label: v === '' ? t('notify.thresholdNone') : v,
          }))}
          onChange={(e) => change({ markThreshold: e.target.value ? Number(e.target.value) : null })}
        />
        {check('digest', t('notify.digest'))}
      </fieldset>
      <div className="notify-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('notify.saving') : t('notify.save')}
        </button>
        <span className="notify-state" role="status">
          {dirty ? t('notify.unsaved') : save.isSuccess ? t('notify.saved') : ''}
        </span>
      </div>
    </form>
  );
}
