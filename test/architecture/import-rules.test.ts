/**
 * The layer rules of docs/architecture.md, checked over the import graph of `src/`. A rule that cannot hold
 * yet names its exceptions here, file by file, with a count that may only shrink.
 */

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT } from '../../src/events/events.js';
import { readRouteHandlers } from './route-handlers.js';
import { readSourceGraph, runtimeImportCycles, type SourceFile, SRC } from './source-graph.js';

const files = readSourceGraph();
const layerOf = (path: string) => path.split('/')[0]!.replace(/\.ts$/, '');
const importsOf = (layer: string) =>
  files
    .filter((file) => layerOf(file.path) === layer)
    .flatMap((file) => file.imports.map((edge) => ({ from: file.path, ...edge })));

/** Where SQL may be written: the db layer (engines, migrator, repositories) and each feature's query modules. */
const isSqlHome = (path: string) =>
  path.startsWith('db/') || /\.repository\.ts$/.test(path) || /-queries\.ts$/.test(path);

/**
 * Use-case files that still hold SQL, with the number of statements each holds today (issue #17: each
 * feature's SQL moves into its repository or query module). A count may go down, never up; a file whose
 * SQL is gone must leave the list.
 */
const SQL_IN_USE_CASES_TODO: Record<string, number> = {};

/** Runtime users of the task-queue adapter: the composition root, the migrator (its schema) and health (queue stats). */
const TASK_QUEUE_RUNTIME_IMPORTERS = new Set([
  'runtime.ts',
  'db/migrator.ts',
  'operations/health-queries.ts',
  'operations/task-queries.ts',
]);

/** The task-queue adapter runs pg-boss's own statements (schema checks, grants): infrastructure, not a feature. */
const SQL_INFRASTRUCTURE = new Set(['worker/job-queue.ts']);

/** Routes that answer from the process alone and so call no use case. */
const ROUTES_WITHOUT_USE_CASE: Record<string, string> = {
  'GET /healthz': 'liveness: answers without touching the database by design',
  'GET /metrics': "the process's own Prometheus registry",
  'GET /api/scraper/job-schema': 'a constant: the JSON Schema of a posted job',
};

describe('import rules (docs/architecture.md)', () => {
  it('reads the whole source tree', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((file) => file.path === 'http/app.ts')).toBe(true);
  });

  it('domain imports nothing of the app but domain and the one error type', () => {
    const breaks = importsOf('domain').filter(
      (edge) => !edge.to.startsWith('domain/') && edge.to !== 'errors.ts',
    );
    expect(breaks).toEqual([]);
  });

  it('db imports no use case, route, command or task: only db, domain, config, errors and the task-queue adapter', () => {
    const allowed = (to: string) =>
      /^(db|domain|config)\//.test(to) || to === 'errors.ts' || to === 'worker/job-queue.ts';
    expect(importsOf('db').filter((edge) => !allowed(edge.to))).toEqual([]);
  });

  it.each(['http', 'cli'])(
    '%s reaches data only through use cases: no repository, transaction or SQL',
    (layer) => {
      const reachesData = importsOf(layer)
        .filter((edge) => /^db\/(repositories\/|with-tenant\.ts$|constraint-errors\.ts$)/.test(edge.to))
        .map((edge) => `${edge.from} -> ${edge.to}`);
      expect(reachesData).toEqual([]);
      const openingTransactions = files
        .filter((file) => layerOf(file.path) === layer && file.transactions.length > 0)
        .map((file) => ({ path: file.path, lines: file.transactions }));
      expect(openingTransactions).toEqual([]);
      const withSql = files
        .filter((file) => layerOf(file.path) === layer && file.sql.length > 0)
        .map((file) => ({ path: file.path, sql: file.sql }));
      expect(withSql).toEqual([]);
    },
  );

  it('a route handler calls exactly one use case and never reaches the database or a transaction itself', () => {
    const handlers = readRouteHandlers();
    expect(handlers.length).toBeGreaterThan(90);
    const operation = (route: string) => route.split(' ').slice(1).join(' ');
    const wrongCount = handlers
      .filter(
        (handler) => handler.useCases.length !== (ROUTES_WITHOUT_USE_CASE[operation(handler.route)] ? 0 : 1),
      )
      .map((handler) => ({ route: handler.route, useCases: handler.useCases }));
    expect(wrongCount).toEqual([]);
    const touching = handlers
      .filter((handler) => handler.dataAccess.length > 0)
      .map((handler) => ({ route: handler.route, dataAccess: handler.dataAccess }));
    expect(touching).toEqual([]);
    const listed = new Set(handlers.map((handler) => operation(handler.route)));
    expect(Object.keys(ROUTES_WITHOUT_USE_CASE).filter((route) => !listed.has(route))).toEqual([]);
  });

  it('worker is a leaf: only the composition root runs tasks; others know the queue by its type', () => {
    const edges = files
      .filter((file) => !file.path.startsWith('worker/'))
      .flatMap((file) => file.imports.map((edge) => ({ from: file.path, ...edge })));
    expect(edges.filter((edge) => edge.to === 'worker/tasks.ts' && edge.from !== 'runtime.ts')).toEqual([]);
    expect(
      edges.filter(
        (edge) =>
          edge.to === 'worker/job-queue.ts' && !edge.typeOnly && !TASK_QUEUE_RUNTIME_IMPORTERS.has(edge.from),
      ),
    ).toEqual([]);
  });

  it('names events in one module: no other file spells a message name of the queue', () => {
    const names = Object.values(EVENT).map((name) => `['"]${name.replace('/', '\\/')}['"]`);
    const spelled = new RegExp(names.join('|'));
    const naming = files
      .filter((file) => file.path !== 'events/events.ts')
      .filter((file) => spelled.test(fs.readFileSync(`${SRC}/${file.path}`, 'utf8')))
      .map((file) => file.path);
    expect(naming).toEqual([]);
  });

  it('sends to the task queue from one module: events/events.ts (and the adapter itself)', () => {
    const sends = /\b(queue|boss)\??\.send\(/;
    const sending = files
      .filter((file) => file.path !== 'events/events.ts' && file.path !== 'worker/job-queue.ts')
      .filter((file) => sends.test(fs.readFileSync(`${SRC}/${file.path}`, 'utf8')))
      .map((file) => file.path);
    expect(sending).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(runtimeImportCycles(files)).toEqual([]);
  });

  it('keeps SQL in repositories and query modules (the listed use-case files only shrink)', () => {
    const sqlCount = (file: SourceFile) => file.sql.length;
    const outside = files.filter(
      (file) => sqlCount(file) > 0 && !isSqlHome(file.path) && !SQL_INFRASTRUCTURE.has(file.path),
    );
    const unlisted = outside
      .filter((file) => SQL_IN_USE_CASES_TODO[file.path] === undefined)
      .map((file) => ({ path: file.path, sql: file.sql }));
    expect(unlisted).toEqual([]);
    const grown = outside
      .filter((file) => sqlCount(file) > SQL_IN_USE_CASES_TODO[file.path]!)
      .map((file) => ({ path: file.path, listed: SQL_IN_USE_CASES_TODO[file.path], now: file.sql }));
    expect(grown).toEqual([]);
    const gone = Object.keys(SQL_IN_USE_CASES_TODO).filter(
      (path) => !outside.some((file) => file.path === path),
    );
    expect(gone).toEqual([]);
  });
});
