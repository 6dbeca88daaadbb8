// Child processes of the benchmark: started on loopback, awaited until ready, always stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const running = new Set<ChildProcess>();

/** Starts a process that prints "ready" when it listens. */
export function startReadyProcess(cmd: string, args: string[], env?: NodeJS.ProcessEnv) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  return new Promise<ChildProcess>((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolvePromise(child);
    });
  });
}

/** Starts a server and polls `url` until it answers (or `timeoutMs` passes). */
export async function startHttpServer(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs: number },
): Promise<ChildProcess> {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`${cmd} exited with ${exited} before it served`);
    try {
      if ((await fetch(opts.url)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${opts.url} did not answer within ${opts.timeoutMs} ms`);
}

export function stopAll() {
  for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
  running.clear();
}
/** Stops every child and waits until each has exited (so the next engine's run can take the ports). */
export async function stopAllAndWait() {
  const children = [...running].filter((c) => c.exitCode === null && c.signalCode === null);
  const exits = children.map((c) => new Promise((r) => c.once('exit', r)));
  stopAll();
  await Promise.all(exits);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
process.once('exit', stopAll);

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  let kb = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

/** CPU time (user + system) of a process and all its descendants so far, in seconds (Linux /proc). */
export function treeCpuSeconds(rootPid: number, ticksPerSecond = 100): number {
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.set(Number(entry), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, f] of stats) if (Number(f[1]) === tree[i]) tree.push(pid);
  // Fields after the command: state(0) ppid(1) … utime(11) stime(12).
  const ticks = tree.reduce((sum, pid) => {
    const f = stats.get(pid);
    return sum + (f ? Number(f[11]) + Number(f[12]) : 0);
  }, 0);
  return ticks / ticksPerSecond;
}
