//! 3.8 Keywords, HELP and auto-responses.

use super::{Applies, Hit, Rule};
use crate::compliance::Severity::{Error, Info, Warning};
use crate::compliance::context::{Ctx, Field, KeywordList};
use crate::compliance::detect::{self, KeywordList as Kl};
use crate::strings::{cat3, cat5, join_comma};

fn missing_keyword(
    list: Option<&KeywordList>,
    keyword: &str,
    name: &str,
    example: &str,
) -> Option<Hit> {
    let list = list?;
    if list.contains(keyword) {
        return None;
    }
    Some(Hit::at(
        &list.field,
        None,
        cat5(keyword, " is not in ", name, ".", ""),
        cat5(
            "Add ",
            keyword,
            " to ",
            name,
            &cat3(", e.g. \"", example, "\"."),
        ),
    ))
}

/// KW-STOP-MISSING: STOP is not in `optoutKeywords`.
///
/// Enforces *[Use Case Examples] › Opt-out language requirements* "Every campaign must
/// support these keywords: STOP, HELP, START/UNSTOP".
pub(crate) const KW_STOP_MISSING: Rule = Rule {
    id: "KW-STOP-MISSING",
    severity: Error,
    applies: Applies::Campaign,
    title: "STOP is not an opt-out keyword",
    needs_use_case: false,
    check: |cx| {
        missing_keyword(
            cx.optout_keywords.as_ref(),
            "STOP",
            "optoutKeywords",
            "STOP, UNSUBSCRIBE, CANCEL, END, QUIT",
        )
    },
};

/// KW-HELP-MISSING: HELP is not in `helpKeywords`.
///
/// Enforces *[Use Case Examples] › Opt-out language requirements* (HELP is required).
pub(crate) const KW_HELP_MISSING: Rule = Rule {
    id: "KW-HELP-MISSING",
    severity: Error,
    applies: Applies::Campaign,
    title: "HELP is not a help keyword",
    needs_use_case: false,
    check: |cx| {
        missing_keyword(
            cx.help_keywords.as_ref(),
            "HELP",
            "helpKeywords",
            "HELP, INFO",
        )
    },
};

/// KW-START-MISSING: START is not in `optinKeywords` (Telnyx handles START itself,
/// so this is a risk rather than a rejection).
pub(crate) const KW_START_MISSING: Rule = Rule {
    id: "KW-START-MISSING",
    severity: Warning,
    applies: Applies::Campaign,
    title: "START is not an opt-in keyword",
    needs_use_case: false,
    check: |cx| {
        missing_keyword(
            cx.optin_keywords.as_ref(),
            "START",
            "optinKeywords",
            "START, YES, SUBSCRIBE",
        )
    },
};

/// KW-CONFLICT: the same keyword is in two lists (e.g. STOP as an opt-in keyword).
///
/// Enforces *[Opt-In/Out Management]* "START, STOP, and HELP are reserved keywords …
/// cannot be reassigned".
pub(crate) const KW_CONFLICT: Rule = Rule {
    id: "KW-CONFLICT",
    severity: Error,
    applies: Applies::Campaign,
    title: "The same keyword is in two lists",
    needs_use_case: false,
    check: kw_conflict,
};

fn kw_conflict(cx: &Ctx) -> Option<Hit> {
    let lists: Vec<&KeywordList> = [&cx.optin_keywords, &cx.optout_keywords, &cx.help_keywords]
        .into_iter()
        .flatten()
        .collect();
    for (i, a) in lists.iter().enumerate() {
        for b in lists.iter().skip(i + 1) {
            if let Some(k) = b.items.iter().find(|k| a.contains(k)) {
                return Some(Hit::at(
                    &b.field,
                    b.span_of(k),
                    cat5(
                        k,
                        " is in both ",
                        &a.field.name,
                        " and ",
                        &cat3(&b.field.name, "; a keyword can only do one thing.", ""),
                    ),
                    cat3(
                        "Keep ",
                        k,
                        " in one list only (STOP is for opt-out, HELP for help, START for opt-in).",
                    ),
                ));
            }
        }
    }
    None
}

/// KW-TOO-MANY: a keyword list has more than 20 keywords.
///
/// Enforces *[Opt-In/Out Management]* "a maximum of 20 trigger keywords".
pub(crate) const KW_TOO_MANY: Rule = Rule {
    id: "KW-TOO-MANY",
    severity: Error,
    applies: Applies::Campaign,
    title: "A keyword list has more than 20 keywords",
    needs_use_case: false,
    check: kw_too_many,
};

