// The write path's shape, measured (issue 12): every `.mutation(` body of the tRPC routers with its
// line count (a procedure reads parse → authorize → load → decide → commit → return in ≤ 15 lines),
// and every non-test file that opens a transaction itself (only the commit module and the seed may).
// apps/web/src/server/write-path.test.ts fails on either; run this to print the table:
//   node scripts/procedure-lines.mjs [routersDir] [--markdown]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const routersDir = path.join(repoRoot, 'apps/web/src/server/routers');
export const maxProcedureLines = 15;

const isTestFile = (f) => /\.test\.tsx?$/.test(f) || f.includes(`${path.sep}testing`);
const parse = (file) =>
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

/** The name a mutation goes by: its router key, or the factory function that builds it. */
function nameOf(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) return n.name.text;
    if (ts.isFunctionDeclaration(n) && n.name) return `${n.name.text}()`;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return `${n.name.text}()`;
  }
  return '?';
}

/** Every `.mutation(` body in the routers (test files and scenario helpers left out), longest first. */
export function mutationBodies(dir = routersDir) {
  const rows = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !isTestFile(f) && !f.includes('scenarios'));
  for (const f of files) {
    const src = parse(path.join(dir, f));
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'mutation' &&
        node.arguments[0]
      ) {
        const arg = node.arguments[0];
        const start = src.getLineAndCharacterOfPosition(arg.getStart()).line;
        const end = src.getLineAndCharacterOfPosition(arg.getEnd()).line;
        rows.push({
          router: f.replace(/\.ts$/, ''),
          procedure: nameOf(node),
          lines: end - start + 1,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return rows.sort(
    (a, b) =>
      b.lines - a.lines || `${a.router}.${a.procedure}`.localeCompare(`${b.router}.${b.procedure}`),
  );
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Where production code may open a transaction: the commit module and the seed. */
// The commit module, its PostgreSQL twin (issue 20), the seed, and the SQLite → PostgreSQL move
// (a bulk copy into an empty database, like the seed: one transaction so a failure leaves it empty).
export const transactionAllowed = (rel) =>
  rel.startsWith('packages/db/src/commit/') ||
  rel === 'packages/db/src/pg/commit.ts' ||
  rel === 'packages/db/src/pg/to-pg.ts' ||
  rel.startsWith('packages/db/src/seed/');

/**
 * Non-test files under apps/ and packages/ that call `.transaction(` or run `BEGIN` themselves
 * (`.exec('BEGIN …')`, as the asynchronous SQLite commit does) (repo-relative paths).
 */
export function transactionCallers(root = repoRoot) {
  const found = new Set();
  for (const top of ['apps', 'packages'])
    for (const file of sourceFiles(path.join(root, top))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (isTestFile(rel)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('.transaction(') && !/\bBEGIN\b/i.test(text)) continue;
      const visit = (node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          (node.expression.name.text === 'transaction' ||
            (node.expression.name.text === 'exec' &&
              node.arguments[0] !== undefined &&
              ts.isStringLiteralLike(node.arguments[0]) &&
              /^\s*BEGIN\b/i.test(node.arguments[0].text)))
        )
          found.add(rel);
        ts.forEachChild(node, visit);
      };
      visit(parse(file));
    }
  return [...found].sort();
}

/**
 * Repository files that still write (`db|tx.insert/update/delete/run(`): repositories are
 * read-only; writes are effects the commit module applies. The documented exceptions below.
 */
export const repositoryWriteExceptions = {
  // nextCounter/reserveNumber: the counter upsert behind incident/problem/outage numbers, only ever
  // called inside a commit plan (it rolls back with the commit) and by the seed and builders.
  'packages/db/src/repositories/incident.ts': 'counter reservation inside a commit plan',
  // pruneExpired: age-based housekeeping of expired retry keys (one DELETE, nobody is told).
  'packages/db/src/repositories/idempotency.ts': 'pruning expired keys',
  // pruneExpired: age-based housekeeping of sign-in counters whose window and lock are over (one DELETE).
  'packages/db/src/repositories/sign-in-throttle.ts': 'pruning expired sign-in counters',
};

const writeMethods = new Set(['insert', 'update', 'delete', 'run']);
const connectionNames = new Set(['db', 'tx', 'read', 'writer']);

/** Non-test repository files that write to the database (repo-relative paths). */
export function repositoryWriters(root = repoRoot) {
  const found = new Set();
  for (const file of sourceFiles(path.join(root, 'packages/db/src/repositories'))) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (isTestFile(rel)) continue;
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        writeMethods.has(node.expression.name.text) &&
        ts.isIdentifier(node.expression.expression) &&
        connectionNames.has(node.expression.expression.text)
      )
        found.add(rel);
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  return [...found].sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const dir = args.find((a) => !a.startsWith('--')) ?? routersDir;
  const rows = mutationBodies(path.resolve(dir));
  if (markdown) console.log('| procedure | lines |\n| --- | ---: |');
  for (const r of rows)
    console.log(
      markdown
        ? `| ${r.router}.${r.procedure} | ${r.lines} |`
        : `${r.router}\t${r.procedure}\t${r.lines}`,
    );
  const over = rows.filter((r) => r.lines > maxProcedureLines);
  console.log(`total ${rows.length}, over ${maxProcedureLines} lines: ${over.length}`);
  const callers = transactionCallers();
  console.log(
    `.transaction( outside commit/ and seed/: ${callers.filter((f) => !transactionAllowed(f)).join(', ') || 'none'}`,
  );
  console.log(
    `.transaction( in commit/ and seed/: ${callers.filter(transactionAllowed).join(', ')}`,
  );
  const writers = repositoryWriters();
  console.log(
    `repositories that write: ${writers.map((f) => `${f} (${repositoryWriteExceptions[f] ?? 'NOT ALLOWED'})`).join(', ') || 'none'}`,
  );
}
