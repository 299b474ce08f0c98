//! 3.7 Message flow: how people opt in (`messageFlow`; TFV `optInWorkflow`).

use super::{Applies, Hit, Rule};
use crate::compliance::Severity::{Error, Warning};
use crate::compliance::context::{Ctx, Field};
use crate::compliance::detect;
use crate::compliance::text::{Analysed, Span};
use crate::strings::cat3;

/// A hit on the flow `f` (when given) unless `detect` finds what it must say.
#[inline(never)]
fn lacks(
    f: Option<&Field>,
    detect: fn(&Analysed) -> Option<Span>,
    message: &'static str,
    fix: &'static str,
) -> Option<Hit> {
    let f = f?;
    if detect(&f.a).is_some() {
        return None;
    }
    Some(Hit::at(f, None, message, fix))
}

/// FLOW-SHORT: the flow is under 40 characters.
///
/// Twilio API "40 character minimum"; the docs' own bad example "Customers opt in at
/// checkout." is 29 characters (*[Campaign Registration]* curl body, Quickstart).
pub(crate) const FLOW_SHORT: Rule = Rule {
    id: "FLOW-SHORT",
    severity: Error,
    applies: Applies::Campaign,
    title: "The message flow is under 40 characters",
    needs_use_case: false,
    check: flow_short,
};

fn flow_short(cx: &Ctx) -> Option<Hit> {
    let f = cx.flow.as_ref().filter(|f| f.len < 40)?;
    Some(Hit::at(
        f,
        None,
        format!(
            "The message flow is {} characters; carriers need at least 40 to judge consent.",
            f.len
        ),
        "Describe where people give their number, the consent step they take (e.g. an unchecked checkbox with its text), what they will receive, and the link to the form.",
    ))
}

/// FLOW-LONG: the flow is over 2,048 characters (the API maximum).
pub(crate) const FLOW_LONG: Rule = Rule {
    id: "FLOW-LONG",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The message flow is over 2,048 characters",
    needs_use_case: false,
    check: flow_long,
};

fn flow_long(cx: &Ctx) -> Option<Hit> {
    let f = cx.flow.as_ref().filter(|f| f.len > 2048)?;
    Some(Hit::at(
        f,
        None,
        format!(
            "The message flow is {} characters; the limit is 2,048.",
            f.len
        ),
        "Keep the flow to the opt-in steps and the consent text.",
    ))
}

/// FLOW-MECHANISM: no concrete consent-capture step.
///
/// Enforces *[Campaign Registration] › Handle campaign rejections* "Vague message flow →
/// Describe the exact opt-in mechanism (website form, checkout checkbox, etc.)",
/// *[Use Case Examples] › Message flow description* "How is consent captured?
/// (Checkbox, keyword reply, verbal confirmation…)" and the *[TFV Troubleshooting]* bad
/// example "Users sign up on our website." ("opt in" or "sign up" alone is not enough.)
pub(crate) const FLOW_MECHANISM: Rule = Rule {
    id: "FLOW-MECHANISM",
    severity: Error,
    applies: Applies::Both,
    title: "No concrete consent-capture step",
    needs_use_case: false,
    check: flow_mechanism,
};

fn flow_mechanism(cx: &Ctx) -> Option<Hit> {
    let f = cx.flow.as_ref()?;
    if detect::mechanism(&f.a, &cx.env()).is_some() {
        return None;
    }
    Some(Hit::at(
        f,
        None,
        "The flow does not say how consent is captured.",
        "Name the exact step: e.g. \"Customers check an unchecked box reading 'I agree to receive order updates by SMS from Acme' at acme.com/checkout\", or \"text JOIN to 55123\", or \"verbal consent recorded by our agent\".",
    ))
}

