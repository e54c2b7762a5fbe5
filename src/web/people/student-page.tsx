import { Link } from 'wouter';
import type { StudentCard } from '../../contract/people.ts';
import { ApiError } from '../app/api-error.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { Badge } from './controls.tsx';
import { DepartureSection } from './departure-form.tsx';
import { GuardiansSection } from './guardians-section.tsx';
import { useStudentCard } from './people-api.ts';
import { AccountBadge } from './people-labels.tsx';
import { StudentForm } from './student-form.tsx';
import { ViewLog } from './view-log.tsx';
import './people.css';

function Facts({ card }: { card: StudentCard }) {
  const t = useT();
  const rows: [string, string | null][] = [
    [t('people.birthDate'), card.birthDate && formatDate(card.birthDate)],
    [t('people.sex'), card.sex && t(`people.sex.${card.sex}`)],
    [t('people.address'), card.address],
    [t('people.phone'), card.phone],
    [t('people.email'), card.email],
    [t('people.fileNumber'), card.file?.fileNumber ?? null],
    [t('people.healthGroup'), card.file?.healthGroup ?? null],
    [t('people.peGroup'), card.file?.peGroup ?? null],
    [t('people.arrivedOn'), card.file?.arrivedOn ? formatDate(card.file.arrivedOn) : null],
    [t('people.arrivalOrder'), card.file?.arrivalOrder ?? null],
  ];
  const shown = rows.filter(([, v]) => v);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="student-data">
      <h2 id="student-data">{t('people.card.data')}</h2>
      <dl className="people-facts">
        {shown.map(([label, value]) => (
          <div key={label} className="people-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The student's card: personal data and file, parents with consent, departure, and who viewed it. */
export default function StudentPage({ params }: PageProps) {
  const t = useT();
  const studentId = Number(params.id);
  const query = useStudentCard(studentId);
  const card = query.data;
  const name = card ? `${card.lastName} ${card.firstName} ${card.middleName}`.trim() : '';
  useDocumentTitle(name || t('people.card.title'));
  if (query.isError)
    return (
      <>
        <h1>{t('people.card.title')}</h1>
        <FormAlert message={query.error instanceof ApiError ? query.error.message : t('error.unexpected')} />
      </>
    );
  if (!card) return <p className="loading">{t('app.loading')}</p>;
  return (
    <>
      {card.classId !== null && card.can.personal && (
        <p>
          <Link href={`/class/${card.classId}`}>{t('people.card.back', { name: card.className ?? '' })}</Link>
        </p>
      )}
      <h1>{name}</h1>
      <p className="people-status">
        {card.className && <span>{t('people.card.class', { name: card.className })}</span>}
        {card.consent !== null &&
          (card.consent ? (
            <Badge tone="ok">{t('people.consent.yes')}</Badge>
          ) : (
            <Badge tone="warn">{t('people.consent.no')}</Badge>
          ))}
        {card.account && <AccountBadge status={card.account} />}
        {card.file?.departedOn && (
          <Badge tone="off">{t('people.card.departed', { date: formatDate(card.file.departedOn) })}</Badge>
        )}
      </p>
      {!card.can.personal && card.birthDate === null && (
        <p className="people-muted">{t('people.card.namesOnly')}</p>
      )}
      {card.can.edit ? <StudentForm key={`${card.id}`} card={card} /> : <Facts card={card} />}
      {(card.can.personal || card.guardians.length > 0) && <GuardiansSection card={card} />}
      <DepartureSection card={card} />
      {card.can.edit && <ViewLog studentId={card.id} />}
    </>
  );
}
