export { analyze, countSegments, smartEncode, estimateSend, checkCampaign, checkTollFreeVerification } from "./dist/full/smsedge.js";
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
// The webhook verifier and its event types: the same module as in `smsedge/webhooks`.
export * from "./webhook-verifier.js";
export { SmsEdgeError, TelnyxApiError } from "./errors.js";
export type { TelnyxErrorObject, TelnyxRateLimit } from "./errors.js";
export * from "./client.js";
