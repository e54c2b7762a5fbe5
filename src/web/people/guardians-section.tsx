import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GuardianItem, StudentCard } from '../../contract/people.ts';
import { apiPost } from '../app/api.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { ConsentForm } from './consent-form.tsx';
import { GuardianForm, LinkGuardianForm } from './guardian-forms.tsx';
import { cardChanged, useRoster } from './people-api.ts';
import { AccountBadge, kindLabel } from './people-labels.tsx';

function UnlinkButton({ studentId, guardian }: { studentId: number; guardian: GuardianItem }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const unlink = useMutation({
    mutationFn: () => apiPost<StudentCard>(`/api/students/${studentId}/guardians/${guardian.id}/unlink`),
    onSuccess: cardChanged,
  });
  const errors = useFormErrors({}, unlink.error);
  if (!asking)
    return (
      <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
        {t('people.unlink')}
      </button>
    );
  return (
    <div className="people-confirm">
      <FormAlert message={errors.general} />
      <p>{t('people.unlink.confirm', { name: guardian.name })}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={unlink.isPending}
        onClick={() => unlink.mutate()}
      >
        {t('people.unlink.yes')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        {t('people.cancel')}
      </button>
    </div>
  );
}

function GuardianCard({ card, guardian }: { card: StudentCard; guardian: GuardianItem }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const contacts = guardian.consentWithdrawnOn
    ? t('people.consent.withdrawn', { date: formatDate(guardian.consentWithdrawnOn) })
    : [guardian.phone, guardian.extraPhone, guardian.email].filter(Boolean).join(', ');
  return (
    <li className="people-guardian">
      <h3>
        {guardian.name} <span className="people-muted">({kindLabel(t, guardian.kind)})</span>
      </h3>
      <dl className="people-facts">
        <dt>{t('people.contacts')}</dt>
        <dd>{contacts || '—'}</dd>
        {card.can.personal && (
          <>
            <dt>{t('people.workplace')}</dt>
            <dd>{guardian.workplace ?? '—'}</dd>
            <dt>{t('people.account')}</dt>
            <dd>{guardian.account && <AccountBadge status={guardian.account} />}</dd>
          </>
        )}
      </dl>
      {card.can.edit && (
        <>
          <ConsentForm studentId={card.id} guardian={guardian} />
          <div className="people-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
            >
              {t('people.editGuardian')}
            </button>
            <UnlinkButton studentId={card.id} guardian={guardian} />
          </div>
          {editing && (
            <GuardianForm studentId={card.id} guardian={guardian} onDone={() => setEditing(false)} />
          )}
        </>
      )}
    </li>
  );
}

/** «Родители и законные представители» of a student, with consent, and the forms to add or link one. */
export function GuardiansSection({ card }: { card: StudentCard }) {
  const t = useT();
  const roster = useRoster(card.classId ?? 0, card.can.edit && card.classId !== null);
  const own = new Set(card.guardians.map((g) => g.id));
  const candidates = new Map<number, { id: number; name: string; child: string }>();
  for (const s of roster.data?.students ?? [])
    for (const g of s.guardians)
      if (s.id !== card.id && !own.has(g.id) && !candidates.has(g.id))
        candidates.set(g.id, { id: g.id, name: g.name, child: `${s.lastName} ${s.firstName}` });
  return (
    <section aria-labelledby="student-guardians">
      <h2 id="student-guardians">{t('people.guardians')}</h2>
      {card.can.personal && card.consent === false && (
        <p className="people-warn">{t('people.card.noConsent')}</p>
      )}
      {card.guardians.length === 0 ? (
        <p className="people-empty">{t(card.can.edit ? 'people.noGuardians.edit' : 'people.noGuardians')}</p>
      ) : (
        <ul className="people-plain">
          {card.guardians.map((g) => (
            <GuardianCard key={g.id} card={card} guardian={g} />
          ))}
        </ul>
      )}
      {card.can.edit && (
        <>
          <details className="people-details">
            <summary>{t('people.addGuardian')}</summary>
            <p className="people-muted">{t('people.addGuardian.hint')}</p>
            <GuardianForm studentId={card.id} guardian={null} />
          </details>
          <LinkGuardianForm studentId={card.id} candidates={[...candidates.values()]} />
        </>
      )}
    </section>
  );
}
