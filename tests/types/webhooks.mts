// Compiled with `tsc --strict`: the webhook event union narrows on `type`, in both entries.
import { verifyWebhook, WebhookVerifier, SmsEdgeError } from "smsedge";
import type { WebhookEvent, UntypedWebhookEvent, KnownWebhookEventType, MessagePayload } from "smsedge";
import * as slim from "smsedge/webhooks";

declare const body: Uint8Array;
declare const headers: { get(name: string): string | null };
declare const request: { headers: { get(name: string): string | null }; arrayBuffer(): Promise<ArrayBuffer>; url: string };

const event: WebhookEvent = verifyWebhook(body, headers, "key", { toleranceSeconds: 300, now: 1700000000 });
verifyWebhook("text", { "telnyx-timestamp": "1", "telnyx-signature-ed25519": undefined }, "key");
verifyWebhook(new ArrayBuffer(4), headers, "key");
// @ts-expect-error: the body is bytes or a string
verifyWebhook(42, headers, "key");
// @ts-expect-error: the key is a string
verifyWebhook(body, headers, new Uint8Array(32));
// @ts-expect-error: options are camelCase
verifyWebhook(body, headers, "key", { tolerance_seconds: 300 });

const id: string = event.id;
const attempt: number | null = event.attempt;
const occurredAt: string | null = event.occurredAt;
const deliveredTo: string | null = event.deliveredTo;

if (event.type === "porting_order.messaging_changed") {
  const status: string | undefined = event.payload.messaging?.messaging_port_status;
  // @ts-expect-error: messaging_port_status is a string
  const wrong: number | undefined = event.payload.messaging?.messaging_port_status;
  void wrong;
  void status;
}

if (event.type === "message.finalized") {
  const first = event.payload.to?.[0];
  const delivered: boolean = first?.status === "delivery_failed";
  const errorCode: string | undefined = event.payload.errors?.[0]?.code;
  const p: MessagePayload = event.payload;
  // @ts-expect-error: parts is a number
  const parts: string | undefined = event.payload.parts;
  void [delivered, errorCode, p, parts];
}

switch (event.type) {
  case "message.received":
  case "message.sent": {
    const text: string | null | undefined = event.payload.text;
    void text;
    break;
  }
  case "porting_order.status_changed": {
    const value: string | undefined = event.payload.status?.value;
    const details = event.payload.status?.details?.map((d) => d.code);
    void [value, details];
    break;
  }
  case "porting_order.new_comment": {
    const text: string | undefined = event.payload.comment?.body;
    void text;
    break;
  }
  case "porting_order.split": {
    const to: string | undefined = event.payload.to?.id;
    void to;
    break;
  }
  case "porting_order.deleted": {
    const at: string | undefined = event.payload.deleted_at;
    void at;
    break;
  }
  case "10dlc.brand.update": {
    const brand: string | undefined = event.payload.brandId;
    // @ts-expect-error: a brand event has no phoneNumber field typed as a number
    const n: number = event.payload.phoneNumber;
    void [brand, n];
    break;
  }
  case "10dlc.campaign.update": {
    const tmo: boolean | undefined = event.payload.isTMobileRegistered;
    void tmo;
    break;
  }
  case "10dlc.phone_number.update": {
    const phone: string | undefined = event.payload.phoneNumber;
    void phone;
    break;
  }
  default: {
    // An event type smsedge has no model for: still an event; read its payload as unknown.
    const type: string = event.type;
    const payload: unknown = (event as UntypedWebhookEvent).payload;
    void [type, payload];
  }
}

// Comparing with a type smsedge does not know compiles (new Telnyx events).
if (event.type === "call.initiated") {
  const raw: unknown = event.raw;
  void raw;
}

const known: KnownWebhookEventType = "10dlc.campaign.update";
// @ts-expect-error: not a known event type
const notKnown: KnownWebhookEventType = "message.unknown";

const verifier = new WebhookVerifier("key", { toleranceSeconds: 60 });
const e2: WebhookEvent = verifier.verify("body", { "telnyx-timestamp": "1" });
const pending: Promise<WebhookEvent> = verifier.verifyRequest(request);
// @ts-expect-error: a request needs arrayBuffer()
verifier.verifyRequest({ headers });

const slimVerifier = new slim.WebhookVerifier("key");
const e3: slim.WebhookEvent = slimVerifier.verify(body, headers);
if (e3.type === "10dlc.phone_number.update") {
  const status: string | undefined = e3.payload.status;
  void status;
}
const e4: slim.WebhookEvent = slim.verifyWebhook(body, headers, "key");

try {
  verifyWebhook(body, headers, "key");
} catch (err) {
  if (err instanceof SmsEdgeError || err instanceof slim.SmsEdgeError) {
    const code: string = err.code;
    void code;
  }
}

void [id, attempt, occurredAt, deliveredTo, known, notKnown, e2, pending, e4];
