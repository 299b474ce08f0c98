// A Cloudflare Worker for Telnyx, with two routes:
//
//   POST /webhooks/telnyx   verifies Telnyx webhooks with smsedge/webhooks, drops replays by
//                           event id (Workers KV), hands verified events on (a Queue or a URL)
//   /api/*                  a narrow proxy to the Telnyx API for a web page: it adds the API
//                           key, allows only configured routes and one origin (CORS)
//
// Bindings (see wrangler.toml and README.md):
//   TELNYX_PUBLIC_KEY   secret  the webhook public key from the Telnyx portal (base64, DER or PEM)
//   TELNYX_API_KEY      secret  the API key the proxy adds; never sent back to the caller
//   WEBHOOK_IDS         KV      ids of handled events (replay protection); optional
//   EVENTS              Queue   where verified events go; optional
//   FORWARD_URL         var     where verified events are POSTed when EVENTS is not bound
//   FORWARD_TOKEN       secret  sent as `Authorization: Bearer …` to FORWARD_URL; optional
//   WEBHOOK_TOLERANCE_SECONDS, REPLAY_TTL_SECONDS   vars, default 300 and 259200 (3 days)
//   ALLOWED_ROUTES      var     e.g. "POST /v2/messages, GET /v2/messages/*" (`*` = one segment)
//   ALLOWED_ORIGIN      var     e.g. "https://app.example.com"; the proxy is off without it
//   TELNYX_BASE_URL     var     default https://api.telnyx.com
//
// `smsedge/webhooks` resolves to its Workers build (the `workerd` export condition): the .wasm
// is imported as a compiled module, as wrangler bundles it, so there is no init call here.
import { WebhookVerifier } from 'smsedge/webhooks';

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === '/webhooks/telnyx') {
      if (request.method !== 'POST') return jsonError(405, 'method_not_allowed', { Allow: 'POST' });
      return handleWebhook(request, env, ctx);
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleProxy(request, env, pathname.slice(4));
    return jsonError(404, 'not_found');
  },
};

// ---------------------------------------------------------------------------------------------
// Webhooks

// Codes that mean the Worker's configuration is wrong (TELNYX_PUBLIC_KEY, the tolerance var).
const CONFIG_ERRORS = ['invalid_public_key', 'weak_public_key', 'invalid_argument'];

// Per isolate: the key is parsed once (and again only if the secret changes).
let verifier = null;
let verifierConfig = '';

function getVerifier(env) {
  const config = `${env.TELNYX_PUBLIC_KEY}\n${env.WEBHOOK_TOLERANCE_SECONDS ?? ''}`;
  if (verifier === null || verifierConfig !== config) {
    const tolerance = env.WEBHOOK_TOLERANCE_SECONDS;
    // Throws SmsEdgeError `invalid_public_key` / `weak_public_key` for a bad secret.
    verifier = new WebhookVerifier(env.TELNYX_PUBLIC_KEY, tolerance ? { toleranceSeconds: Number(tolerance) } : undefined);
    verifierConfig = config;
  }
  return verifier;
}

