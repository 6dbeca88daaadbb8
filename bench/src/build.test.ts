import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleBuildReason } from './build';

describe('staleBuildReason', () => {
  let root: string;
  const write = (file: string, at: number) => {
    const path = join(root, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file);
    utimesSync(path, at, at);
  };
  const build = (at: number) => {
    write('apps/web/.next/BUILD_ID', at);
    write('apps/web/dist/serve.mjs', at);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bench-build-'));
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(root, '.gitignore'), '.next/\ndist/\n');
    write('apps/web/src/page.tsx', 1_000);
    write('packages/db/src/commit.ts', 1_000);
    write('bench/src/run.ts', 1_000);
    execFileSync('git', ['add', '.'], { cwd: root });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none', () => {
    expect(staleBuildReason(root)).toBe('no production build yet');
  });

  it('accepts a build newer than every file it is built from', () => {
    build(2_000);
    expect(staleBuildReason(root)).toBeNull();
  });

  it('refuses a build older than a tracked file of the app or its packages', () => {
    build(2_000);
    write('packages/db/src/commit.ts', 3_000);
    expect(staleBuildReason(root)).toBe('packages/db/src/commit.ts changed after the last build');
  });

  it('refuses a build older than a new, untracked file, and ignores files outside the build', () => {
    build(2_000);
    write('bench/src/run.ts', 3_000);
    expect(staleBuildReason(root)).toBeNull();
    write('apps/web/src/new-page.tsx', 3_000);
    expect(staleBuildReason(root)).toBe('apps/web/src/new-page.tsx changed after the last build');
  });
});
