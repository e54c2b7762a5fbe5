import type { ReactNode } from 'react';

const inline = /(\*\*[^*\n]+\*\*|\*[^*\n]+\*|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

function inlineNodes(text: string, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(inline)) {
    const token = match[0];
    const at = match.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    const key = `${keyPrefix}-${n++}`;
    if (token.startsWith('**')) nodes.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('*')) nodes.push(<em key={key}>{token.slice(1, -1)}</em>);
    else
      nodes.push(
        <a key={key} href={token} rel="noopener noreferrer nofollow" target="_blank">
          {token}
        </a>,
      );
    last = at + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/**
 * Homework text with its safe formatting as React elements (never HTML): **bold**, *italic*,
 * lines starting with «- » as a list, http(s) addresses as links; other lines are paragraphs.
 */
export function HomeworkText({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    const at = blocks.length;
    blocks.push(
      <ul key={`l${at}`}>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list lines have no identity but their place
          <li key={i}>{inlineNodes(item, `l${at}-${i}`)}</li>
        ))}
      </ul>,
    );
    items = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[-•]\s+/.test(line)) {
      items.push(line.replace(/^\s*[-•]\s+/, ''));
      continue;
    }
    flush();
    if (line.trim()) blocks.push(<p key={`p${blocks.length}`}>{inlineNodes(line, `p${blocks.length}`)}</p>);
  }
  flush();
  return <div className="homework-text">{blocks}</div>;
}
