/**
 * The server's source as a graph, read with the TypeScript compiler's parser: every file under `src/` (tests
 * excluded), the app files each imports (type-only imports marked: `verbatimModuleSyntax` erases them), and
 * the SQL statements each holds (string literals that read as SQL, and Drizzle query-builder calls).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SRC = path.resolve(import.meta.dirname, '../../src');

export interface ImportEdge {
  /** Path relative to `src/`, e.g. `db/schema.ts`. */
  to: string;
  typeOnly: boolean;
}

export interface SourceFile {
  /** Path relative to `src/`. */
  path: string;
  imports: ImportEdge[];
  /** One line per SQL statement found: `line: first words`. */
  sql: string[];
  /** Lines that open a transaction (`database.transaction(...)`, `withTenant(...)`). */
  transactions: number[];
}

const SQL_TEXT =
  /\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+INTO\b|UPDATE\s+[a-z_.]+(\s+[a-z_]+)?\s+SET\b|DELETE\s+FROM\b|WITH\s+(RECURSIVE\s+)?[a-z_]+\s+AS\s*\()/;
const QUERY_BUILDER_CALLS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute']);

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');
  const resolved = fs.existsSync(target) ? target : target.replace(/\.ts$/, '.tsx');
  return path.relative(SRC, resolved);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** `db.select()`, `tx.db.insert(...)`: a query-builder call on something named like a database handle. */
function isQueryBuilderCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !QUERY_BUILDER_CALLS.has(callee.name.text)) return false;
  const receiver = callee.expression;
  const receiverName = ts.isPropertyAccessExpression(receiver)
    ? receiver.name.text
    : ts.isIdentifier(receiver)
      ? receiver.text
      : '';
  return /^(db|tx|drizzle)$/.test(receiverName);
}

function opensTransaction(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'withTenant' || callee.text === 'inTenantTransaction';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'transaction';
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? ');
  return null;
}

function readSourceFile(file: string): SourceFile {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports: ImportEdge[] = [];
  const sql: string[] = [];
  const transactions: number[] = [];
  const addImport = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const to = resolveImport(file, specifier.text);
    if (to !== null) imports.push({ to, typeOnly });
  };
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node, insideSql: boolean): void => {
    if (ts.isImportDeclaration(node)) {
      addImport(node.moduleSpecifier, isTypeOnlyImport(node));
      return;
    }
    if (ts.isExportDeclaration(node)) {
      addImport(node.moduleSpecifier, node.isTypeOnly);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      addImport(node.arguments[0], false);
    if (ts.isCallExpression(node) && opensTransaction(node)) transactions.push(lineOf(node));
    let sqlHere = insideSql;
    if (!insideSql) {
      const text = literalText(node);
      const builder = ts.isCallExpression(node) && isQueryBuilderCall(node);
      if (builder || (text !== null && SQL_TEXT.test(text))) {
        const words = builder ? node.getText(source) : (text ?? '');
        sql.push(`${lineOf(node)}: ${words.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
        // A builder chain or a template holds one statement, however many parts it has.
        sqlHere = true;
      }
    }
    ts.forEachChild(node, (child) => visit(child, sqlHere));
  };
  visit(source, false);
  return { path: path.relative(SRC, file), imports, sql, transactions };
}

export function readSourceGraph(): SourceFile[] {
  return listFiles(SRC)
    .map(readSourceFile)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Cycles among runtime imports (type-only imports are erased and cannot form a load-order cycle). */
export function runtimeImportCycles(files: SourceFile[]): string[][] {
  const edges = new Map(
    files.map((file) => [file.path, file.imports.filter((edge) => !edge.typeOnly).map((edge) => edge.to)]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) connect(node);
  return cycles;
}
