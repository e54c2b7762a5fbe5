import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { russianTimeZones, type SettingsForm } from '../../contract/settings.ts';
import { type TwoFactorMode, twoFactorModes } from '../../contract/two-factor.ts';
import { apiPost } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { queryClient } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { zoneLabel } from '../reports/keeping.i18n.ts';
import { Checkbox, CheckGroup } from './controls.tsx';
import { peopleKeys, useSettings } from './people-api.ts';
import { WorkKinds } from './work-kinds.tsx';
import './people.css';

const numbers = [
  'roundFive',
  'roundFour',
  'roundThree',
  'editWindowDays',
  'idleTimeoutMinutesStaff',
  'idleTimeoutMinutesFamily',
  'homeworkHoursAfterLastLesson',
  'writtenWorkMarksDays',
] as const;
type NumberKey = (typeof numbers)[number];
type Texts = Record<NumberKey, string>;

/** The Russian zones, and the school's own if it is another one. */
const zoneOptions = (current: string): string[] =>
  (russianTimeZones as readonly string[]).includes(current)
    ? [...russianTimeZones]
    : [...russianTimeZones, current];

function SettingsEditor({ initial }: { initial: SettingsForm }) {
  const t = useT();
  const [flags, setFlags] = useState({
    markedGrades: initial.markedGrades,
    markScale: initial.markScale,
    usePlusMinus: initial.usePlusMinus,
    topicSameDay: initial.topicSameDay,
    attendanceSameDay: initial.attendanceSameDay,
    timeZone: initial.timeZone,
    twoFactor: initial.twoFactor,
  });
  const [texts, setTexts] = useState<Texts>(
    Object.fromEntries(numbers.map((k) => [k, String(initial[k])])) as Texts,
  );
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (body: SettingsForm) => apiPost('/api/settings', body),
    onSuccess: (data) => queryClient.setQueryData(peopleKeys.settings, data),
  });
  const errors = useFormErrors(problems, save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(texts, numbers);
    for (const k of numbers)
      if (!found[k] && !Number.isFinite(Number(texts[k].replace(',', '.'))))
        found[k] = { key: 'people.settings.number' };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length > 0) return;
    const parsed = Object.fromEntries(numbers.map((k) => [k, Number(texts[k].replace(',', '.'))])) as Record<
      NumberKey,
      number
    >;
    save.mutate({ ...flags, ...parsed });
  };
  const num = (name: NumberKey, label: string, step = '1') => (
    <Field
      label={label}
      name={name}
      type="number"
      inputMode="decimal"
      step={step}
      value={texts[name]}
      error={errors.field(name)}
      onChange={(e) => setTexts((v) => ({ ...v, [name]: e.target.value }))}
    />
  );
  return (
    <>
      {save.isSuccess && <Notice message={t('people.saved')} />}
      <FormAlert message={errors.general} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('people.settings.marks')}</legend>
          <CheckGroup
            name="markedGrades"
            legend={t('people.settings.markedGrades')}
            error={errors.field('markedGrades')}
          >
            {Array.from({ length: 11 }, (_, i) => i + 1).map((g) => (
              <Checkbox
                key={g}
                name={`grade-${g}`}
                label={String(g)}
                checked={flags.markedGrades.includes(g)}
                onChange={(on) =>
                  setFlags((f) => ({
                    ...f,
                    markedGrades: on
                      ? [...f.markedGrades, g].sort((a, b) => a - b)
                      : f.markedGrades.filter((x) => x !== g),
                  }))
                }
              />
            ))}
          </CheckGroup>
          <SelectField
            name="markScale"
            label={t('people.settings.markScale')}
            value={flags.markScale}
            error={errors.field('markScale')}
            options={[
              { value: 'five', label: t('people.settings.scale.five') },
              { value: 'pass', label: t('people.settings.scale.pass') },
            ]}
            onChange={(e) => setFlags((f) => ({ ...f, markScale: e.target.value as 'five' | 'pass' }))}
          />
          <Checkbox
            name="usePlusMinus"
            label={t('people.settings.plusMinus')}
            checked={flags.usePlusMinus}
            onChange={(on) => setFlags((f) => ({ ...f, usePlusMinus: on }))}
          />
          <p className="field-hint">{t('people.settings.thresholdsHint')}</p>
          <div className="people-grid">
            {num('roundFive', t('people.settings.roundFive'), '0.01')}
            {num('roundFour', t('people.settings.roundFour'), '0.01')}
            {num('roundThree', t('people.settings.roundThree'), '0.01')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('people.settings.access')}</legend>
          <div className="people-grid">
            {num('editWindowDays', t('people.settings.editWindowDays'))}
            {num('idleTimeoutMinutesStaff', t('people.settings.idleStaff'))}
            {num('idleTimeoutMinutesFamily', t('people.settings.idleFamily'))}
          </div>
          <SelectField
            name="twoFactor"
            label={t('people.settings.twoFactor')}
            value={flags.twoFactor}
            error={errors.field('twoFactor')}
            options={twoFactorModes.map((m) => ({ value: m, label: t(`people.settings.twoFactor.${m}`) }))}
            onChange={(e) => setFlags((f) => ({ ...f, twoFactor: e.target.value as TwoFactorMode }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('people.settings.timeliness')}</legend>
          <SelectField
            name="timeZone"
            label={t('settings.timeZone')}
            value={flags.timeZone}
            error={errors.field('timeZone')}
            options={zoneOptions(flags.timeZone).map((z) => ({ value: z, label: zoneLabel(z, t) }))}
            onChange={(e) => setFlags((f) => ({ ...f, timeZone: e.target.value }))}
          />
          <Checkbox
            name="topicSameDay"
            label={t('people.settings.topicSameDay')}
            checked={flags.topicSameDay}
            onChange={(on) => setFlags((f) => ({ ...f, topicSameDay: on }))}
          />
          <Checkbox
            name="attendanceSameDay"
            label={t('people.settings.attendanceSameDay')}
            checked={flags.attendanceSameDay}
            onChange={(on) => setFlags((f) => ({ ...f, attendanceSameDay: on }))}
          />
          <div className="people-grid">
            {num('homeworkHoursAfterLastLesson', t('people.settings.homeworkHours'))}
            {num('writtenWorkMarksDays', t('people.settings.writtenWorkDays'))}
          </div>
        </fieldset>
        <div>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('people.settings.save')}
          </button>
        </div>
      </form>
    </>
  );
}

/** «Настройки школы»: marks, rounding, edit window, idle sign-out, timeliness rules, work kinds. */
export default function SettingsPage(_: PageProps) {
  const t = useT();
  const settings = useSettings();
  useDocumentTitle(t('section.settings'));
  return (
    <>
      <h1>{t('section.settings')}</h1>
      {settings.isError && (
        <FormAlert
          message={settings.error instanceof ApiError ? settings.error.message : t('error.unexpected')}
        />
      )}
      {!settings.data ? (
        !settings.isError && <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <SettingsEditor initial={settings.data.settings} />
          <WorkKinds kinds={settings.data.workKinds} />
        </>
      )}
    </>
  );
}
