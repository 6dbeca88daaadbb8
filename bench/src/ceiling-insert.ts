// Ceiling for writes: a bare node:http server that parses a JSON body and inserts one row into
// better-sqlite3 with the pragmas Handoff uses (WAL, synchronous NORMAL), answering with the new id.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const [portArg, path] = process.argv.slice(2);
const sqlite = new Database(path);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec(
  'CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT)',
);
const insert = sqlite.prepare('INSERT INTO rows (body, at) VALUES (?, ?)');
createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    const { lastInsertRowid } = insert.run(JSON.stringify(input), new Date().toISOString());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ result: { data: { id: Number(lastInsertRowid) } } }));
  });
}).listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
