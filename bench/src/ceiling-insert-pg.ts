// Ceiling for writes on PostgreSQL: the bare node:http server of ceiling-insert.ts, inserting its one
// row through node-postgres (a pool of 10, as Handoff's) into the bench's database, answering with the
// new id. Each insert is its own committed statement with the cluster's durability settings.
import { createServer } from 'node:http';
import pg from 'pg';

const [portArg, url] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS ceiling_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL, at text)',
);
createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    pool
      .query<{ id: string }>('INSERT INTO ceiling_rows (body, at) VALUES ($1, $2) RETURNING id', [
        JSON.stringify(input),
        new Date().toISOString(),
      ])
      .then(({ rows }) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: { data: { id: Number(rows[0]!.id) } } }));
      })
      .catch((e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      });
  });
}).listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