fn kw_too_many(cx: &Ctx) -> Option<Hit> {
    let list = [&cx.optin_keywords, &cx.optout_keywords, &cx.help_keywords]
        .into_iter()
        .flatten()
        .find(|l| l.items.len() > 20)?;
    Some(Hit::at(
        &list.field,
        None,
        format!(
            "{} has {} keywords; the maximum is 20.",
            list.field.name,
            list.items.len()
        ),
        "Keep the standard keywords and drop the rest.",
    ))
}

/// KW-UNLISTED: the samples or flow tell people to text a keyword that is missing from
/// its list.
///
/// Bandwidth: non-standard keywords "should also be captured in the Call to Action /
/// Message Flow"; Telnyx answers only listed keywords (*[Opt-In/Out Management]*).
pub(crate) const KW_UNLISTED: Rule = Rule {
    id: "KW-UNLISTED",
    severity: Warning,
    applies: Applies::Campaign,
    title: "An instructed keyword is missing from its list",
    needs_use_case: false,
    check: kw_unlisted,
};

fn kw_unlisted(cx: &Ctx) -> Option<Hit> {
    let fields = cx.samples.iter().map(|s| &s.field).chain(cx.flow.iter());
    for f in fields {
        for (word, span, list) in detect::instructed_keywords(&f.a) {
            if matches!(word.as_str(), "STOP" | "HELP" | "START") {
                continue;
            }
            let (target, name) = match list {
                Kl::OptIn => (&cx.optin_keywords, "optinKeywords"),
                Kl::OptOut => (&cx.optout_keywords, "optoutKeywords"),
                Kl::Help => (&cx.help_keywords, "helpKeywords"),
            };
            let Some(target) = target else { continue };
            if target.contains(&word) {
                continue;
            }
            return Some(Hit::at(
                f,
                Some(span),
                cat5(
                    "People are told to text ",
                    &word,
                    ", but ",
                    &word,
                    &cat3(" is not in ", name, "."),
                ),
                cat5("Add ", &word, " to ", name, " so Telnyx answers it."),
            ));
        }
    }
    None
}

/// HELP-CONTACT: the HELP reply has no phone number, e-mail address or link.
///
/// Enforces the *[Use Case Examples]* HELP template "visit [url] or call [number]" and
/// the short-code rule "Must respond to HELP with business name, support contact, and
/// opt-out instructions"; Bandwidth "Contact information … (no placeholders)".
pub(crate) const HELP_CONTACT: Rule = Rule {
    id: "HELP-CONTACT",
    severity: Error,
    applies: Applies::Both,
    title: "The HELP reply has no phone, e-mail or URL",
    needs_use_case: false,
    check: help_contact,
};

fn help_contact(cx: &Ctx) -> Option<Hit> {
    let h = cx.help.as_ref()?;
    if detect::contact(&h.a).is_some() {
        return None;
    }
    Some(Hit::at(
        h,
        None,
        "The HELP reply gives no way to reach support.",
        "Add a real support phone number, e-mail address or link, e.g. \"Acme support: call 1-800-555-0199 or visit acme.com/help. Reply STOP to cancel.\"",
    ))
}

/// HELP-BRAND: the HELP reply lacks the brand (an e-mail or URL domain counts).
pub(crate) const HELP_BRAND: Rule = Rule {
    id: "HELP-BRAND",
    severity: Warning,
    applies: Applies::Both,
    title: "The HELP reply lacks the brand",
    needs_use_case: false,
    check: help_brand,
};

fn help_brand(cx: &Ctx) -> Option<Hit> {
    let h = cx.help.as_ref().filter(|_| !cx.brand.is_empty())?;
    if cx.brand.find(&h.a).is_some() {
        return None;
    }
    Some(Hit::at(
        h,
        None,
        "The HELP reply does not name the brand.",
        "Start it with the brand, e.g. \"Acme support: …\".",
    ))
}

/// HELP-OPTOUT: the HELP reply lacks STOP instructions.
pub(crate) const HELP_OPTOUT: Rule = Rule {
    id: "HELP-OPTOUT",
    severity: Warning,
    applies: Applies::Both,
    title: "The HELP reply lacks STOP instructions",
    needs_use_case: false,
    check: help_optout,
};

fn help_optout(cx: &Ctx) -> Option<Hit> {
    let h = cx.help.as_ref()?;
    if detect::opt_out(&h.a).is_some() {
        return None;
    }
    Some(Hit::at(
        h,
        None,
        "The HELP reply does not say how to opt out.",
        "End it with \"Reply STOP to cancel.\"",
    ))
}

/// AR-SHORT: an auto-response is under 20 characters.
///
/// Enforces *[Opt-In/Out Management]* "require a minimum 20 characters for the
/// auto-response message".
pub(crate) const AR_SHORT: Rule = Rule {
    id: "AR-SHORT",
    severity: Error,
    applies: Applies::Both,
    title: "An auto-response is under 20 characters",
    needs_use_case: false,
    check: ar_short,
};

