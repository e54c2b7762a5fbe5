import { describe, expect, it } from 'vitest';
import { imageSources, parseGuide, parseInline, sectionIds } from './markdown.ts';

describe('the guides’ Markdown', () => {
  it('reads a title, sections with their anchors, subheadings, paragraphs, lists and images', () => {
    const guide = parseGuide(
      [
        '# Учитель',
        '',
        'Вступление в две',
        'строки.',
        '',
        '<a id="journal-grid"></a>',
        '## Журнал',
        '',
        '### Клавиши',
        '- `5` — пятёрка',
        '- **н** — отсутствовал',
        '1. Откройте журнал.',
        '2. Введите [отметку](#journal-grid) или см. [вход](start.md#login).',
        '',
        '![Журнал класса](../img/ru/teacher-journal-grid.jpg)',
      ].join('\n'),
    );
    expect(guide.problems).toEqual([]);
    expect(guide.title).toBe('Учитель');
    expect(sectionIds(guide)).toEqual(['journal-grid']);
    expect(imageSources(guide)).toEqual(['../img/ru/teacher-journal-grid.jpg']);
    expect(guide.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'section',
      'subheading',
      'list',
      'list',
      'image',
    ]);
    expect(guide.blocks[0]).toEqual({
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: 'Вступление в две строки.' }],
    });
    expect(guide.blocks[1]).toEqual({ kind: 'section', id: 'journal-grid', heading: 'Журнал' });
    expect(guide.blocks[3]).toEqual({
      kind: 'list',
      ordered: false,
      items: [
        [
          { kind: 'code', text: '5' },
          { kind: 'text', text: ' — пятёрка' },
        ],
        [
          { kind: 'strong', text: 'н' },
          { kind: 'text', text: ' — отсутствовал' },
        ],
      ],
    });
    const steps = guide.blocks[4];
    expect(steps?.kind === 'list' && steps.ordered && steps.items[1]).toEqual([
      { kind: 'text', text: 'Введите ' },
      { kind: 'link', text: 'отметку', guide: null, section: 'journal-grid' },
      { kind: 'text', text: ' или см. ' },
      { kind: 'link', text: 'вход', guide: 'start', section: 'login' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('names what it cannot show: HTML, tables, a heading without its anchor, an outside link, no title', () => {
    const problems = (text: string) => parseGuide(text).problems;
    expect(problems('# Т\n\n## Без якоря')).toEqual(['line 3: a "## " heading without its anchor line']);
    expect(problems('# Т\n<a id="x"></a>\nтекст')).toEqual([
      'line 2: an anchor must be followed by a "## " heading',
    ]);
    expect(problems('# Т\n<b>жирный</b>')).toHaveLength(1);
    expect(problems('# Т\n| a | b |')).toHaveLength(1);
    expect(problems('# Т\n```\nкод\n```')).toHaveLength(2);
    expect(problems('# Т\n# Второй')).toEqual(['line 2: only one "# " title, at the top']);
    expect(problems('просто текст')).toEqual(['no "# " title']);
    const outside: string[] = [];
    expect(parseInline('см. [сайт](https://example.org)', outside)).toEqual([
      { kind: 'text', text: 'см. ' },
      { kind: 'text', text: 'сайт' },
    ]);
    expect(outside).toEqual(['link to "https://example.org": only #section or guide.md#section']);
  });
});
