/**
 * The small Markdown of the guides in docs/help/ (see docs/WEB.md «Help: the guides»): a title, sections opened
 * by `<a id="…"></a>` and a `##` heading, `###` subheadings, paragraphs, flat lists, images on their
 * own line, and inline bold, code and links. Parsed into data, rendered by React: no HTML is injected.
 */

/** A run of text inside a paragraph, list item or heading. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; guide: string | null; section: string };

/** A block of a guide. */
export type Block =
  | { kind: 'section'; id: string; heading: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'image'; alt: string; src: string };

/** A parsed guide: its title, blocks, and what in the file the renderer cannot show as written. */
export type ParsedGuide = { title: string; blocks: Block[]; problems: string[] };

const anchorLine = /^<a id="([a-z0-9-]+)"><\/a>$/;
const imageLine = /^!\[([^\]]+)\]\(([^)\s]+)\)$/;
const bullet = /^- (.+)$/;
const numbered = /^\d+\. (.+)$/;
const inlinePattern = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]*)\)/g;
/** Lines the renderer has no form for: HTML, quotes, tables, code, rules, other images, `*` lists. */
const unsupported = /^(<|>|\||```|#|!\[|---|\*\s|[-*+]\s*$)/;
/** Single `*` or `_` emphasis (only `**bold**` is shown). */
const emphasis = /(^|\s)[*_][^\s*_]/;
const linkTarget = /^(?:([a-z-]+)\.md)?#([a-z0-9-]+)$/;

/** Bold, code and links of one line of text; a link the guides cannot have is a problem. */
export function parseInline(text: string, problems: string[] = []): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    const [, strong, code, linkText, href] = match;
    if (strong !== undefined) out.push({ kind: 'strong', text: strong });
    else if (code !== undefined) out.push({ kind: 'code', text: code });
    else {
      const target = linkTarget.exec(href ?? '');
      if (target)
        out.push({ kind: 'link', text: linkText ?? '', guide: target[1] ?? null, section: target[2] ?? '' });
      else {
        problems.push(`link to "${href}": only #section or guide.md#section`);
        out.push({ kind: 'text', text: linkText ?? '' });
      }
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Parses a guide's Markdown; `problems` names each line the renderer would not show as meant. */
export function parseGuide(source: string): ParsedGuide {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const problems: string[] = [];
  const blocks: Block[] = [];
  let title = '';
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length)
      blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' '), problems) });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = [];
    list = null;
  };
  const addItem = (ordered: boolean, text: string) => {
    if (paragraph.length || (list && list.ordered !== ordered)) flush();
    list ??= { ordered, items: [] };
    list.items.push(parseInline(text, problems));
  };
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    const where = `line ${i + 1}`;
    const anchor = anchorLine.exec(line);
    const image = imageLine.exec(line);
    const item = bullet.exec(line) ?? numbered.exec(line);
    if (line === '') flush();
    else if (anchor) {
      flush();
      const next = lines[i + 1] ?? '';
      if (!next.startsWith('## ')) problems.push(`${where}: an anchor must be followed by a "## " heading`);
      else {
        blocks.push({ kind: 'section', id: anchor[1] ?? '', heading: next.slice(3).trim() });
        i += 1;
      }
    } else if (line.startsWith('# ')) {
      if (title || blocks.length) problems.push(`${where}: only one "# " title, at the top`);
      title = line.slice(2).trim();
    } else if (line.startsWith('## ')) problems.push(`${where}: a "## " heading without its anchor line`);
    else if (line.startsWith('### ')) {
      flush();
      blocks.push({ kind: 'subheading', text: line.slice(4).trim() });
    } else if (image) {
      flush();
      blocks.push({ kind: 'image', alt: image[1] ?? '', src: image[2] ?? '' });
    } else if (unsupported.test(line) || emphasis.test(line) || /^\s/.test(raw))
      problems.push(`${where}: unsupported "${line.slice(0, 20)}"`);
    else if (item) addItem(numbered.test(line), item[1] ?? '');
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  if (!title) problems.push('no "# " title');
  return { title, blocks, problems };
}

/** The section ids of a parsed guide, in order. */
export function sectionIds(guide: ParsedGuide): string[] {
  return guide.blocks.flatMap((b) => (b.kind === 'section' ? [b.id] : []));
}

/** The images of a parsed guide, in order. */
export function imageSources(guide: ParsedGuide): string[] {
  return guide.blocks.flatMap((b) => (b.kind === 'image' ? [b.src] : []));
}
