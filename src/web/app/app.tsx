import { lazy, type ReactNode, Suspense } from 'react';
import { useLocation } from 'wouter';
import { PublicLayout } from '../components/public-layout.tsx';
import { HelpBoundary } from '../help/help-boundary.tsx';
import { publicHelp } from '../help/help-map.ts';
import { useT } from '../i18n/use-t.ts';
import { LoginPage } from '../pages/login-page.tsx';
import { LockScreen } from './lock-screen.tsx';
import { signOut, useMe, useSetupStatus } from './session.ts';

const SetupPage = lazy(() => import('../pages/setup-page.tsx'));
const ChangePasswordPage = lazy(() => import('../pages/change-password-page.tsx'));
const SignedInApp = lazy(() => import('./signed-in-app.tsx'));
const HelpPage = lazy(() => import('../help/help-page.tsx'));

function Loading() {
  const t = useT();
  return (
    <PublicLayout>
      <p className="loading">{t('app.loading')}</p>
    </PublicLayout>
  );
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <PublicLayout>
      <div className="card narrow">
        <h1>{t('app.name')}</h1>
        <div className="alert alert-error" role="alert">
          {t('app.loadFailed')}
        </div>
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    </PublicLayout>
  );
}

/** Decides what the visitor sees: a guide, first-run setup, login, the forced password change, or the app. */
export function App() {
  const t = useT();
  const [location] = useLocation();
  const setup = useSetupStatus();
  const me = useMe();
  // The guides are for everyone, signed in or not (they hold no school's data).
  if (location === '/help' || location.startsWith('/help/')) {
    return (
      <HelpBoundary>
        <Suspense fallback={<Loading />}>
          <HelpPage />
        </Suspense>
      </HelpBoundary>
    );
  }
  if (setup.isError || me.isError) {
    return (
      <LoadFailed
        onRetry={() => {
          void setup.refetch();
          void me.refetch();
        }}
      />
    );
  }
  if (setup.isPending || me.isPending) return <Loading />;
  let page: ReactNode;
  if (setup.data.needed) page = <SetupPage />;
  else if (!me.data) page = <LoginPage />;
  // Opened (or reloaded) while locked: the server told only the name; nothing else to keep.
  else if (me.data.locked) page = <LockScreen me={me.data} />;
  else if (me.data.mustChangePassword) {
    page = (
      <PublicLayout
        help={publicHelp.forcedPassword}
        actions={
          <button type="button" className="button button-quiet" onClick={() => void signOut('signedOut')}>
            {t('shell.logout')}
          </button>
        }
      >
        <ChangePasswordPage forced />
      </PublicLayout>
    );
  } else page = <SignedInApp me={me.data} />;
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
