// The baseline of bench/http.bench.ts: a bare node:http server answering each recorded URL with the
// very bytes (status, headers, body) Coso gave for it. Plain JavaScript, so nothing but Node runs.
//   node bench/bare-server.mjs <responses.json>   prints `listening <port>` once ready
import fs from 'node:fs';
import http from 'node:http';

const recorded = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const routes = new Map(recorded.map((r) => [r.path, { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') }]));
const missing = Buffer.from('not recorded');

const server = http.createServer((req, res) => {
  const r = routes.get(req.url);
  if (!r) {
    res.writeHead(404, { 'content-type': 'text/plain', 'content-length': missing.length });
    res.end(missing);
    return;
  }
  res.writeHead(r.status, { ...r.headers, 'content-length': r.body.length });
  res.end(r.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
