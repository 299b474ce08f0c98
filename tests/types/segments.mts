// Compiled with `tsc --strict` by scripts/test: the package's types are exact, not `any`.
import { analyze, countSegments, smartEncode, SmsEdgeError } from 'smsedge';
import type { Analysis, Encoding, NonGsmChar, Part, SegmentCount, SmartEncodeResult } from 'smsedge';

const a: Analysis = analyze('Price: $100 [USD]');
const encoding: 'GSM-7' | 'ASCII-7' | 'UCS-2' = a.encoding;
const parts: Part[] = a.parts;
const first: string = parts[0].text;
const units: number = a.units + a.unitsLeft + a.segments;
const non: NonGsmChar | undefined = a.nonGsm[0];
const replacement: string | null | undefined = non?.replacement;
const smartText: string | undefined = a.smart?.text;
const cost: number | undefined = a.cost;
const warningCode: 'too_many_segments' | 'many_segments' | 'empty' | undefined = a.warnings[0]?.code;

analyze('hi', { sender: 'short_code', encoding: 'gsm7', smartEncoding: true, pricePerSegment: 0.004 });
// @ts-expect-error: not a sender type
analyze('hi', { sender: 'landline' });
// @ts-expect-error: options are camelCase
analyze('hi', { smart_encoding: true });
// @ts-expect-error: text is a string
analyze(42);

const c: SegmentCount = countSegments('hi');
const e2: Encoding = c.encoding;
const s: SmartEncodeResult = smartEncode('Wait…');
const changed: number = s.lengthChange + s.replacements.length;

try {
  analyze('😀', { encoding: 'gsm7' });
} catch (err) {
  if (err instanceof SmsEdgeError) {
    const code: string = err.code;
    const index: number | undefined = err.index;
    void code;
    void index;
  }
}

void [encoding, first, units, replacement, smartText, cost, warningCode, e2, changed];