/// FLOW-IMPLIED: implied or bundled consent.
///
/// Enforces *[Use Case Examples] › Marketing* "Opt-in MUST be separate from ToS (not
/// buried in fine print)", *[International SMS Compliance]* "Pre-checked boxes are not
/// valid consent" and "'We may contact you' is too vague"; Twilio 30831. "Not required
/// as a condition of purchase" is fine.
pub(crate) const FLOW_IMPLIED: Rule = Rule {
    id: "FLOW-IMPLIED",
    severity: Error,
    applies: Applies::Both,
    title: "Implied or bundled consent",
    needs_use_case: false,
    check: flow_implied,
};

fn flow_implied(cx: &Ctx) -> Option<Hit> {
    let f = cx.flow.as_ref()?;
    let span = detect::implied(&f.a)?;
    Some(Hit::at(
        f,
        Some(span),
        cat3(
            "\"",
            &f.a.slice(span),
            "\" is implied or bundled consent, which carriers do not accept.",
        ),
        "Use a separate, unchecked SMS consent checkbox (or keyword) that is not a condition of purchase or part of the terms of service.",
    ))
}

/// FLOW-WHERE: web opt-in without a URL.
///
/// *[10DLC Troubleshooting]* "Describe the exact opt-in mechanism (web form URL,
/// keyword, etc.)"; Bandwidth: "provide a direct link to the submission form". For
/// toll-free, `optInWorkflowImageURLs` counts as the link.
pub(crate) const FLOW_WHERE: Rule = Rule {
    id: "FLOW-WHERE",
    severity: Warning,
    applies: Applies::Both,
    title: "Web opt-in without a URL",
    needs_use_case: false,
    check: flow_where,
};

fn flow_where(cx: &Ctx) -> Option<Hit> {
    let f = cx.flow.as_ref()?;
    let span = detect::web_words(&f.a)?;
    if f.a.has_link_or_placeholder()
        || cx.tfv.as_ref().is_some_and(|t| {
            t.opt_in_workflow_image_urls
                .iter()
                .any(|u| !u.trim().is_empty())
        })
    {
        return None;
    }
    Some(Hit::at(
        f,
        Some(span),
        "The flow mentions a website or app but gives no link to the opt-in page.",
        "Add the URL of the page where people opt in, e.g. https://acme.com/signup.",
    ))
}

/// FLOW-SMS: consent never mentions SMS or texts.
///
/// Twilio 30841 "opt-in flow doesn't explicitly mention SMS or text messaging".
pub(crate) const FLOW_SMS: Rule = Rule {
    id: "FLOW-SMS",
    severity: Warning,
    applies: Applies::Both,
    title: "Consent never mentions SMS or texts",
    needs_use_case: false,
    check: flow_sms,
};

fn flow_sms(cx: &Ctx) -> Option<Hit> {
    lacks(
        cx.flow.as_ref(),
        detect::sms_words,
        "The flow never says that people agree to receive text messages.",
        "Quote consent language that names SMS, e.g. \"I agree to receive order updates from Acme via SMS.\"",
    )
}

/// FLOW-TYPES: the flow doesn't say what messages arrive.
///
/// *[Use Case Examples] › Message flow description* "What kinds of messages will the
/// user receive?"
pub(crate) const FLOW_TYPES: Rule = Rule {
    id: "FLOW-TYPES",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The flow doesn't say what messages arrive",
    needs_use_case: false,
    check: flow_types,
};

fn flow_types(cx: &Ctx) -> Option<Hit> {
    lacks(
        cx.flow.as_ref(),
        detect::message_types,
        "The flow does not say what kinds of messages people will receive.",
        "Name them, e.g. \"order confirmations, shipping updates and promotional offers\".",
    )
}

/// FLOW-FREQ: no message-frequency disclosure (10DLC only).
///
/// *[Use Case Examples] › Marketing* "Include message frequency estimate".
pub(crate) const FLOW_FREQ: Rule = Rule {
    id: "FLOW-FREQ",
    severity: Warning,
    applies: Applies::Campaign,
    title: "No message-frequency disclosure",
    needs_use_case: false,
    check: flow_freq,
};

