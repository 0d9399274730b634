import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type Inline, parseMarkdown } from '../../web/src/markdown-blocks.js';

const text = (t: string): Inline => ({ kind: 'text', text: t });

function allInline(blocks: Block[]): Inline[] {
  const walk = (nodes: Inline[]): Inline[] =>
    nodes.flatMap((n) => [n, ...('children' in n ? walk(n.children) : [])]);
  return blocks.flatMap((b) =>
    walk(b.kind === 'heading' ? b.content : b.kind === 'paragraph' ? b.lines.flat() : b.items.flat()),
  );
}

describe('parseMarkdown (job descriptions)', () => {
  it('reads headings, bold-line headings, lists, emphasis, code and links', () => {
    const blocks = parseMarkdown(
      '## About\n**Overview**\nWe build *fast* **APIs** with `Go`.\n\n- Python\n- [Docs](https://example.com)\n\n1. one\n2. two',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'list', 'list']);
    expect(blocks[2]).toEqual({
      kind: 'paragraph',
      lines: [
        [
          text('We build '),
          { kind: 'em', children: [text('fast')] },
          text(' '),
          { kind: 'strong', children: [text('APIs')] },
          text(' with '),
          { kind: 'code', text: 'Go' },
          text('.'),
        ],
      ],
    });
    expect(blocks[3]).toMatchObject({
      ordered: false,
      items: [[text('Python')], [{ kind: 'link', href: 'https://example.com' }]],
    });
    expect(blocks[4]).toMatchObject({ ordered: true });
  });

  it('honours backslash escapes: "\\*\\*Overview\\*\\*" shows its asterisks (JobSpy files are unescaped at import)', () => {
    expect(parseMarkdown('\\*\\*Overview\\*\\*')).toEqual([
      { kind: 'paragraph', lines: [[text('**Overview**')]] },
    ]);
    expect(parseMarkdown('snake_case_name and 5 \\* 3')).toEqual([
      { kind: 'paragraph', lines: [[text('snake_case_name and 5 * 3')]] },
    ]);
  });

  it('never produces a link that is not http(s) or mailto, and keeps HTML as text', () => {
    const blocks = parseMarkdown(
      '[click](javascript:alert(1)) <script>alert(1)</script><p>Hi &amp; bye</p><img src=x onerror=alert(1)>',
    );
    const nodes = allInline(blocks);
    expect(nodes.some((n) => n.kind === 'link')).toBe(false);
    const plain = nodes.map((n) => ('text' in n ? n.text : '')).join('');
    expect(plain).not.toMatch(/<script|<img|<p>/);
    expect(plain).toContain('Hi & bye');
  });

  it('never throws and only links to safe schemes, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '*',
            '**',
            '_',
            '`',
            '[a](',
            'javascript:',
            'https://x',
            ')',
            '\\',
            '#',
            '- ',
            '\n',
            'x',
            ' ',
            '<b>',
            '&amp;',
          ),
          {
            maxLength: 30,
          },
        ),
        (parts) => {
          const nodes = allInline(parseMarkdown(parts.join('')));
          for (const node of nodes)
            if (node.kind === 'link') expect(node.href).toMatch(/^(?:https?:\/\/|mailto:)/i);
        },
      ),
    );
  });
});
