// The body of every consumer check: calls each export of `smsedge` and `smsedge/webhooks`
// once and returns what a user would look at. Shared, as text, by the ESM, CJS and Vite
// consumers (each wraps it in its own module syntax), so all of them check the same things.
// `sms` and `hooks` are the two modules; `keys` a signing function (Node) or null (browser:
// a fixed vector is used instead).
async function exercise(sms, hooks, vector) {
  const out = {};
  out.analyze = sms.analyze('Price: $100 [USD]').units;
  out.count = sms.countSegments(']'.repeat(153)).segments;
  out.smart = sms.smartEncode('Don\u2019t').text;
  out.estimate = sms.estimateSend({ sender: 'toll_free', recipients: 100, segments: 2 }).seconds;
  out.campaign = sms.checkCampaign({ brandName: 'Acme', usecase: 'MARKETING', sample1: 'Acme: 20% off at bit.ly/x. Reply STOP to opt out.' })
    .findings.some((f) => f.rule === 'LNK-SHORTENER');
  out.tollFree = sms.checkTollFreeVerification({}).errorCount > 0;
  try {
    sms.analyze(42);
  } catch (e) {
    out.error = e instanceof sms.SmsEdgeError && e.code;
  }
  const headers = { 'telnyx-signature-ed25519': vector.signature, 'telnyx-timestamp': vector.timestamp };
  out.verify = sms.verifyWebhook(vector.body, headers, vector.publicKey, { now: Number(vector.timestamp) }).type;
  out.verifier = new sms.WebhookVerifier(vector.publicKey, { now: Number(vector.timestamp) }).verify(vector.body, headers).id;
  out.hooksVerify = hooks.verifyWebhook(vector.body, headers, vector.publicKey, { now: Number(vector.timestamp) }).type;
  const verifier = new hooks.WebhookVerifier(vector.publicKey, { now: Number(vector.timestamp) });
  out.hooksRequest = (await verifier.verifyRequest(new Request('http://127.0.0.1/webhooks', { method: 'POST', headers, body: vector.body }))).id;
  try {
    hooks.verifyWebhook(`${vector.body} `, headers, vector.publicKey, { now: Number(vector.timestamp) });
  } catch (e) {
    out.hooksError = e instanceof hooks.SmsEdgeError && e.code;
  }
  const fetch = async (url, init) => new Response(JSON.stringify({ data: { id: 'msg-1', to: [{ phone_number: JSON.parse(init.body).to }] } }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
  const client = new sms.TelnyxClient({ apiKey: 'KEY_TEST', fetch, maxRetries: 0 });
  out.client = (await client.messages.send({ from: '+15551234567', to: '+15559876543', text: 'Hello' })).data.id;
  out.pagePromise = typeof sms.PagePromise === 'function';
  out.apiError = typeof sms.TelnyxApiError === 'function';
  return out;
}
