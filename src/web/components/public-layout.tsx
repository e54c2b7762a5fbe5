import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of pages shown before the app proper: login, setup, forced password change. */
export function PublicLayout({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <div className="topbar-actions">
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
