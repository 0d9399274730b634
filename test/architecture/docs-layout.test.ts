/**
 * The README's layout table and docs/architecture.md match the tree: every folder and top-level file of
 * `src/` is named in both, and every route file in the capability map, so a newcomer finds any part in one hop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC } from './source-graph.js';

const ROOT = path.resolve(SRC, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const layoutOf = (readme: string) => {
  const start = readme.indexOf('Layout (');
  return readme.slice(start, readme.indexOf('\n## ', start));
};

describe('the documented layout', () => {
  const parts = fs
    .readdirSync(SRC, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() || (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')),
    )
    .map((entry) => (entry.isDirectory() ? `src/${entry.name}/` : `src/${entry.name}`));

  it('reads the tree', () => {
    expect(parts).toContain('src/domain/');
    expect(parts).toContain('src/runtime.ts');
  });

  it.each([
    ['README.md (layout)', () => layoutOf(read('README.md'))],
    ['docs/architecture.md', () => read('docs/architecture.md')],
  ])('%s names every part of src/', (_name, text) => {
    const doc = text();
    expect(parts.filter((part) => !doc.includes(`\`${part}`))).toEqual([]);
  });

  it('docs/architecture.md names every route file', () => {
    const doc = read('docs/architecture.md');
    const routes = fs
      .readdirSync(path.join(SRC, 'http/routes'))
      .filter((file) => file.endsWith('.routes.ts'));
    expect(routes.filter((file) => !doc.includes(file))).toEqual([]);
  });
});
