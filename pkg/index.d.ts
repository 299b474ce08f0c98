export { analyze, countSegments, smartEncode, estimateSend, checkCampaign, checkTollFreeVerification, verifyWebhook, WebhookVerifier } from "./dist/full/smsedge.js";
export type {
  Analysis,
  AnalyzeOptions,
  AttClass,
  BrandInput,
  CampaignInput,
  ComplianceReport,
  Finding,
  SampleEncoding,
  Severity,
  TollFreeVerificationInput,
  SendEstimate,
  SendPlan,
  Encoding,
  ExtensionChar,
  NonGsmChar,
  Part,
  RequestEncoding,
  SegmentCount,
  SegmentWarning,
  Sender,
  SmartEncodeResult,
  SmartEncodingSummary,
  SmartReplacement,
} from "./dist/full/smsedge.js";
// The webhook event types: one list, in webhooks.d.ts (the same types in both builds).
export type * from "./webhooks.js";
export { SmsEdgeError, TelnyxApiError } from "./boundary.js";
export type { TelnyxErrorObject, TelnyxRateLimit } from "./boundary.js";
export * from "./client.js";
