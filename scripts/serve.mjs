// Serves the web app: www/ at /, the built package at /pkg/. Loopback only.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { dev: true, etag: true, extensions: ['html'] };
const www = sirv(`${root}/www`, options);
const pkg = sirv(`${root}/pkg`, options);

export function createServer() {
  return http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.url.startsWith('/pkg/')) {
      req.url = req.url.slice(4);
      return pkg(req, res, () => notFound(res));
    }
    return www(req, res, () => notFound(res));
  });
}

function notFound(res) {
  res.statusCode = 404;
  res.end('not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  createServer().listen(port, '127.0.0.1', () => {
    console.log(`smsedge web app: http://127.0.0.1:${port}/`);
  });
}
