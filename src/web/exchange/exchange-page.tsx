import { useState } from 'react';
import { Link } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { useYears } from '../calendar/calendar-api.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

const inside = [
  'exchange.inside.manifest',
  'exchange.inside.orgs',
  'exchange.inside.sessions',
  'exchange.inside.courses',
  'exchange.inside.classes',
  'exchange.inside.users',
  'exchange.inside.enrollments',
  'exchange.inside.marks',
] as const;

/** The OneRoster 1.2 CSV export of the school, with a link to the import. */
export default function ExchangePage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('exchange.title'));
  const years = useYears();
  const [chosen, setChosen] = useState<number | null>(null);
  const yearId = chosen ?? years.data?.years[0]?.id ?? null;

  return (
    <>
      <h1>{t('exchange.title')}</h1>
      <p>{t('exchange.intro')}</p>
      {years.isError && <FormAlert message={t('exchange.loadFailed')} />}
      {years.data && years.data.years.length === 0 && <p>{t('exchange.noYears')}</p>}
      {years.data && yearId !== null && (
        <>
          <SelectField
            name="yearId"
            label={t('exchange.year')}
            value={String(yearId)}
            onChange={(e) => setChosen(Number(e.target.value))}
            options={years.data.years.map((y) => ({ value: String(y.id), label: y.name }))}
          />
          <p>
            <a className="button button-primary" href={`/api/exchange/oneroster?yearId=${yearId}`} download>
              {t('exchange.download')}
            </a>
          </p>
        </>
      )}
      <h2>{t('exchange.insideTitle')}</h2>
      <ul>
        {inside.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>
        <Link href="/admin/exchange/import">{t('exchange.importLink')}</Link>
      </p>
    </>
  );
}
