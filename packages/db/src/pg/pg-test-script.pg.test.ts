// scripts/pg-test.sh (which `npm test` runs the PostgreSQL suite in) leaves nothing behind: whatever
// the command's exit status, the cluster is stopped, its port closed and its directory removed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scripts/pg-test.sh');
const port = 55_000 + Math.floor(Math.random() * 400);

const portOpen = (p: number) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host: '127.0.0.1', port: p });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

test('a failing command: its exit status passes through, and no server, port or directory is left', async () => {
  const run = spawnSync(
    'bash',
    [
      script,
      'bash',
      '-c',
      // While the command runs the cluster answers on the port; then the command fails.
      'echo "dir=$PG_SOCKET_DIR"; (exec 3<>"/dev/tcp/127.0.0.1/$0") && echo open; exit 3',
      String(port),
    ],
    { encoding: 'utf8', env: { ...process.env, PG_PORT: String(port) }, timeout: 60_000 },
  );
  expect(run.stdout).toContain('open');
  expect(run.status).toBe(3);
  const dir = /dir=(\S+)/.exec(run.stdout)?.[1];
  expect(dir).toBeTruthy();
  expect(existsSync(dir!)).toBe(false);
  expect(await portOpen(port)).toBe(false);
}, 60_000);

test('durability is off for the test suites and PostgreSQL’s own (fsync, synchronous commit) with PG_DURABLE=1', () => {
  const settings = (durable: boolean) => {
    const p = port + (durable ? 1 : 2);
    const run = spawnSync(
      'bash',
      [
        script,
        'bash',
        '-c',
        'psql -h "$PG_SOCKET_DIR" -p "$0" -U postgres -At -c "SELECT current_setting(\'fsync\') || \' \' || current_setting(\'synchronous_commit\')" handoff_test',
        String(p),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PG_PORT: String(p), PG_DURABLE: durable ? '1' : '' },
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.trim();
  };
  expect(settings(false)).toBe('off off');
  expect(settings(true)).toBe('on on');
}, 120_000);
