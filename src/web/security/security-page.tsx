import { type ComponentType, lazy, Suspense, useId, useState } from 'react';
import type { Me } from '../../contract/auth.ts';
import type { SessionItem, SignInItem } from '../../contract/security.ts';
import { isStaffRole } from '../../domain/roles.ts';
import type { PageProps } from '../app/page-route.ts';
import { formatMoment } from '../backups/backups-format.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { useEndSessions, useMySessions, useMySignIns } from './security-api.ts';
import './security.css';

/** The two-factor section is built beside this page; it is shown once its file exists. */
const twoFactorModules = import.meta.glob<{ TwoFactorSection: ComponentType<{ me: Me }> }>(
  './two-factor-section.tsx',
);
const loadTwoFactor = twoFactorModules['./two-factor-section.tsx'];
const TwoFactorSection = loadTwoFactor
  ? lazy(async () => ({ default: (await loadTwoFactor()).TwoFactorSection }))
  : null;

function errorText(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}

/** One live session: browser, address, when opened and last active; «Завершить» for the others. */
function SessionCard({ session, onEnd, busy }: { session: SessionItem; onEnd: () => void; busy: boolean }) {
  const t = useT();
  return (
    <li className={`panel security-session${session.current ? ' security-current' : ''}`}>
      <h3>
        {session.browser ?? t('security.unknownBrowser')}
        {session.current && <span className="security-badge">{t('security.thisDevice')}</span>}
      </h3>
      <p>{t('security.created', { at: formatMoment(session.createdAt) })}</p>
      <p>{t('security.lastSeen', { at: formatMoment(session.lastSeenAt) })}</p>
      {session.ip && <p>{t('security.address', { ip: session.ip })}</p>}
      {!session.current && (
        <button type="button" className="button" disabled={busy} onClick={onEnd}>
          {t('security.end')}
        </button>
      )}
    </li>
  );
}

/** The live sessions with «Завершить» each and «Завершить все остальные». */
function SessionsSection() {
  const t = useT();
  const id = useId();
  const sessions = useMySessions();
  const end = useEndSessions();
  const [notice, setNotice] = useState<string | null>(null);
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current).length;
  const run = (which: string) =>
    end.mutate(which, {
      onSuccess: (data) =>
        setNotice(which === 'others' ? t('security.endedOthers', { n: data.ended }) : t('security.ended')),
    });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('security.sessionsTitle')}</h2>
      <FormAlert message={errorText(sessions.error ?? end.error)} />
      <div role="status">{notice && <Notice message={notice} />}</div>
      {sessions.data && (
        <>
          <ul className="security-sessions">
            {list.map((s) => (
              <SessionCard key={s.id} session={s} busy={end.isPending} onEnd={() => run(s.id)} />
            ))}
          </ul>
          {others > 0 ? (
            <button
              type="button"
              className="button button-primary"
              disabled={end.isPending}
              onClick={() => run('others')}
            >
              {t('security.endOthers')}
            </button>
          ) : (
            <p>{t('security.onlyThis')}</p>
          )}
        </>
      )}
    </section>
  );
}

function outcomeText(t: ReturnType<typeof useT>, s: SignInItem): string {
  if (s.outcome === 'ok') return t(s.newDevice ? 'security.outcome.newDevice' : 'security.outcome.ok');
  return t(`security.outcome.${s.outcome}`);
}

/** The last 50 login attempts: when, address, browser, outcome. */
function HistorySection() {
  const t = useT();
  const id = useId();
  const history = useMySignIns();
  const rows = history.data?.signIns ?? [];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('security.historyTitle')}</h2>
      <p>{t('security.historyIntro')}</p>
      <FormAlert message={errorText(history.error)} />
      {history.data && rows.length === 0 && <p>{t('security.noHistory')}</p>}
      {rows.length > 0 && (
        <div className="table-box">
          <table className="data-table stack-on-phone" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('security.colWhen')}</th>
                <th scope="col">{t('security.colAddress')}</th>
                <th scope="col">{t('security.colBrowser')}</th>
                <th scope="col">{t('security.colOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className={s.outcome === 'ok' ? '' : 'security-failed'}>
                  <td>{formatMoment(s.at)}</td>
                  <td data-label={t('security.colAddress')}>{s.ip ?? '—'}</td>
                  <td data-label={t('security.colBrowser')}>{s.browser ?? t('security.unknownBrowser')}</td>
                  <td data-label={t('security.colOutcome')}>{outcomeText(t, s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** «Безопасность»: one's active sessions, the login history and, for staff, two-factor login. */
export default function SecurityPage({ me }: PageProps) {
  const t = useT();
  useDocumentTitle(t('security.title'));
  const staff = me.roles.some(isStaffRole);
  return (
    <div className="security-page">
      <h1>{t('security.title')}</h1>
      <p>{t('security.intro')}</p>
      <SessionsSection />
      {staff && TwoFactorSection && (
        <Suspense fallback={null}>
          <TwoFactorSection me={me} />
        </Suspense>
      )}
      <HistorySection />
    </div>
  );
}
