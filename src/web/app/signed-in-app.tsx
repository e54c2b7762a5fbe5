import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import { isStaffRole } from '../../domain/roles.ts';
import { AppHeader } from '../components/app-header.tsx';
import { RoleNav } from '../components/role-nav.tsx';
import { useT } from '../i18n/use-t.ts';
import { useUnreadBadges } from '../messages/unread.ts';
import { outbox } from '../offline/outbox.ts';
import { prepareOffline } from '../offline/prepare.ts';
import { QueueStatus } from '../offline/queue-status.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { SectionPage } from '../pages/section-page.tsx';
import { OfflineBanner } from '../pwa/offline-banner.tsx';
import { useIdleTimeout } from './idle.ts';
import { LockScreen } from './lock-screen.tsx';
import { lockNow, onEnded, onUnlocked, useLockState } from './lock-screen-state.ts';
import { navigationFor } from './navigation.ts';
import { pageRoutes } from './page-routes.ts';
import { endSession, queryClient, signOut } from './session.ts';

const ChangePasswordPage = lazy(() => import('../pages/change-password-page.tsx'));
const navId = 'main-nav';

/**
 * The app after sign-in: header, role navigation, the page of the current address. Idle staff
 * sessions lock (the page stays mounted under the lock screen); idle family sessions sign out.
 */
export default function SignedInApp({ me }: { me: Me }) {
  const t = useT();
  const [location, navigate] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const groups = useMemo(() => navigationFor(me), [me]);
  const unread = useUnreadBadges(me, groups);
  const staff = me.roles.some(isStaffRole);
  const lock = useLockState();
  useIdleTimeout(me.idleTimeoutMinutes, () => void (staff ? lockNow() : signOut('sessionExpired')));

  useEffect(() => {
    // What failed while locked is asked again; the journal resends its own cells (onUnlocked there).
    const offUnlocked = onUnlocked(() => {
      void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
    });
    const offEnded = onEnded(() => endSession('signedOut'));
    return () => {
      offUnlocked();
      offEnded();
    };
  }, []);

  useEffect(() => {
    // The offline journal's queue is a teacher's: opened (another person's deleted) and sent from here.
    if (me.roles.includes('teacher'))
      void outbox.start(me.person.id).then(() => prepareOffline(me.person.id));
    else void outbox.release(me.person.id);
  }, [me]);

  useEffect(() => {
    setMenuOpen(false);
    // After navigating, move focus to the new page so screen readers and keyboards start there.
    if (firstRender.current) firstRender.current = false;
    else if (location) mainRef.current?.focus();
  }, [location]);

  const onSignOut = () => {
    const unsent = outbox.snapshot();
    const count = unsent.waiting + unsent.conflicts.length;
    if (count > 0 && !window.confirm(t('offline.signOutConfirm', { count }))) return;
    navigate('/');
    void signOut('signedOut');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <OfflineBanner />
      <QueueStatus />
      <AppHeader
        me={me}
        menuOpen={menuOpen}
        navId={navId}
        onToggleMenu={() => setMenuOpen((o) => !o)}
        onSignOut={onSignOut}
        onLock={staff ? () => void lockNow() : undefined}
      />
      <div className="layout">
        <RoleNav groups={groups} open={menuOpen} id={navId} counts={unread} />
        <main id="main" ref={mainRef} tabIndex={-1} className="content">
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <Switch>
              <Route path="/">
                <HomePage me={me} groups={groups} />
              </Route>
              <Route path="/password">
                <ChangePasswordPage />
              </Route>
              {pageRoutes.map(({ path, page: Page }) => (
                <Route key={path} path={path}>
                  {(params) => <Page me={me} params={params} />}
                </Route>
              ))}
              <Route>
                <SectionPage groups={groups} path={location} />
              </Route>
            </Switch>
          </Suspense>
        </main>
      </div>
      {lock === 'locked' && <LockScreen me={me} />}
    </>
  );
}
