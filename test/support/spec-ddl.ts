import fs from 'node:fs';
import path from 'node:path';

export interface SpecColumn {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  default: string | null;
  references: { table: string; column: string; onDelete: string } | null;
}

export interface SpecIndex {
  name: string;
  table: string;
  unique: boolean;
  method: string;
  columns: string;
}

export const SPEC_PATH = path.resolve(process.cwd(), '../shared/spec/data-model.md');

function sqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!.replace(/--[^\n]*/g, ''));
}

const TYPE_PATTERN =
  /^(SERIAL|VARCHAR\(\d+\)(?:\[\])?|INTEGER|TEXT(?:\[\])?|BOOLEAN|UUID|DATE|TIMESTAMP|DECIMAL\(\d+,\d+\)|VECTOR\(\d+\))/i;

/** Parses the spec's SQL DDL: every CREATE TABLE column and every CREATE INDEX. */
export function readSpecDdl(markdown = fs.readFileSync(SPEC_PATH, 'utf8')) {
  const columns: SpecColumn[] = [];
  const indexes: SpecIndex[] = [];
  for (const block of sqlBlocks(markdown)) {
    for (const table of block.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
      const tableName = table[1]!;
      for (const rawLine of table[2]!.split('\n')) {
        const line = rawLine.trim().replace(/,$/, '');
        if (!line) continue;
        const [, name, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
        const type = TYPE_PATTERN.exec(rest!)?.[1];
        if (!type) throw new Error(`Unparsed spec column: ${tableName}.${line}`);
        const tail = rest!.slice(type.length);
        const reference = /REFERENCES (\w+)\((\w+)\)(?: ON DELETE (CASCADE|SET NULL|RESTRICT))?/i.exec(tail);
        columns.push({
          table: tableName,
          name: name!,
          type: type.toUpperCase(),
          notNull: /NOT NULL/i.test(tail),
          primaryKey: /PRIMARY KEY/i.test(tail),
          unique: /\bUNIQUE\b/i.test(tail),
          default: /DEFAULT ('[^']*'|[\w()]+)/i.exec(tail)?.[1] ?? null,
          references: reference
            ? {
                table: reference[1]!,
                column: reference[2]!,
                onDelete: (reference[3] ?? 'NO ACTION').toUpperCase(),
              }
            : null,
        });
      }
    }
    for (const index of block.matchAll(
      /CREATE (UNIQUE )?INDEX (\w+)\s+ON (\w+)\s*(?:USING (\w+)\s*)?\(([^;]*?)\)\s*(?:WITH \([^)]*\))?;/g,
    )) {
      indexes.push({
        unique: Boolean(index[1]),
        name: index[2]!,
        table: index[3]!,
        method: (index[4] ?? 'btree').toLowerCase(),
        columns: index[5]!.replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return { columns, indexes, tables: [...new Set(columns.map((column) => column.table))] };
}
