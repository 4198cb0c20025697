// A stand-in for `annals serve` while it is being written: serves the
// dashboard's files and, for each API path, the fixed answer in
// tests/web/mock/<endpoint>.json whatever the query.  Only the browser test
// uses it, and only when the annals binary has no `serve` command.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The page policy doc/api.md promises, so the test sees what the real server
// would refuse (inline styles or scripts, outside requests).
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
  + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export async function startMock(port, webDir, mockDir) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file;
    if (url.pathname.startsWith('/api/')) file = path.join(mockDir, `${path.basename(url.pathname)}.json`);
    else file = path.join(webDir, url.pathname === '/' ? 'index.html' : path.basename(url.pathname));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error": "not found", "parameter": null}');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return () => new Promise((resolve) => server.close(resolve));
}
