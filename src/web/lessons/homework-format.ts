/** A piece of a homework line: plain text, bold, italic or a link. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'link'; href: string };

/** A block of homework: a paragraph or a list of items, each a run of inline pieces. */
export type Block = { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; items: Inline[][] };

const inlinePattern = /(\*\*[^*\n]+\*\*|\*[^*\n]+\*|https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/g;
const listItem = /^\s*[-•]\s+/;

/** The inline pieces of one line: **bold**, *italic* and http(s) addresses; all else is text. */
export function parseInline(line: string): Inline[] {
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(inlinePattern)) {
    const token = match[0];
    const at = match.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', text: line.slice(last, at) });
    if (token.startsWith('**')) pieces.push({ kind: 'bold', text: token.slice(2, -2) });
    else if (token.startsWith('*')) pieces.push({ kind: 'italic', text: token.slice(1, -1) });
    else pieces.push({ kind: 'link', href: token });
    last = at + token.length;
  }
  if (last < line.length) pieces.push({ kind: 'text', text: line.slice(last) });
  return pieces;
}

/**
 * Homework text as blocks: consecutive lines starting with «- » make a list, other non-blank lines
 * are paragraphs. Nothing here is HTML: the page renders the pieces as text nodes and elements.
 */
export function parseHomework(text: string): Block[] {
  const blocks: Block[] = [];
  let items: Inline[][] = [];
  const flush = () => {
    if (items.length > 0) blocks.push({ kind: 'list', items });
    items = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (listItem.test(line)) {
      items.push(parseInline(line.replace(listItem, '')));
      continue;
    }
    flush();
    if (line.trim()) blocks.push({ kind: 'paragraph', inline: parseInline(line) });
  }
  flush();
  return blocks;
}
