// Tests must not lean on the demo seed's insertion order (issue 12 item 6): a hard-coded incident
// number (INC-000009) or a small literal id (serviceId: 11, incidentId: 1, findById(db, 4)) breaks
// as soon as a demo row is added. Tests build their rows (`@handoff/db/testing/builders`) or look
// seeded rows up by natural key (`demoKeys` from `@handoff/db/testing`). Ids of rows that do not
// exist (0, 999, 9999) are fine. apps/web/src/server/seed-order.test.ts fails on any hit outside
// the allow-list below (there is no backlog any more: every test was moved off the seed order); run
//   node scripts/seed-order-ids.mjs
// to list them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const scannedRoots = ['apps/web/src', 'packages/db/src'];

/** What a seed-order id looks like in a test. */
export const seedOrderPatterns = [
  // A literal demo incident number: INC-000001 … INC-000099.
  /\bINC-0000\d\d\b/,
  // A small literal id of a seeded row: `serviceId: 11`, `teamId: 1`, `serviceIds: [9]`.
  /\b(?:service|team|user|customer|incident|problem|contact|organisation|outage|consult|actor|author|owner\w*)Ids?:\s*\[?\s*[1-9]\d?\b(?![.\d])/i,
  // A seeded row read by a literal id: `findById(db, 4)`.
  /\bfindById\(\s*\w+,\s*[1-9]\d?\s*\)/,
];

/**
 * Files that may keep a hit, with the reason. Not a to-do list: each reason says why the literal
 * is not a seed-order id.
 */
export const seedOrderAllowed = {
  'apps/web/src/components/keyboard/palette-commands.test.ts':
    'parses what an agent types ("inc 14") into a number: no database',
  'apps/web/src/server/seed-order.test.ts':
    "the guard's own test: the hits it must find, written into a temporary folder",
  'packages/db/src/pg/change-feed.pg.test.ts':
    'change events written with made-up team and user ids into an empty database: no seed rows',
};

/** Test files and test helpers (scenarios, test callers, fixture modules) under the scanned roots. */
const isTestSource = (rel) =>
  /\.test\.tsx?$/.test(rel) ||
  /-scenarios\.ts$/.test(rel) ||
  /(^|\/)test-callers\.ts$/.test(rel) ||
  /(^|\/)testing\//.test(rel);

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Every line of a test source that matches a seed-order pattern (comments left out). */
export function seedOrderHits(root = repoRoot, roots = scannedRoots) {
  const hits = [];
  for (const r of roots) {
    const dir = path.join(root, r);
    if (!fs.existsSync(dir)) continue;
    for (const file of walk(dir)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (!isTestSource(rel)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const code = text.trim();
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
          if (seedOrderPatterns.some((p) => p.test(code)))
            hits.push({ file: rel, line: i + 1, text: code });
        });
    }
  }
  return hits;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const h of seedOrderHits())
    console.log(
      `${h.file}:${h.line}${h.file in seedOrderAllowed ? ' (allowed)' : ' (refused)'}  ${h.text}`,
    );
}