async function handleWebhook(request, env, ctx) {
  let event;
  try {
    // verifyRequest reads the raw body bytes and the telnyx-* headers itself.
    event = await getVerifier(env).verifyRequest(request);
  } catch (e) {
    if (typeof e?.code !== 'string') throw e;
    // A bad secret or var is our fault, not the sender's: 500 (Telnyx retries; fix the config).
    const status = CONFIG_ERRORS.includes(e.code) ? 500 : 403;
    // The failure code and nothing else: no message, no echo of the body or headers.
    return new Response(e.code, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  // Telnyx retries a delivery it did not see acknowledged: the same event id again (with a new
  // timestamp and signature). KV is eventually consistent, so this is best effort across
  // locations; use a Durable Object keyed by id if a duplicate must never get through.
  const seenKey = `telnyx:${event.id}`;
  if (env.WEBHOOK_IDS && (await env.WEBHOOK_IDS.get(seenKey)) !== null) return text(200, 'duplicate');

  if (env.EVENTS) {
    // A Queue send is durable and takes milliseconds: do it before answering, so a failure
    // gives Telnyx a 5xx and a retry instead of a lost event. Consumers do the slow work.
    await env.EVENTS.send(event, { contentType: 'json' });
  } else if (env.FORWARD_URL) {
    // Answer now, forward after the response (Telnyx waits at most 2 s). A Queue is the more
    // durable choice: a forward that keeps failing is only logged.
    ctx.waitUntil(forward(event, env));
  } else {
    console.error('webhook: neither EVENTS nor FORWARD_URL is configured');
    return text(500, 'no_event_sink');
  }
  if (env.WEBHOOK_IDS) {
    const ttl = Math.max(60, Number(env.REPLAY_TTL_SECONDS) || 3 * 24 * 3600); // KV's minimum is 60 s
    ctx.waitUntil(env.WEBHOOK_IDS.put(seenKey, String(Date.now()), { expirationTtl: ttl }));
  }
  return text(200, 'ok');
}

/** POSTs the normalized event `{ id, type, occurredAt, attempt, deliveredTo, payload, raw }`. */
async function forward(event, env) {
  const headers = { 'content-type': 'application/json', 'telnyx-event-id': event.id, 'telnyx-event-type': event.type };
  if (env.FORWARD_TOKEN) headers.authorization = `Bearer ${env.FORWARD_TOKEN}`;
  const body = JSON.stringify(event);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(env.FORWARD_URL, { method: 'POST', headers, body });
      if (response.ok || (response.status < 500 && response.status !== 429)) {
        if (!response.ok) console.error(`webhook: forward of ${event.id} refused: ${response.status}`);
        return;
      }
    } catch {
      // network error: retry
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  console.error(`webhook: forward of ${event.id} failed after 3 attempts`);
}

// ---------------------------------------------------------------------------------------------
// The Telnyx API proxy

// Request headers passed on from the page (everything else, cookies and any Authorization
// included, is dropped), and response headers the page may read.
const REQUEST_HEADERS = ['accept', 'content-type'];
const EXPOSED_HEADERS = ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];

// Parsed ALLOWED_ROUTES, per isolate: [{ method, regex }].
let routes = null;
let routesConfig = null;

function allowedRoutes(env) {
  const config = env.ALLOWED_ROUTES ?? '';
  if (routesConfig !== config) {
    routes = config
      .split(',')
      .map((entry) => entry.trim().split(/\s+/))
      .filter((parts) => parts.length === 2 && parts[1].startsWith('/'))
      .map(([method, path]) => ({
        method: method.toUpperCase(),
        // `*` is one path segment; everything else is literal.
        regex: new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
      }));
    routesConfig = config;
  }
  return routes;
}

function corsHeaders(origin) {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

async function handleProxy(request, env, path) {
  // CORS: only the configured origin. Browsers always send Origin on cross-origin calls and on
  // POST; a request without it is refused too. (Origin is a browser rule, not authentication:
  // a script can send any Origin. Put Cloudflare Access or your own session check in front if
  // the page is not public.)
  const origin = request.headers.get('Origin');
  const allowedOrigins = (env.ALLOWED_ORIGIN ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (origin === null || !allowedOrigins.includes(origin)) return jsonError(403, 'origin_not_allowed');
  const cors = corsHeaders(origin);

  // Only a configured method + path. A path dot-segment or encoded slash never matches `*`.
  if (/\/\.\.?(\/|$)|%2f|%5c|\\/i.test(path)) return jsonError(404, 'route_not_allowed', cors);
  const matching = allowedRoutes(env).filter((r) => r.regex.test(path));
  if (matching.length === 0) return jsonError(404, 'route_not_allowed', cors);
  const methods = [...new Set(matching.map((r) => r.method))];

  if (request.method === 'OPTIONS') {
    const wanted = (request.headers.get('Access-Control-Request-Method') ?? '').toUpperCase();
    if (!methods.includes(wanted)) return jsonError(405, 'method_not_allowed', { ...cors, Allow: methods.join(', ') });
    return new Response(null, {
      status: 204,
      headers: {
        ...cors,
        'Access-Control-Allow-Methods': methods.join(', '),
        'Access-Control-Allow-Headers': REQUEST_HEADERS.join(', '),
        'Access-Control-Max-Age': '600',
      },
    });
  }
  if (!methods.includes(request.method)) return jsonError(405, 'method_not_allowed', { ...cors, Allow: methods.join(', ') });

  const key = env.TELNYX_API_KEY;
  if (!key) return jsonError(500, 'proxy_not_configured', cors);

  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('Authorization', `Bearer ${key}`);
  const base = (env.TELNYX_BASE_URL || 'https://api.telnyx.com').replace(/\/+$/, '');
  const target = base + path + new URL(request.url).search;

  let upstream;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer(),
      redirect: 'manual', // a redirect would carry the key elsewhere
    });
  } catch {
    return jsonError(502, 'upstream_unreachable', cors); // no error text: it could name the request
  }
  return scrubbed(upstream, key, cors);
}

/**
 * The upstream response for the page, with the key nowhere in it: only a few headers are passed
 * on (never Authorization or Set-Cookie, and none holding the key), and any occurrence of the
 * key in the body is replaced (an API that echoes the request back must not leak it).
 */
async function scrubbed(upstream, key, cors) {
  const headers = new Headers(cors);
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
  for (const name of ['content-type', ...EXPOSED_HEADERS]) {
    const value = upstream.headers.get(name);
    if (value !== null && !value.includes(key)) headers.set(name, value);
  }
  let body = await upstream.arrayBuffer();
  const asText = new TextDecoder().decode(body);
  if (asText.includes(key)) body = asText.replaceAll(key, '[redacted]');
  const status = upstream.status >= 300 && upstream.status < 400 ? 502 : upstream.status;
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

// ---------------------------------------------------------------------------------------------

function text(status, body) {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function jsonError(status, error, headers = {}) {
  return Response.json({ error }, { status, headers });
}
