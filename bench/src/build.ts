// Whether the production build the bench is about to measure is older than the code it reports on.
// The report names the checked-out commit, so a build left from an earlier commit (or from before an
// uncommitted edit) would print another program's figures under this one's name.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders whose files go into apps/web's production build. */
const builtFrom = ['apps/web', 'packages/domain', 'packages/db', 'packages/ui'];

/**
 * Why apps/web must be built again before measuring it, or null when its build is newer than every
 * tracked or new (not ignored) file it is built from. `root` is the repository's root.
 */
export function staleBuildReason(root: string): string | null {
  const web = join(root, 'apps/web');
  const stamps = ['.next/BUILD_ID', 'dist/serve.mjs'].map((f) => join(web, f));
  const missing = stamps.find((f) => !existsSync(f));
  if (missing) return 'no production build yet';
  const builtAt = Math.min(...stamps.map((f) => statSync(f).mtimeMs));
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', ...builtFrom],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const path = join(root, file);
    // A file deleted in the working tree is still listed by --cached.
    if (existsSync(path) && statSync(path).mtimeMs > builtAt)
      return `${file} changed after the last build`;
  }
  return null;
}