fn ar_short(cx: &Ctx) -> Option<Hit> {
    let mut found: Option<&Field> = None;
    let mut also = Vec::new();
    for f in [&cx.help, &cx.optin_message, &cx.optout_message]
        .into_iter()
        .flatten()
    {
        if f.len < 20 {
            if found.is_none() {
                found = Some(f);
            } else {
                also.push(f.name.clone());
            }
        }
    }
    let first = found?;
    Hit::at_also(
        first,
        None,
        format!(
            "{} is {} characters; auto-responses need at least 20.",
            first.name, first.len
        ),
        "Write the full reply with the brand, what it is about and how to get help or opt out.",
        also,
    )
}

/// AR-OPTOUT-CONTENT: the opt-out reply lacks the brand or a confirmation.
///
/// The *[Use Case Examples]* STOP template "You have been unsubscribed from [Brand]
/// messages. No more messages will be sent."; Bandwidth: brand + "confirmation that no
/// further messages will be sent".
pub(crate) const AR_OPTOUT_CONTENT: Rule = Rule {
    id: "AR-OPTOUT-CONTENT",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The opt-out reply lacks the brand or a confirmation",
    needs_use_case: false,
    check: ar_optout_content,
};

fn ar_optout_content(cx: &Ctx) -> Option<Hit> {
    let m = cx.optout_message.as_ref()?;
    let brand_ok = cx.brand.is_empty() || cx.brand.find(&m.a).is_some();
    let confirm_ok = detect::optout_confirmation(&m.a).is_some();
    if brand_ok && confirm_ok {
        return None;
    }
    let missing = match (brand_ok, confirm_ok) {
        (false, false) => "the brand and a confirmation that messages stop",
        (false, true) => "the brand",
        _ => "a confirmation that messages stop",
    };
    Some(Hit::at(
        m,
        None,
        cat3("The opt-out reply lacks ", missing, "."),
        "Use e.g. \"You have been unsubscribed from Acme messages. No more messages will be sent. Reply START to resubscribe.\"",
    ))
}

/// AR-OPTIN-CONTENT: the opt-in confirmation lacks the brand, frequency, rates, HELP or STOP.
///
/// The *[Opt-In/Out Management]* example "Welcome to Acme alerts! You'll receive up to 4
/// msgs/month. Reply HELP for help, STOP to cancel. Msg&data rates may apply."
pub(crate) const AR_OPTIN_CONTENT: Rule = Rule {
    id: "AR-OPTIN-CONTENT",
    severity: Warning,
    applies: Applies::Both,
    title: "The opt-in confirmation lacks brand, frequency, rates, HELP or STOP",
    needs_use_case: false,
    check: ar_optin_content,
};

fn ar_optin_content(cx: &Ctx) -> Option<Hit> {
    let m = cx.optin_message.as_ref()?;
    let mut missing = Vec::new();
    if !cx.brand.is_empty() && cx.brand.find(&m.a).is_none() {
        missing.push("the brand");
    }
    if detect::frequency(&m.a).is_none() {
        missing.push("the message frequency");
    }
    if detect::rates(&m.a).is_none() {
        missing.push("\"Msg & data rates may apply\"");
    }
    if detect::help_instruction(&m.a).is_none() {
        missing.push("HELP instructions");
    }
    if detect::opt_out(&m.a).is_none() {
        missing.push("STOP instructions");
    }
    if missing.is_empty() {
        return None;
    }
    Some(Hit::at(
        m,
        None,
        cat3("The opt-in confirmation lacks ", &join_comma(&missing), "."),
        "Use e.g. \"Welcome to Acme alerts! Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.\"",
    ))
}

/// KW-OPTOUT-STANDARD (advice): the opt-out list lacks some standard keywords.
///
/// *[TFV Troubleshooting]* "STOP, CANCEL, UNSUBSCRIBE, QUIT, END should all work".
pub(crate) const KW_OPTOUT_STANDARD: Rule = Rule {
    id: "KW-OPTOUT-STANDARD",
    severity: Info,
    applies: Applies::Campaign,
    title: "The opt-out list lacks standard keywords",
    needs_use_case: false,
    check: kw_optout_standard,
};

fn kw_optout_standard(cx: &Ctx) -> Option<Hit> {
    let list = cx.optout_keywords.as_ref()?;
    let missing: Vec<&str> = ["UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
        .into_iter()
        .filter(|k| !list.contains(k))
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(Hit::at(
        &list.field,
        None,
        cat3("optoutKeywords does not list ", &join_comma(&missing), "."),
        "List every standard opt-out word: STOP, UNSUBSCRIBE, CANCEL, END, QUIT.",
    ))
}
