import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import type { Language } from '../i18n/translate.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { GuideView } from './guide-view.tsx';
import { type Guide, guideOfPath, guides } from './help-map.ts';
import { type ParsedGuide, parseGuide } from './markdown.ts';
import './help.css';

/** The guides' Markdown, one chunk each, loaded when opened. */
const sources = import.meta.glob<string>('../../../docs/help/*/*.md', { query: '?raw', import: 'default' });

async function loadGuide(language: Language, guide: Guide): Promise<ParsedGuide> {
  const load = sources[`../../../docs/help/${language}/${guide}.md`];
  if (!load) throw new Error(`docs/help/${language}/${guide}.md is not in the build`);
  return parseGuide(await load());
}

/**
 * Brings the section named in the address into view and gives it focus (for keyboards and readers),
 * when a guide is shown: also the other language's, cached or not.
 */
function useSectionFromHash(shown: ParsedGuide | null) {
  useEffect(() => {
    if (!shown) return;
    const show = () => {
      // Section ids are [a-z0-9-]: a hash that is not one finds nothing.
      const id = window.location.hash.slice(1);
      const target = /^[a-z0-9-]+$/.test(id) ? document.getElementById(id) : null;
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, [shown]);
}

/** «Помощь»: a role's guide at `/help/<guide>#<section>`, readable with or without signing in. */
export default function HelpPage() {
  const t = useT();
  const language = useLanguage();
  const [location] = useLocation();
  const guide = guideOfPath(location);
  const loaded = useQuery({
    queryKey: ['help', language, guide],
    queryFn: () => loadGuide(language, guide as Guide),
    enabled: guide !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parsed = loaded.data ?? null;
  useDocumentTitle(parsed?.title ?? t('help.guides'));
  useSectionFromHash(parsed);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a href="/" className="brand">
          {t('app.name')}
        </a>
        <div className="topbar-actions">
          <a href="/" className="button button-quiet">
            {t('help.toApp')}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <div className="layout help-layout">
        <nav className="help-nav" aria-label={t('help.guides')}>
          <ul>
            {guides.map((g) => (
              <li key={g}>
                <a href={`/help/${g}`} aria-current={g === guide ? 'page' : undefined}>
                  {t(`help.guide.${g}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="content help-content" lang={language}>
          {parsed ? (
            <article>
              <h1>{parsed.title}</h1>
              <nav className="help-contents" aria-label={t('help.contents')}>
                <h2>{t('help.contents')}</h2>
                <ol>
                  {parsed.blocks.flatMap((b) =>
                    b.kind === 'section'
                      ? [
                          <li key={b.id}>
                            <a href={`#${b.id}`}>{b.heading}</a>
                          </li>,
                        ]
                      : [],
                  )}
                </ol>
              </nav>
              <GuideView blocks={parsed.blocks} />
            </article>
          ) : (
            <>
              <h1>{t('help.guides')}</h1>
              {guide === null && <p role="alert">{t('help.notFound')}</p>}
              {guide !== null && loaded.isError && (
                <div role="alert">
                  <p>{t('help.loadFailed')}</p>
                  <button type="button" className="button" onClick={() => void loaded.refetch()}>
                    {t('app.retry')}
                  </button>
                </div>
              )}
              {guide !== null && loaded.isPending && <p>{t('help.loading')}</p>}
            </>
          )}
        </main>
      </div>
    </>
  );
}