fn flow_freq(cx: &Ctx) -> Option<Hit> {
    lacks(
        cx.flow.as_ref(),
        detect::frequency,
        "The consent language does not disclose how often messages arrive.",
        "Add \"Message frequency varies\" or \"Up to 4 msgs/month\".",
    )
}

/// FLOW-RATES: no "Msg & data rates may apply" (10DLC only).
///
/// Every opt-in template in *[Use Case Examples]* carries it.
pub(crate) const FLOW_RATES: Rule = Rule {
    id: "FLOW-RATES",
    severity: Warning,
    applies: Applies::Campaign,
    title: "No \"Msg & data rates may apply\"",
    needs_use_case: false,
    check: flow_rates,
};

fn flow_rates(cx: &Ctx) -> Option<Hit> {
    lacks(
        cx.flow.as_ref(),
        detect::rates,
        "The consent language does not say that message and data rates may apply.",
        "Add \"Msg & data rates may apply.\"",
    )
}

/// Marketing consent scope: MARKETING, or a mixed-type use case with a promotional sample.
fn marketing_scope(cx: &Ctx) -> bool {
    cx.uc().is_some_and(|u| {
        u.is("MARKETING") || (u.is_mixed_like() && cx.samples.iter().any(|s| s.promo.is_some()))
    })
}

fn marketing_flow<'c>(cx: &'c Ctx<'_>) -> Option<&'c Field> {
    cx.flow.as_ref().filter(|_| marketing_scope(cx))
}

/// FLOW-CONDITION: marketing consent lacks "not a condition of purchase".
///
/// *[Use Case Examples] › Marketing* "State 'consent is not a condition of purchase'".
pub(crate) const FLOW_CONDITION: Rule = Rule {
    id: "FLOW-CONDITION",
    severity: Warning,
    applies: Applies::Campaign,
    title: "Marketing consent lacks \"not a condition of purchase\"",
    needs_use_case: true,
    check: flow_condition,
};

fn flow_condition(cx: &Ctx) -> Option<Hit> {
    lacks(
        marketing_flow(cx),
        detect::not_a_condition,
        "Marketing consent must say it is not a condition of purchase.",
        "Add \"Consent is not a condition of purchase.\"",
    )
}

/// FLOW-PRIVACY: marketing consent lacks a privacy-policy or terms reference.
///
/// *[Use Case Examples] › Marketing* "Link to privacy policy and terms".
pub(crate) const FLOW_PRIVACY: Rule = Rule {
    id: "FLOW-PRIVACY",
    severity: Warning,
    applies: Applies::Campaign,
    title: "Marketing consent lacks a privacy or terms reference",
    needs_use_case: true,
    check: flow_privacy,
};

fn flow_privacy(cx: &Ctx) -> Option<Hit> {
    lacks(
        marketing_flow(cx),
        detect::privacy,
        "Marketing consent should link to the privacy policy and terms.",
        "Add \"Privacy Policy: acme.com/privacy. Terms: acme.com/terms.\"",
    )
}

/// FLOW-MKT-TYPES: a mixed-type campaign with promotional samples whose consent covers
/// only transactional messages.
///
/// *[Use Case Examples] › Mixed* "Opt-in must mention ALL types of messages
/// (transactional + marketing)".
pub(crate) const FLOW_MKT_TYPES: Rule = Rule {
    id: "FLOW-MKT-TYPES",
    severity: Warning,
    applies: Applies::Campaign,
    title: "Mixed consent that covers only transactional messages",
    needs_use_case: true,
    check: flow_mkt_types,
};

fn flow_mkt_types(cx: &Ctx) -> Option<Hit> {
    let uc = cx.uc()?;
    if !uc.is_mixed_like() || !cx.samples.iter().any(|s| s.promo.is_some()) {
        return None;
    }
    lacks(
        cx.flow.as_ref(),
        detect::marketing_words,
        "Some samples are promotional, but the consent language only covers other messages.",
        "Say that people also agree to marketing, e.g. \"…order updates and promotional offers\".",
    )
}
