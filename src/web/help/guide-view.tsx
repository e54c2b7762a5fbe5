import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown.ts';
import { shotSize } from './shots.ts';

/** The screenshots in docs/help/img, by their path as the guides write it (`../img/ru/….jpg`). */
const shots = import.meta.glob<string>('../../../docs/help/img/*/*.jpg', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** The address of a guide's image, or null when the file is not there. */
export function imageUrl(src: string): string | null {
  return shots[`../../../docs/help/${src.replace(/^\.\.\//, '')}`] ?? null;
}

function inlines(items: Inline[]): ReactNode[] {
  return items.map((item, i) => {
    const key = `${i}-${item.kind}`;
    if (item.kind === 'strong') return <strong key={key}>{item.text}</strong>;
    if (item.kind === 'code') return <code key={key}>{item.text}</code>;
    if (item.kind === 'link') {
      const href = item.guide ? `/help/${item.guide}#${item.section}` : `#${item.section}`;
      return (
        <a key={key} href={href}>
          {item.text}
        </a>
      );
    }
    return item.text;
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.kind) {
    case 'section':
      return (
        <h2 key={b.id} id={b.id} tabIndex={-1} className="help-section">
          {b.heading}
        </h2>
      );
    case 'subheading':
      return <h3 key={i}>{b.text}</h3>;
    case 'paragraph':
      return <p key={i}>{inlines(b.inlines)}</p>;
    case 'list': {
      // biome-ignore lint/suspicious/noArrayIndexKey: a guide's list never changes order while shown.
      const items = b.items.map((item, j) => <li key={`${i}-${j}`}>{inlines(item)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    case 'image': {
      const url = imageUrl(b.src);
      return url ? (
        <figure key={i} className="help-shot">
          {/* The size is known before the image arrives, so the section asked for stays in place. */}
          <img src={url} alt={b.alt} loading="lazy" {...shotSize(b.src)} />
        </figure>
      ) : null;
    }
  }
}

/** A guide's blocks as HTML elements. */
export function GuideView({ blocks }: { blocks: Block[] }) {
  return <>{blocks.map(block)}</>;
}
