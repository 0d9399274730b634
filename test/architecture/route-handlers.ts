/**
 * The route handlers of `src/http/routes/`, read with the TypeScript parser: for each `app.<method>(url,
 * options, handler)` the use cases its handler calls and every place it reaches the database itself
 * (`.sql`, `.db`, `.transaction(...)`, `.exec(...)`, `withTenant(...)`). A use case is a function imported
 * from a feature folder and handed the plugin's dependencies (`deps.database`, `deps`, ...); a feature's
 * pure helper (`toApiKeySummary(key)`) is not one. Helpers declared in the route file are followed, and a
 * route registered in a loop over `[url, ..., useCase]` rows calls the use case of each row.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SRC } from './source-graph.js';

export interface RouteHandler {
  /** `routes/candidates.routes.ts:219 GET /api/candidates` */
  route: string;
  /** The use cases it calls, one entry per call site: `name (from)`. */
  useCases: string[];
  /** Where it reaches the database or a transaction itself: `line: text`. */
  dataAccess: string[];
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const DATA_MEMBERS = new Set(['sql', 'db', 'transaction', 'exec']);
const TRANSACTION_FUNCTIONS = new Set(['withTenant', 'inTenantTransaction']);

/**
 * Modules that are not use cases: the HTTP layer's own helpers, pure logic, the one error type, config, the
 * database's types and schema constants, and the events module (its names and schemas).
 */
function isUseCaseModule(target: string): boolean {
  return !/^(http|domain|config|db|events)\//.test(target) && !/^(errors|logger)\.ts$/.test(target);
}

function importedFunctions(source: ts.SourceFile, file: string): Map<string, string> {
  const imported = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!specifier.startsWith('.') || !clause || clause.isTypeOnly) continue;
    const target = path.relative(SRC, path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements)
        if (!element.isTypeOnly) imported.set(element.name.text, target);
    if (clause.name) imported.set(clause.name.text, target);
  }
  return imported;
}

/** Functions declared at any level of the file (`function f`, `const f = (...) =>`), to follow into. */
function localFunctions(source: ts.SourceFile): Map<string, ts.Node> {
  const local = new Map<string, ts.Node>();
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) local.set(node.name.text, node);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      local.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return local;
}

/**
 * For a callee bound by `for (const [url, ..., name] of [[...], [...]] as const)`: the imported use cases
 * the rows put in its place (`listMatchesOfCandidate (matching/match-review.ts)`), or null.
 */
function loopRowsOf(imported: Map<string, string>) {
  return (callee: ts.Identifier, name: string): string[] | null => {
    for (let node: ts.Node | undefined = callee; node; node = node.parent) {
      if (!ts.isForOfStatement(node) || !ts.isVariableDeclarationList(node.initializer)) continue;
      const pattern = node.initializer.declarations[0]?.name;
      if (!pattern || !ts.isArrayBindingPattern(pattern)) continue;
      const index = pattern.elements.findIndex(
        (element) =>
          ts.isBindingElement(element) && ts.isIdentifier(element.name) && element.name.text === name,
      );
      if (index < 0) continue;
      let rows: ts.Expression = node.expression;
      while (ts.isAsExpression(rows) || ts.isParenthesizedExpression(rows)) rows = rows.expression;
      if (!ts.isArrayLiteralExpression(rows)) return null;
      return rows.elements.map((row) => {
        const cell = ts.isArrayLiteralExpression(row) ? row.elements[index] : undefined;
        const from = cell && ts.isIdentifier(cell) ? imported.get(cell.text) : undefined;
        return from !== undefined && isUseCaseModule(from) ? `${cell!.getText()} (${from})` : '?';
      });
    }
    return null;
  };
}

function readRouteFile(file: string): RouteHandler[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imported = importedFunctions(source, file);
  const local = localFunctions(source);
  const loopRows = loopRowsOf(imported);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const relative = path.relative(SRC, file);

  const inspect = (handler: ts.Node) => {
    const useCases: string[] = [];
    const dataAccess: string[] = [];
    const followed = new Set<ts.Node>();
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const name = node.expression.text;
        const handedDeps = node.arguments.some((argument) =>
          /\b(deps|database)\b/.test(argument.getText(source)),
        );
        const from = imported.get(name);
        if (from !== undefined && isUseCaseModule(from) && handedDeps) useCases.push(`${name} (${from})`);
        const rows = loopRows(node.expression, name);
        if (rows && handedDeps) useCases.push(rows.join(' | '));
        if (TRANSACTION_FUNCTIONS.has(name)) dataAccess.push(`${lineOf(node)}: ${name}(...)`);
        const helper = local.get(name);
        if (helper && !followed.has(helper)) {
          followed.add(helper);
          visit(helper);
        }
      }
      if (ts.isPropertyAccessExpression(node) && DATA_MEMBERS.has(node.name.text))
        dataAccess.push(`${lineOf(node)}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 60)}`);
      ts.forEachChild(node, visit);
    };
    visit(handler);
    return { useCases, dataAccess };
  };

  const handlers: RouteHandler[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'app' &&
      ROUTE_METHODS.has(node.expression.name.text) &&
      node.arguments.length >= 2
    ) {
      const url = node.arguments[0]!;
      const handler = node.arguments[node.arguments.length - 1]!;
      handlers.push({
        route: `${relative}:${lineOf(node)} ${node.expression.name.text.toUpperCase()} ${
          ts.isStringLiteral(url) ? url.text : url.getText(source)
        }`,
        ...inspect(handler),
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return handlers;
}

export function readRouteHandlers(): RouteHandler[] {
  const dir = path.join(SRC, 'http/routes');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.routes.ts'))
    .flatMap((name) => readRouteFile(path.join(dir, name)));
}
