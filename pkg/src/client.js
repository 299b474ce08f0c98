// The Telnyx API client: `telnyx`-style namespaces (client.messages.send, client.porting.events.list…)
// built from the core's operation catalogue over one wasm TelnyxTransport. No logic lives here:
// requests, pre-flight checks, retries, errors and pagination are all Rust.
import { TelnyxTransport, telnyxOperations } from './dist/full/smsedge.js';

let catalogue;

/** A Telnyx API client. See client.d.ts and the README ("Telnyx API client"). */
export class TelnyxClient {
  #transport;

  /** @param {import('./client.js').TelnyxClientOptions} [options] */
  constructor(options = {}) {
    this.#transport = new TelnyxTransport(options ?? {});
    catalogue ??= telnyxOperations();
    for (const [name, pathParams, kind] of catalogue) {
      const parts = name.split('.');
      let target = this;
      for (const part of parts.slice(0, -1)) target = target[part] ??= {};
      target[parts[parts.length - 1]] = method(this.#transport, name, pathParams, kind);
    }
  }
}

function method(transport, name, pathParams, kind) {
  return (...args) => {
    const path = args.slice(0, pathParams);
    const params = args[pathParams];
    if (kind === 'list') {
      const options = args[pathParams + 1];
      return new PagePromise(
        () => settle(transport.request(name, path, params, undefined)),
        () => walk(transport.pager(name, path, params, options)),
      );
    }
    const call = settle(transport.request(name, path, kind === 'query' ? params : undefined, kind === 'body' ? params : undefined));
    const data = call.then(body);
    // A caller who awaits .withResponse() handles the failure there: the body promise must not
    // then report the same rejection as unhandled.
    data.withResponse = () => {
      data.catch(noop);
      return call.then(full);
    };
    return data;
  };
}

/**
 * Runs one wasm TelnyxCall to its end. The call is a state machine in Rust; each step gives
 * the promise to await next (the fetch, the body, a backoff timer) and this awaits it, so the
 * wasm carries no async runtime. The last step gives the call's value (never a promise) or
 * throws its error.
 */
async function settle(call) {
  try {
    // The first attempt starts in a microtask, as it did from a Rust future.
    await undefined;
    let ok = true;
    let value;
    for (;;) {
      const out = call.step(ok, value);
      if (!(out instanceof Promise)) return out;
      try {
        value = await out;
        ok = true;
      } catch (error) {
        value = error;
        ok = false;
      }
    }
  } finally {
    call.free();
  }
}

const noop = () => {};
const body = (r) => r.body;
const full = (r) => ({ data: r.body, status: r.status, attempts: r.attempts, requestId: r.requestId, rateLimit: r.rateLimit });

async function* walk(pager) {
  try {
    for (;;) {
      const page = await settle(pager.next());
      if (page === null) return;
      yield* page.items;
      if (page.done) return;
    }
  } finally {
    pager.free();
  }
}

/**
 * What a list method returns: awaiting it gives the first page (`{ data, meta }`, or the
 * 10DLC / toll-free page); `for await` over it gives every item of every page. The first page
 * is requested only when awaited, so iterating alone makes no extra request.
 */
export class PagePromise {
  #start;
  #iterate;
  #call;

  constructor(start, iterate) {
    this.#start = start;
    this.#iterate = iterate;
  }

  #get() {
    return (this.#call ??= this.#start());
  }

  then(onFulfilled, onRejected) {
    return this.#get().then(body).then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    return this.#get().then(body).finally(onFinally);
  }

  withResponse() {
    return this.#get().then(full);
  }

  [Symbol.asyncIterator]() {
    return this.#iterate();
  }
}
