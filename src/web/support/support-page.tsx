import { useId, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { SupportContacts } from '../../contract/support.ts';
import type { PageProps } from '../app/page-route.ts';
import { requireFilled } from '../app/validate.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { ContactsForm } from './contacts-form.tsx';
import { ProblemDetails } from './problem-card.tsx';
import { SchoolProblems } from './problems-admin.tsx';
import { useMyProblems, useReportProblem, useSupportContacts } from './support-api.ts';
import './support.css';

/** The page a report is about: the `from` the header link carries, as a path only. */
function reportedPath(from: string | null): string {
  if (!from?.startsWith('/') || from.startsWith('//')) return '/support';
  return from.split(/[?#]/)[0] || '/support';
}

/** The contacts as everyone sees them; a hint while none are set. */
function ContactsView({ contacts }: { contacts: SupportContacts }) {
  const t = useT();
  const rows = (['who', 'phone', 'email', 'hours', 'details'] as const).filter((k) => contacts[k] !== '');
  return (
    <section className="panel" aria-labelledby="support-contacts-title">
      <h2 id="support-contacts-title">{t('support.contactsTitle')}</h2>
      {rows.length === 0 ? (
        <p>{t('support.contactsEmpty')}</p>
      ) : (
        <dl className="support-facts">
          {rows.map((k) => (
            <div key={k}>
              <dt>{t(`support.${k}`)}</dt>
              <dd>
                {k === 'email' ? (
                  <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
                ) : k === 'phone' ? (
                  <a href={`tel:${contacts.phone.replace(/[^+0-9]/g, '')}`}>{contacts.phone}</a>
                ) : (
                  contacts[k]
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** «Сообщить о проблеме»: a description; the page's path, the time, the browser and the version go with it. */
function ReportForm({ pagePath }: { pagePath: string }) {
  const t = useT();
  const id = useId();
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState({});
  const [sent, setSent] = useState(false);
  const report = useReportProblem();
  const errors = useFormErrors(problems, report.error);
  const error = errors.field('description');
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('support.reportTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = requireFilled({ description }, ['description']);
          setProblems(found);
          setSent(false);
          if (Object.keys(found).length > 0) return;
          report.mutate(
            { description: description.trim(), pagePath, userAgent: navigator.userAgent.slice(0, 500) },
            {
              onSuccess: () => {
                setSent(true);
                setDescription('');
              },
            },
          );
        }}
      >
        <FormAlert message={errors.general} />
        {sent && <Notice message={t('support.sent')} />}
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="description">{t('support.description')}</label>
          <p className="field-hint" id={`${id}-hint`}>
            {t('support.descriptionHint')}
          </p>
          <textarea
            id="description"
            name="description"
            rows={5}
            maxLength={2000}
            value={description}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            onChange={(e) => setDescription(e.target.value)}
          />
          {error && (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <p className="field-hint">{t('support.sentWith', { page: pagePath })}</p>
        <button type="submit" className="button button-primary" disabled={report.isPending}>
          {t('support.send')}
        </button>
      </form>
    </section>
  );
}

/** «Мои сообщения»: the person's own reports and where they stand. */
function MyProblems() {
  const t = useT();
  const mine = useMyProblems();
  const items = mine.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="support-mine-title">
      <h2 id="support-mine-title">{t('support.mineTitle')}</h2>
      {mine.isSuccess && items.length === 0 && <p>{t('support.mineEmpty')}</p>}
      <ul className="support-list">
        {items.map((item) => (
          <li key={item.id} className="panel support-item">
            <ProblemDetails item={item} showReporter={false} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** «Поддержка»: contacts (the administrator edits them), a problem report, one's own and the school's reports. */
export default function SupportPage(_: PageProps) {
  const t = useT();
  useDocumentTitle(t('support.title'));
  const [search] = useSearchParams();
  const contacts = useSupportContacts();
  const pagePath = reportedPath(search.get('from'));
  return (
    <div className="support-page">
      <h1>{t('support.title')}</h1>
      {contacts.data && <ContactsView contacts={contacts.data.contacts} />}
      <ReportForm pagePath={pagePath} />
      <MyProblems />
      {contacts.data?.canEdit && <SchoolProblems />}
      {contacts.data?.canEdit && <ContactsForm initial={contacts.data.contacts} />}
    </div>
  );
}
