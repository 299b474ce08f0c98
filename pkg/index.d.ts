export { analyze, countSegments, smartEncode, estimateSend } from "./dist/full/smsedge.js";
export type {
  Analysis,
  AnalyzeOptions,
  AttClass,
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
export { SmsEdgeError } from "./boundary.js";
