import { describe, expect, it } from 'vitest';
import { parseHomework, parseInline } from './homework-format.ts';

describe('homework formatting', () => {
  it('reads bold, italic and http(s) links; the rest stays text', () => {
    expect(parseInline('Прочитать **§ 12** и *стихи*: https://example.org/a.')).toEqual([
      { kind: 'text', text: 'Прочитать ' },
      { kind: 'bold', text: '§ 12' },
      { kind: 'text', text: ' и ' },
      { kind: 'italic', text: 'стихи' },
      { kind: 'text', text: ': ' },
      { kind: 'link', href: 'https://example.org/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never makes a link of another scheme and keeps markup as text', () => {
    expect(parseInline('javascript:alert(1) <script>x</script> <b>b</b>')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <script>x</script> <b>b</b>' },
    ]);
    expect(parseInline('см. https://example.org/"onmouseover=x')).toEqual([
      { kind: 'text', text: 'см. ' },
      { kind: 'link', href: 'https://example.org/' },
      { kind: 'text', text: '"onmouseover=x' },
    ]);
  });

  it('groups lines starting with «- » into a list between paragraphs', () => {
    expect(parseHomework('Упражнения:\r\n- № 5\n- № 7\n\nВыучить правило')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'Упражнения:' }] },
      {
        kind: 'list',
        items: [[{ kind: 'text', text: '№ 5' }], [{ kind: 'text', text: '№ 7' }]],
      },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'Выучить правило' }] },
    ]);
  });

  it('an unmatched star or a lone dash is plain text', () => {
    expect(parseHomework('5 * 3 = 15\n-5 градусов')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: '5 * 3 = 15' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: '-5 градусов' }] },
    ]);
  });
});
