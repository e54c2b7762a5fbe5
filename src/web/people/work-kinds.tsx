import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { settingsAnswer } from '../../contract/settings.ts';
import { apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { peopleKeys } from './people-api.ts';
import { useValues } from './use-values.ts';

type Answer = z.infer<typeof settingsAnswer>;
type Kind = Answer['workKinds'][number];
const done = (data: Answer) => queryClient.setQueryData(peopleKeys.settings, data);

/** One work kind's row: rename, reweigh, archive; or the empty row that adds one. */
function KindForm({ kind }: { kind: Kind | null }) {
  const t = useT();
  const id = kind ? `kind-${kind.id}` : 'kind-new';
  const blank = { name: '', shortName: '', weight: '1' };
  const form = useValues(
    kind ? { name: kind.name, shortName: kind.shortName, weight: String(kind.weight) } : blank,
  );
  const [flags, setFlags] = useState({
    written: kind?.written ?? false,
    assessment: kind?.assessment ?? false,
  });
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: () =>
      apiPost<Answer>(kind ? `/api/work-kinds/${kind.id}` : '/api/work-kinds', {
        name: form.values.name,
        shortName: form.values.shortName,
        weight: Number(form.values.weight.replace(',', '.')),
        written: flags.written,
        assessment: flags.assessment,
      }),
    onSuccess: (data) => {
      done(data);
      if (!kind) {
        form.setValues(blank);
        setFlags({ written: false, assessment: false });
      }
    },
  });
  const archive = useMutation({
    mutationFn: () => apiPost<Answer>(`/api/work-kinds/${kind?.id}/archive`),
    onSuccess: done,
  });
  const errors = useFormErrors(problems, save.error ?? archive.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = requireFilled(form.values, ['name', 'shortName', 'weight']);
    if (!found.weight && !(Number(form.values.weight.replace(',', '.')) > 0))
      found.weight = { key: 'people.settings.number' };
    setProblems(found);
    save.reset();
    archive.reset();
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <li className="people-kind">
      <FormAlert message={errors.general} />
      <form
        className="people-inline"
        onSubmit={onSubmit}
        noValidate
        aria-label={kind ? kind.name : t('people.kinds.add')}
      >
        <Field label={t('people.kinds.name')} {...form.bind('name', errors, `${id}-name`)} />
        <Field
          label={t('people.kinds.shortName')}
          size={6}
          {...form.bind('shortName', errors, `${id}-shortName`)}
        />
        <Field
          label={t('people.kinds.weight')}
          type="number"
          step="0.1"
          min="0.1"
          size={4}
          {...form.bind('weight', errors, `${id}-weight`)}
        />
        {(['written', 'assessment'] as const).map((flag) => (
          <label key={flag} className="people-check" htmlFor={`${id}-${flag}`}>
            <input
              type="checkbox"
              id={`${id}-${flag}`}
              checked={flags[flag]}
              onChange={(e) => setFlags((f) => ({ ...f, [flag]: e.target.checked }))}
            />{' '}
            {t(`people.kinds.${flag}`)}
          </label>
        ))}
        <button type="submit" className="button button-quiet" disabled={save.isPending}>
          {kind ? t('people.save') : t('people.kinds.add')}
        </button>
        {kind && (
          <button
            type="button"
            className="button button-quiet"
            disabled={archive.isPending}
            onClick={() => archive.mutate()}
          >
            {t('people.kinds.archive')}
          </button>
        )}
      </form>
    </li>
  );
}

/** «Виды работ» with their weights in averages. */
export function WorkKinds({ kinds }: { kinds: Kind[] }) {
  const t = useT();
  return (
    <section aria-labelledby="work-kinds">
      <h2 id="work-kinds">{t('people.kinds.title')}</h2>
      <p className="people-muted">{t('people.kinds.hint')}</p>
      <ul className="people-plain">
        {kinds.map((k) => (
          <KindForm key={`${k.id}-${k.name}-${k.weight}-${k.written}-${k.assessment}`} kind={k} />
        ))}
        <KindForm kind={null} />
      </ul>
    </section>
  );
}
