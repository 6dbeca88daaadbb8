// Ceiling for reads: a bare node:http server answering every request with the JSON of an incident-sized
// object, serialized per request. Handoff's reads are measured as a ratio to this, on the same machine.
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const incident = {
  id: 123,
  number: 'INC-000123',
  callerName: 'Casey Customer',
  callerPhone: '608-555-0100',
  callerEmail: 'casey@wisc.edu',
  status: 'assigned',
  description: 'VPN stopped working after the update; Duo prompts never arrive.',
  ownerTeam: { id: 3, name: 'US - Help Desk CPS' },
  version: 4,
  journal: Array.from({ length: 3 }, (_, i) => ({ id: i, kind: 'note', body: `Entry ${i}` })),
};
createServer((_req, res) => {
  const body = JSON.stringify({ result: { data: incident } });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
}).listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
