// A second server process for the lease test: holds the lease `name` on the database at `path`
// (ttl in ms), prints "holding" once it does, and then lives until it is killed.
import { createDb } from '../client';
import { keepLease } from '../lease';

const [path, name, ttl] = process.argv.slice(2);
const db = createDb(path!);
keepLease(db, {
  name: name!,
  ttlMs: Number(ttl),
  start: () => void process.stdout.write('holding\n'),
  stop: () => void process.stdout.write('lost\n'),
});
setInterval(() => {}, 1000);
