import { Link, useLocation } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import { fullName, organisationOf } from '../app/person.ts';
import { HelpLink } from '../help/help-link.tsx';
import { helpFor } from '../help/help-map.ts';
import { useT } from '../i18n/use-t.ts';
import { useOpenProblemCount } from '../support/support-api.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** Props of the app header. */
export type AppHeaderProps = {
  me: Me;
  menuOpen: boolean;
  navId: string;
  onToggleMenu: () => void;
  onSignOut: () => void;
  /** «Заблокировать»: staff only (a family's phone or computer has its own lock). */
  onLock?: (() => void) | undefined;
};

/** The header of the signed-in app: product, school, person, language, menu, «Заблокировать» and «Выйти». */
export function AppHeader({ me, menuOpen, navId, onToggleMenu, onSignOut, onLock }: AppHeaderProps) {
  const t = useT();
  const organisation = organisationOf(me);
  // «Поддержка» carries the page it was opened from (its path only) for a problem report.
  const [path] = useLocation();
  const from = path === '/support' ? '' : `?from=${encodeURIComponent(path)}`;
  // The administrator sees the school's open problem reports counted beside «Поддержка».
  const openProblems = useOpenProblemCount(me.abilities.includes('support.manage'));
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        {t('app.name')}
      </Link>
      {organisation && <span className="topbar-school">{organisation}</span>}
      <div className="topbar-actions">
        <span className="topbar-person">{fullName(me.person)}</span>
        <Link href="/security" className="button button-quiet topbar-security">
          {t('security.link')}
        </Link>
        {me.abilities.includes('support.use') && (
          <Link href={`/support${from}`} className="button button-quiet topbar-support">
            {t('support.link')}
            {openProblems > 0 && (
              <>
                <span className="nav-count" aria-hidden="true">
                  {openProblems}
                </span>
                <span className="visually-hidden"> ({t('support.openBadge', { n: openProblems })})</span>
              </>
            )}
          </Link>
        )}
        <HelpLink target={helpFor(path, me)} />
        <LanguageSwitch />
        <button
          type="button"
          className="button button-quiet menu-button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={onToggleMenu}
        >
          {t('shell.menu')}
        </button>
        {onLock && (
          <button type="button" className="button button-quiet" title={t('lock.buttonHint')} onClick={onLock}>
            {t('lock.button')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onSignOut}>
          {t('shell.logout')}
        </button>
      </div>
    </header>
  );
}
