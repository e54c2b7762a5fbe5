import { Component, type ReactNode } from 'react';
import { PublicLayout } from '../components/public-layout.tsx';
import { useT } from '../i18n/use-t.ts';

function LoadFailed() {
  const t = useT();
  return (
    <PublicLayout>
      <div className="card narrow">
        <h1>{t('help.guides')}</h1>
        <p role="alert">{t('help.loadFailed')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </button>
      </div>
    </PublicLayout>
  );
}

/** The guides' page failed to load (offline, before it was ever opened): say so instead of a blank tab. */
export class HelpBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
