import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageRoutes } from '../src/web/app/page-routes.ts';
import { type Guide, guides, helpEntries, publicHelp } from '../src/web/help/help-map.ts';
import {
  imageSources,
  type ParsedGuide,
  parseGuide,
  parseInline,
  sectionIds,
} from '../src/web/help/markdown.ts';
import { shotScreens } from '../src/web/help/shots.ts';
import { shots } from './e2e/guide-shots.ts';

const languages = ['ru', 'en'] as const;
const read = (language: string, guide: Guide): ParsedGuide =>
  parseGuide(readFileSync(`docs/help/${language}/${guide}.md`, 'utf8'));
const parsed = Object.fromEntries(
  languages.map((language) => [language, Object.fromEntries(guides.map((g) => [g, read(language, g)]))]),
) as Record<(typeof languages)[number], Record<Guide, ParsedGuide>>;

/** Every (guide, section) a page leads to: the signed-in pages' entries and the pages before sign-in. */
const targets: { guide: Guide; section: string; from: string }[] = [
  ...helpEntries.flatMap((e) => e.guides.map((guide) => ({ guide, section: e.section, from: e.pattern }))),
  ...Object.entries(publicHelp).map(([from, target]) => ({ ...target, from })),
];

/**
 * The guides and the pages, both ways: every page of the app has its place in a guide, and every
 * section of every guide is the place of some page, in Russian and in English alike.
 */
describe('the guides and the pages', () => {
  it('give every page of the app its help section (and no section to a page that is not there)', () => {
    const pages = ['/', '/password', ...pageRoutes.map((r) => r.path)];
    const patterns = helpEntries.map((e) => e.pattern);
    expect([...patterns].sort()).toEqual([...new Set(pages)].sort());
  });

  it('have, in both languages, the section each page leads to', () => {
    for (const language of languages)
      for (const { guide, section, from } of targets)
        expect(sectionIds(parsed[language][guide]), `${from} → ${language}/${guide}.md#${section}`).toContain(
          section,
        );
  });

  it('have no section that no page leads to', () => {
    for (const language of languages)
      for (const guide of guides)
        for (const id of sectionIds(parsed[language][guide]))
          expect(
            targets.some((t) => t.guide === guide && t.section === id),
            `${language}/${guide}.md#${id} has no page`,
          ).toBe(true);
  });

  it('are written in the Markdown the app renders, each section once, the English twin like the Russian', () => {
    for (const guide of guides) {
      for (const language of languages) {
        const g = parsed[language][guide];
        expect(g.problems, `${language}/${guide}.md`).toEqual([]);
        expect(new Set(sectionIds(g)).size, `${language}/${guide}.md: a section twice`).toBe(
          sectionIds(g).length,
        );
      }
      expect(sectionIds(parsed.en[guide]), guide).toEqual(sectionIds(parsed.ru[guide]));
      const names = (language: string) =>
        imageSources(parsed[language as 'ru'][guide]).map((s) => s.split('/').pop());
      expect(names('en'), guide).toEqual(names('ru'));
    }
  });

  it('link only to sections that exist', () => {
    for (const language of languages)
      for (const guide of guides) {
        const text = readFileSync(`docs/help/${language}/${guide}.md`, 'utf8');
        for (const item of parseInline(text))
          if (item.kind === 'link') {
            const to = (item.guide ?? guide) as Guide;
            expect(guides, `${language}/${guide}.md → ${item.guide}`).toContain(to);
            expect(
              sectionIds(parsed[language][to]),
              `${language}/${guide}.md → ${to}#${item.section}`,
            ).toContain(item.section);
          }
      }
  });

  it('show only the screenshots the end-to-end test takes, each of them, in its own language', () => {
    const shown = new Set<string>();
    for (const language of languages)
      for (const guide of guides)
        for (const src of imageSources(parsed[language][guide])) {
          expect(src, `${language}/${guide}.md`).toMatch(
            new RegExp(`^\\.\\./img/${language}/[a-z-]+\\.jpg$`),
          );
          shown.add(src.slice(`../img/${language}/`.length, -'.jpg'.length));
          expect(existsSync(`docs/help/${src.slice(3)}`), `${src}: run npm run docs:screenshots`).toBe(true);
        }
    expect([...shown].sort()).toEqual(shots.map((s) => s.name).sort());
    expect(Object.keys(shotScreens).sort(), 'every screen size has its shot').toEqual([...shown].sort());
    for (const language of languages)
      expect(readdirSync(`docs/help/img/${language}`).sort(), 'no stale screenshots').toEqual(
        shots.map((s) => `${s.name}.jpg`).sort(),
      );
  });
});
