import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from '../markdown-blocks';

function renderNode(node: Inline, key: string): ReactNode {
  switch (node.kind) {
    case 'text':
      return <Fragment key={key}>{node.text}</Fragment>;
    case 'strong':
      return <strong key={key}>{renderInline(node.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInline(node.children)}</em>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel="noreferrer noopener nofollow">
          {renderInline(node.children)}
        </a>
      );
  }
}

function renderInline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, `${node.kind}-${index}`));
}

function renderBlock(block: Block, index: number): ReactNode {
  switch (block.kind) {
    case 'heading':
      // Description headings sit under the page's own h2 "As posted".
      return block.level <= 3 ? (
        <h3 key={index}>{renderInline(block.content)}</h3>
      ) : (
        <h4 key={index}>{renderInline(block.content)}</h4>
      );
    case 'paragraph':
      return (
        <p key={index}>
          {block.lines.map((line, lineIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a static text have no other identity.
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {renderInline(line)}
            </Fragment>
          ))}
        </p>
      );
    case 'list': {
      const items = block.items.map((item, itemIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items of a static text have no other identity.
        <li key={itemIndex}>{renderInline(item)}</li>
      ));
      return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
  }
}

/** A posting's Markdown description as React elements (never as HTML: nothing in it can run). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ?? 'markdown'}>{parseMarkdown(text).map(renderBlock)}</div>;
}
