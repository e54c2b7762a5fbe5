import { Link } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import { ApiError } from '../app/api-error.ts';
import { useT } from '../i18n/use-t.ts';
import { leadershipPrefix, useDashboard } from './dashboard-api.ts';
import { FigureCards } from './figure-cards.tsx';
import './dashboard.css';

/**
 * The director's (and deputy's) four figures on the home page: completeness, timeliness, quality
 * and attendance with their weekly trends, each card opening its report; a link to «Контроль».
 * Loaded lazily so that the home page of everyone else stays small.
 */
export default function DirectorFigures({ me }: { me: Me }) {
  const t = useT();
  const prefix = leadershipPrefix(me.roles);
  const dashboard = useDashboard({}, 'week');
  // A school without an academic year has no figures yet: the home page stays as it was.
  if (dashboard.error instanceof ApiError && dashboard.error.status === 404) return null;
  return (
    <section className="director-figures" aria-labelledby="director-figures">
      <h2 id="director-figures">{t('dashboard.home')}</h2>
      {dashboard.isPending && <p className="loading">{t('reports.loading')}</p>}
      {dashboard.isError && <p>{t('dashboard.homeFailed')}</p>}
      {dashboard.data && <FigureCards answer={dashboard.data} filters={{}} prefix={prefix} compact />}
      <p>
        <Link href={`${prefix}/control`}>{t('dashboard.homeMore')}</Link>
      </p>
    </section>
  );
}
