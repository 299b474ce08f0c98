export { analyze, countSegments, smartEncode } from "./dist/full/smsedge.js";
export type {
  Analysis,
  AnalyzeOptions,
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
