// A small fault-injecting HTTP server on 127.0.0.1 for the API client tests: each test sets
// `server.handle = (req, res, body) => …` and reads `server.requests` afterwards.
import { createServer } from 'node:http';

export async function startServer({ cors = false } = {}) {
  const state = {
    requests: [],
    handle: (_req, res) => res.writeHead(404).end(),
  };
  const sockets = new Set();
  const server = createServer((req, res) => {
    if (cors) {
      // What a proxy in front of Telnyx would send so a page on another origin may call it.
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, accept');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset');
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      state.handle(req, res, body, state.requests.length);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v2`,
    reset(handle) {
      state.requests = [];
      state.handle = handle;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

/** A port nothing listens on (it was free a moment ago). */
export async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
