// Node.js: the Ed25519 equation of the synchronous `verify` and `verifyWebhook` computed by
// node:crypto (OpenSSL, native), after the wasm's strict checks (see webhook-verifier.js).
// Imported by the Node entries only.
import { createPublicKey, verify } from 'node:crypto';
import { platform } from './webhook-verifier.js';

// An Ed25519 SubjectPublicKeyInfo in DER (RFC 8410): this prefix, then the 32-byte key.
const SPKI = Buffer.from('302a300506032b6570032100', 'hex');

platform.ed25519 = (raw) => {
  const key = createPublicKey({ key: Buffer.concat([SPKI, raw]), format: 'der', type: 'spki' });
  return (signature, message) => verify(null, message, key, signature);
};
