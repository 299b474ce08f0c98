// Compiled with `tsc --strict` by scripts/test: the API client's types are exact, not `any`.
import { TelnyxClient, TelnyxApiError, SmsEdgeError, PagePromise } from 'smsedge';
import type {
  APIPromise,
  DataResponse,
  FetchLike,
  ListPage,
  Message,
  PortingEvent,
  TelnyxClientOptions,
  TelnyxErrorObject,
  TelnyxRateLimit,
  TenDlcPage,
  Brand,
  WithResponse,
} from 'smsedge';

const options: TelnyxClientOptions = { apiKey: 'KEY', baseUrl: '/api/telnyx', timeoutMs: 10_000, maxRetries: 2 };
const client = new TelnyxClient(options);
new TelnyxClient();
new TelnyxClient({ fetch: globalThis.fetch });
const stub: FetchLike = async (url, init) => {
  const method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' = init.method;
  void method;
  return new Response(JSON.stringify({ url }), { status: 200 });
};
new TelnyxClient({ fetch: stub });
// @ts-expect-error: the options are camelCase
new TelnyxClient({ api_key: 'KEY' });
// @ts-expect-error: maxRetries is a number
new TelnyxClient({ maxRetries: '2' });

async function main() {
  const sent: APIPromise<DataResponse<Message>> = client.messages.send({ from: '+13125550100', to: '+13125550101', text: 'Hi' });
  const body: DataResponse<Message> = await sent;
  const status: string | undefined = body.data?.to?.[0]?.status;
  const extra: unknown = body.data?.some_new_field;
  const full: WithResponse<DataResponse<Message>> = await client.messages.send({ to: '+13125550101', text: 'x', send_at: new Date() }).withResponse();
  const attempts: number = full.attempts;
  const requestId: string | null = full.requestId;
  const rate: TelnyxRateLimit | null = full.rateLimit;

  // @ts-expect-error: `to` is required
  client.messages.send({ text: 'Hi' });
  // @ts-expect-error: encoding is "auto" | "gsm7" | "ucs2"
  client.messages.send({ to: '+1', encoding: 'utf8' });
  // @ts-expect-error: the method is `send`, not `create`
  client.messages.create({ to: '+1' });

  await client.messagingProfiles.update('id', { smart_encoding: true });
  // @ts-expect-error: update takes the id first
  client.messagingProfiles.update({ smart_encoding: true });
  await client.phoneNumbers.messaging.list({ filter: { type: 'longcode' } });
  await client.portabilityChecks.run({ phone_numbers: ['+13125550100'] });
  await client.portingOrders.update('id', { messaging: { enable_messaging: true } });
  await client.portingPhoneNumbers.list();
  const nothing: void = await client.porting.events.republish('id');
  await client.messaging10dlc.campaignBuilder.submit({ brandId: 'B', usecase: '2FA', description: 'OTP' });
  // @ts-expect-error: campaignBuilder needs brandId, usecase and description
  client.messaging10dlc.campaignBuilder.submit({ brandId: 'B' });
  // @ts-expect-error: campaign.list needs brandId
  client.messaging10dlc.campaign.list({});
  await client.detailRecords.list({ filter: { date_range: 'last_week' } });
  await client.messagingOptouts.list();

  // Lists: awaitable for the first page, async-iterable for every item.
  const events: PagePromise<ListPage<PortingEvent>, PortingEvent> = client.porting.events.list({ page: { size: 50 } }, { maxItems: 100 });
  const first: ListPage<PortingEvent> = await events;
  const totalPages: number | undefined = first.meta?.total_pages;
  for await (const event of client.porting.events.list()) {
    const type: string | undefined = event.event_type;
    void type;
  }
  const brands: TenDlcPage<Brand> = await client.messaging10dlc.brand.list();
  for await (const brand of client.messaging10dlc.brand.list()) {
    const id: string | undefined = brand.brandId;
    void id;
  }
  // @ts-expect-error: the caps are maxItems and maxPages
  client.porting.events.list({}, { limit: 5 });

  try {
    await client.messages.send({ to: '+13125550101', text: 'Hi' });
  } catch (err) {
    if (err instanceof TelnyxApiError) {
      const s: number = err.status;
      const code: string = err.code;
      const errors: TelnyxErrorObject[] = err.errors;
      const pointer: string | null | undefined = errors[0]?.source?.pointer;
      const retryAfter: number | null = err.retryAfter;
      const raw: string = err.rawBody;
      const n: number = err.attempts;
      const name: 'TelnyxApiError' = err.name;
      void [s, code, pointer, retryAfter, raw, n, name];
    } else if (err instanceof SmsEdgeError) {
      const telnyxCode: string | undefined = err.telnyxCode;
      const tries: number | undefined = err.attempts;
      void [telnyxCode, tries];
    }
  }
  void [status, extra, attempts, requestId, rate, nothing, totalPages, brands];
}
void main;
