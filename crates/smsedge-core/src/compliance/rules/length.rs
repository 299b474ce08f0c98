//! 3.3 Length and encoding. Segment counts come from [`crate::segments`].

use super::{Applies, Hit, Rule, first_failing};
use crate::compliance::Severity::{Error, Info, Warning};
use crate::compliance::context::Ctx;
use crate::segments::{Encoding, MAX_SEGMENTS};

/// LEN-SAMPLE-MIN: a sample is under 20 characters (API minimum per sample).
pub(crate) const LEN_SAMPLE_MIN: Rule = Rule {
    id: "LEN-SAMPLE-MIN",
    severity: Error,
    applies: Applies::Campaign,
    title: "A sample is under 20 characters",
    needs_use_case: false,
    check: len_sample_min,
};

fn len_sample_min(cx: &Ctx) -> Option<Hit> {
    let (first, also) = first_failing(cx, &|s| s.field.len < 20)?;
    Hit::at_also(
        &first.field,
        None,
        format!(
            "This sample is {} characters; samples must be at least 20.",
            first.field.len
        ),
        "Write the full message as it will be sent, including the brand name and opt-out instructions.",
        also,
    )
}

/// LEN-SAMPLE-MAX: a sample is over 1,024 characters (API maximum per sample).
pub(crate) const LEN_SAMPLE_MAX: Rule = Rule {
    id: "LEN-SAMPLE-MAX",
    severity: Error,
    applies: Applies::Campaign,
    title: "A sample is over 1,024 characters",
    needs_use_case: false,
    check: len_sample_max,
};

fn len_sample_max(cx: &Ctx) -> Option<Hit> {
    let (first, also) = first_failing(cx, &|s| s.field.len > 1024)?;
    Hit::at_also(
        &first.field,
        None,
        format!(
            "This sample is {} characters; samples may be at most 1,024.",
            first.field.len
        ),
        "Shorten the sample to the message you will really send (ideally one or two segments).",
        also,
    )
}

/// LEN-SEGMENTS: a sample needs more than 10 segments.
///
/// Enforces *[Message Encoding]* "Maximum: 10 segments per message" and error 40302.
pub(crate) const LEN_SEGMENTS: Rule = Rule {
    id: "LEN-SEGMENTS",
    severity: Error,
    applies: Applies::Campaign,
    title: "A sample needs more than 10 segments",
    needs_use_case: false,
    check: len_segments,
};

fn len_segments(cx: &Ctx) -> Option<Hit> {
    let (first, also) = first_failing(cx, &|s| s.count.is_some_and(|c| c.segments > MAX_SEGMENTS))?;
    let c = first.count?;
    Hit::at_also(
        &first.field,
        None,
        format!(
            "This sample needs {} {} segments; Telnyx refuses messages over {MAX_SEGMENTS}.",
            c.segments,
            c.encoding.as_str()
        ),
        "Shorten it, and replace emoji and curly quotes so it stays GSM-7 (160 characters per segment instead of 70).",
        also,
    )
}

/// LEN-2FA: a 2FA sample is longer than one segment.
///
/// *[Use Case Examples] › 2FA* "Keep messages under 160 characters".
pub(crate) const LEN_2FA: Rule = Rule {
    id: "LEN-2FA",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A 2FA sample is longer than one segment",
    needs_use_case: true,
    check: len_2fa,
};

fn len_2fa(cx: &Ctx) -> Option<Hit> {
    cx.uc().filter(|u| u.is("2FA"))?;
    let (first, also) = first_failing(cx, &|s| s.count.is_some_and(|c| c.segments > 1))?;
    let c = first.count?;
    Hit::at_also(
        &first.field,
        None,
        format!(
            "This 2FA sample needs {} segments; codes should arrive in one.",
            c.segments
        ),
        "Keep one-time-code messages under 160 GSM-7 characters (70 if they contain an emoji or curly quote).",
        also,
    )
}

/// LEN-ENCODING (advice): a non-GSM character forces UCS-2.
///
/// *[Message Encoding]* "A single non-GSM-7 character (like an emoji or curly quote)
/// switches the entire message to UTF-16".
pub(crate) const LEN_ENCODING: Rule = Rule {
    id: "LEN-ENCODING",
    severity: Info,
    applies: Applies::Both,
    title: "A non-GSM character forces UCS-2",
    needs_use_case: false,
    check: len_encoding,
};

fn len_encoding(cx: &Ctx) -> Option<Hit> {
    let (first, also) = first_failing(cx, &|s| {
        s.count.is_some_and(|c| c.encoding == Encoding::Ucs2)
    })?;
    let hit = Hit::at(
        &first.field,
        None,
        "A character outside GSM-7 makes this sample UCS-2: 70 characters per segment instead of 160.",
        "Replace emoji, curly quotes and dashes with plain characters (' \" -) if you want GSM-7.",
    )
    .also(also);
    Some(match first.non_gsm {
        Some(s) => hit.with_utf16(&first.field, s.start, s.end),
        None => hit,
    })
}
