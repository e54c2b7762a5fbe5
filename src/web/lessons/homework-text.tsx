import { type Inline, parseHomework } from './homework-format.ts';

function InlineRun({ pieces }: { pieces: Inline[] }) {
  return (
    <>
      {pieces.map((p, i) => {
        const key = `${i}-${p.kind}`;
        if (p.kind === 'bold') return <strong key={key}>{p.text}</strong>;
        if (p.kind === 'italic') return <em key={key}>{p.text}</em>;
        if (p.kind === 'link')
          return (
            <a key={key} href={p.href} rel="noopener noreferrer nofollow" target="_blank">
              {p.href}
            </a>
          );
        return <span key={key}>{p.text}</span>;
      })}
    </>
  );
}

/**
 * Homework text with its safe formatting as React elements (never HTML): **bold**, *italic*,
 * lines starting with «- » as a list, http(s) addresses as links; other lines are paragraphs.
 */
export function HomeworkText({ text }: { text: string }) {
  // Blocks and items of a text have no identity but their place, so their index is their key.
  return (
    <div className="homework-text">
      {parseHomework(text).map((block, b) => {
        const key = `${b}-${block.kind}`;
        if (block.kind === 'paragraph')
          return (
            <p key={key}>
              <InlineRun pieces={block.inline} />
            </p>
          );
        return (
          <ul key={key}>
            {block.items.map((item, i) => {
              const itemKey = `${b}-${i}-item`;
              return (
                <li key={itemKey}>
                  <InlineRun pieces={item} />
                </li>
              );
            })}
          </ul>
        );
      })}
    </div>
  );
}
