export { analyze, countSegments, smartEncode, estimateSend, checkCampaign, checkTollFreeVerification } from "./dist/full/smsedge.cjs";
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
} from "./dist/full/smsedge.cjs";
// The webhook verifier and its event types: the same module as in `smsedge/webhooks`.
export * from "./webhook-verifier.cjs";
export { SmsEdgeError, TelnyxApiError } from "./errors.cjs";
export type { TelnyxErrorObject, TelnyxRateLimit } from "./errors.cjs";
export * from "./client.cjs";
