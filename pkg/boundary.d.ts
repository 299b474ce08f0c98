/** An error from smsedge. `code` is stable: see the README's table of codes. */
export declare class SmsEdgeError extends Error {
  constructor(code: string, message: string, details?: Record<string, unknown>);
  readonly name: "SmsEdgeError";
  /** A stable snake_case code such as "not_gsm7" or "signature_mismatch". */
  readonly code: string;
  /** For `not_gsm7`: UTF-16 index of the first character that has no GSM-7 form. */
  readonly index?: number;
  /** For `not_gsm7`: its code point. */
  readonly codePoint?: number;
}
