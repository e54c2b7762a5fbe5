import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRoute } from 'wouter';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { GuideView } from './guide-view.tsx';
import { type Guide, guides } from './help-map.ts';
import { type ParsedGuide, parseGuide } from './markdown.ts';
import './help.css';

/** The guides' Markdown, one chunk each, loaded when opened. */
const sources = import.meta.glob<string>('../../../docs/help/*/*.md', { query: '?raw', import: 'default' });

const isGuide = (name: string | undefined): name is Guide => guides.includes(name as Guide);

async function loadGuide(language: string, guide: Guide): Promise<ParsedGuide | null> {
  const load = sources[`../../../docs/help/${language}/${guide}.md`];
  return load ? parseGuide(await load()) : null;
}

/** Brings the section named in the address into view and gives it focus (for keyboards and readers). */
function useSectionFromHash(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const show = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, [ready]);
}

/** «Помощь»: a role's guide at `/help/<guide>#<section>`, readable with or without signing in. */
export default function HelpPage() {
  const t = useT();
  const language = useLanguage();
  const [, params] = useRoute('/help/:guide');
  const guide: Guide | null =
    params?.guide === undefined ? 'start' : isGuide(params.guide) ? params.guide : null;
  const loaded = useQuery({
    queryKey: ['help', language, guide],
    queryFn: () => (guide ? loadGuide(language, guide) : Promise.resolve(null)),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parsed = loaded.data ?? null;
  useDocumentTitle(parsed?.title ?? t('help.guides'));
  useSectionFromHash(Boolean(parsed));
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
          <h2>{t('help.guides')}</h2>
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
          {loaded.isPending && <p>{t('help.loading')}</p>}
          {!loaded.isPending && !parsed && <p role="alert">{t('help.notFound')}</p>}
          {parsed && (
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
          )}
        </main>
      </div>
    </>
  );
}
