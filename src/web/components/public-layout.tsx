import type { ReactNode } from 'react';
import { HelpLink } from '../help/help-link.tsx';
import type { HelpTarget } from '../help/help-map.ts';
import { useT } from '../i18n/use-t.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of pages shown before the app proper: login, setup, forced password change (each with its «Помощь»). */
export function PublicLayout({
  children,
  actions,
  help,
}: {
  children: ReactNode;
  actions?: ReactNode;
  help?: HelpTarget;
}) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <div className="topbar-actions">
          {help && <HelpLink target={help} />}
          <LanguageSwitch />
          {actions}
        </div>
      </header>
      <main id="main" className="public-main">
        {children}
      </main>
    </>
  );
}
