//! 3.2 Sample messages.

use super::{Applies, Hit, Rule, first_failing, first_field, first_sample};
use crate::compliance::Severity::{Error, Info, Warning};
use crate::compliance::context::{Ctx, Field, present};
use crate::compliance::detect;
use crate::compliance::difflib;
use crate::compliance::tables::{ACRONYMS, COMMAND_WORDS};
use crate::strings::{cat3, cat5};

/// SMP-COUNT: fewer than 2 or more than 5 samples.
///
/// Enforces *[Campaign Registration] › Competitor comparison* "Sample messages | 2
/// required, up to 5" and *[10DLC Troubleshooting]* "Provide 2–5 diverse samples".
pub(crate) const SMP_COUNT: Rule = Rule {
    id: "SMP-COUNT",
    severity: Error,
    applies: Applies::Campaign,
    title: "Fewer than 2 or more than 5 samples",
    needs_use_case: false,
    check: smp_count,
};

fn smp_count(cx: &Ctx) -> Option<Hit> {
    let n = cx.samples.len();
    if n < 2 {
        let field = if n == 0 {
            "sample1".to_string()
        } else {
            "sample2".to_string()
        };
        return Some(Hit::on(
            field,
            format!(
                "The campaign has {n} sample message{}; carriers require at least 2.",
                if n == 1 { "" } else { "s" }
            ),
            "Add 2–5 realistic samples, each a different kind of message you will really send (3 is best).",
        ));
    }
    if n > 5 {
        let extra = cx
            .samples
            .get(5)
            .map_or_else(|| "sample6".to_string(), |s| s.field.name.clone());
        return Some(Hit::on(
            extra,
            format!("The campaign has {n} sample messages; the limit is 5."),
            "Keep the 5 most representative samples.",
        ));
    }
    None
}

/// SMP-COUNT-MIN3 (advice): only 2 samples.
///
/// *[Use Case Examples] › Do's and don'ts* "Include 3 distinct sample messages".
pub(crate) const SMP_COUNT_MIN3: Rule = Rule {
    id: "SMP-COUNT-MIN3",
    severity: Info,
    applies: Applies::Campaign,
    title: "Fewer than 3 samples",
    needs_use_case: false,
    check: smp_count_min3,
};

fn smp_count_min3(cx: &Ctx) -> Option<Hit> {
    (cx.samples.len() == 2).then(|| {
        Hit::on(
            "sample3",
            "Only 2 samples: reviewers approve faster with 3 distinct ones.",
            "Add a third sample showing another kind of message this campaign sends.",
        )
    })
}

/// SMP-OPTOUT-NONE: no sample contains opt-out language.
///
/// Enforces *[Campaign Registration] › Handle campaign rejections* "Missing opt-out
/// language", the REGISTRATION webhook "Sample message does not contain required
/// opt-out language" and the MNO_REVIEW "insufficient opt-out instructions".
pub(crate) const SMP_OPTOUT_NONE: Rule = Rule {
    id: "SMP-OPTOUT-NONE",
    severity: Error,
    applies: Applies::Both,
    title: "No sample contains opt-out language",
    needs_use_case: false,
    check: smp_optout_none,
};

fn smp_optout_none(cx: &Ctx) -> Option<Hit> {
    if cx.samples.is_empty() || cx.samples.iter().any(|s| s.opt_out.is_some()) {
        return None;
    }
    let (first, also) = first_failing(cx, &|_| true)?;
    Hit::at_also(
        &first.field,
        None,
        "No sample tells people how to opt out.",
        "End every sample with opt-out instructions, e.g. \"Reply STOP to opt out.\"",
        also,
    )
}

/// SMP-OPTOUT-MISSING: some samples lack opt-out language.
///
/// *[Use Case Examples]* "Every sample should include opt-out instructions" (the docs'
/// own 2FA and Customer Care examples omit it in some samples, so this is a warning).
pub(crate) const SMP_OPTOUT_MISSING: Rule = Rule {
    id: "SMP-OPTOUT-MISSING",
    severity: Warning,
    applies: Applies::Both,
    title: "Some samples lack opt-out language",
    needs_use_case: false,
    check: smp_optout_missing,
};

fn smp_optout_missing(cx: &Ctx) -> Option<Hit> {
    if !cx.samples.iter().any(|s| s.opt_out.is_some()) {
        return None;
    }
    let (first, also) = first_failing(cx, &|s| s.opt_out.is_none())?;
    Hit::at_also(
        &first.field,
        None,
        "This sample has no opt-out instructions.",
        "Add \"Reply STOP to opt out.\" to every sample.",
        also,
    )
}

/// SMP-BRAND-NONE: no sample identifies the sender.
///
/// Enforces *[Campaign Registration] › Writing sample messages* "Use real-looking
/// content with your actual brand name", *[Use Case Examples] › Common rejection
/// reasons* "Vague or generic samples" and Twilio 30893. A branded link or e-mail
/// domain counts.
pub(crate) const SMP_BRAND_NONE: Rule = Rule {
    id: "SMP-BRAND-NONE",
    severity: Error,
    applies: Applies::Both,
    title: "No sample identifies the sender",
    needs_use_case: false,
    check: smp_brand_none,
};

fn smp_brand_none(cx: &Ctx) -> Option<Hit> {
    if cx.brand.is_empty() || cx.samples.is_empty() || cx.samples.iter().any(|s| s.brand.is_some())
    {
        return None;
    }
    let (first, also) = first_failing(cx, &|_| true)?;
    Hit::at_also(
        &first.field,
        None,
        "No sample names the brand, so recipients cannot tell who is texting.",
        "Start samples with the brand name, e.g. \"Acme: your order has shipped…\".",
        also,
    )
}

/// SMP-BRAND-MISSING: some samples lack the brand.
///
/// *[Use Case Examples] › Do's and don'ts* "Include your brand name in every message".
pub(crate) const SMP_BRAND_MISSING: Rule = Rule {
    id: "SMP-BRAND-MISSING",
    severity: Warning,
    applies: Applies::Both,
    title: "Some samples lack the brand",
    needs_use_case: false,
    check: smp_brand_missing,
};

fn smp_brand_missing(cx: &Ctx) -> Option<Hit> {
    if cx.brand.is_empty() || !cx.samples.iter().any(|s| s.brand.is_some()) {
        return None;
    }
    let (first, also) = first_failing(cx, &|s| s.brand.is_none())?;
    Hit::at_also(
        &first.field,
        None,
        "This sample does not name the brand.",
        "Include the brand name in every sample, e.g. \"Acme: …\".",
        also,
    )
}

/// SMP-GENERIC: a placeholder, test or contentless sample.
///
/// Enforces *[Campaign Registration] › Writing sample messages* "Carriers reject vague
/// samples: ❌ 'This is a test message' ❌ 'Hello, this is a message from our
/// company'", *[10DLC Troubleshooting]* "❌ 'Hello {name}, this is {company}'" and
/// *[TFV Troubleshooting]* "Bad sample: Test message for verification purposes."
pub(crate) const SMP_GENERIC: Rule = Rule {
    id: "SMP-GENERIC",
    severity: Error,
    applies: Applies::Both,
    title: "Placeholder, test or contentless sample",
    needs_use_case: false,
    check: smp_generic,
};

fn smp_generic(cx: &Ctx) -> Option<Hit> {
    let mut found = None;
    let mut also = Vec::new();
    for s in &cx.samples {
        let a = &s.field.a;
        let hit = match detect::generic(a) {
            Some(span) => Some(Some(span)),
            None => (detect::content_words(a) < 3).then_some(None),
        };
        if let Some(span) = hit {
            if found.is_none() {
                found = Some((s, span));
            } else {
                also.push(s.field.name.clone());
            }
        }
    }
    let (first, span) = found?;
    Hit::at_also(
        &first.field,
        span,
        "This sample is generic or placeholder text; carriers reject samples that are not real messages.",
        "Write the actual message you will send, with the brand name and real details, e.g. \"Acme: your order #4521 has shipped. Track at acme.com/track. Reply STOP to opt out.\"",
        also,
    )
}

/// SMP-DUPLICATE: two samples are identical or nearly so.
///
/// Enforces *[Use Case Examples] › Common rejection reasons* "Samples too similar" and
/// *Do's and don'ts* "Submit identical or near-identical samples" (don't). Samples are
/// normalised (placeholders, links, digits, opt-out sentences) and compared with
/// Python difflib's ratio ≥ 0.85.
pub(crate) const SMP_DUPLICATE: Rule = Rule {
    id: "SMP-DUPLICATE",
    severity: Error,
    applies: Applies::Campaign,
    title: "Two samples are identical or nearly so",
    needs_use_case: false,
    check: smp_duplicate,
};

fn smp_duplicate(cx: &Ctx) -> Option<Hit> {
    let mut keys: Vec<Vec<char>> = Vec::new();
    for s in cx.samples.iter().take(10) {
        let mut k = detect::dedup_key(&s.field.a);
        k.truncate(2_000);
        keys.push(k);
    }
    let mut pair = None;
    'outer: for (j, kj) in keys.iter().enumerate() {
        for (i, ki) in keys.iter().enumerate().take(j) {
            if ki == kj || difflib::ratio_at_least(ki, kj, 0.85) {
                pair = Some((i, j));
                break 'outer;
            }
        }
    }
    let (i, j) = pair?;
    let (a, b) = (cx.samples.get(i)?, cx.samples.get(j)?);
    Some(Hit::at(
        &b.field,
        None,
        cat5(
            &b.field.name,
            " is nearly the same as ",
            &a.field.name,
            "; carriers reject samples that are too similar.",
            "",
        ),
        "Make each sample a different kind of message (e.g. a confirmation, a reminder and a status update), not the same text with small changes.",
    ))
}

/// SMP-ALLCAPS: a sample is mostly shouted.
///
/// *[Use Case Examples] › Do's and don'ts* "Use ALL CAPS for entire messages" (don't)
/// and *Marketing* "Don't use ALL CAPS excessively".
pub(crate) const SMP_ALLCAPS: Rule = Rule {
    id: "SMP-ALLCAPS",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A sample is mostly in capitals",
    needs_use_case: false,
    check: smp_allcaps,
};

fn smp_allcaps(cx: &Ctx) -> Option<Hit> {
    let mut brand_words: Vec<String> = Vec::new();
    for w in cx.brand.words() {
        brand_words.push(w.to_ascii_uppercase());
    }
    let mut lists: Vec<&String> = Vec::new();
    for l in [&cx.optin_keywords, &cx.optout_keywords, &cx.help_keywords]
        .into_iter()
        .flatten()
    {
        lists.extend(l.items.iter());
    }
    let excluded = |w: &str| {
        COMMAND_WORDS.has(w)
            || ACRONYMS.has(w)
            || brand_words.iter().any(|b| b == w)
            || lists.iter().any(|k| *k == w)
    };
    let (first, also) = first_failing(cx, &|s| {
        let (caps, total) = detect::caps_counts(&s.field.a, &excluded);
        (caps >= 5 && caps * 2 >= total) || (total >= 4 && caps * 5 >= total * 4)
    })?;
    Hit::at_also(
        &first.field,
        None,
        "Most of this sample is in capital letters, which carriers treat as spam.",
        "Write in sentence case; keep capitals for the brand and keywords like STOP and HELP.",
        also,
    )
}

/// SMP-SPAM-TRIGGERS: spam trigger words.
///
/// *[TFV Troubleshooting] › Common delivery errors* "Review message content for spam
/// trigger words (FREE, WINNER, ACT NOW)".
pub(crate) const SMP_SPAM_TRIGGERS: Rule = Rule {
    id: "SMP-SPAM-TRIGGERS",
    severity: Warning,
    applies: Applies::Both,
    title: "Spam trigger words",
    needs_use_case: false,
    check: smp_spam,
};

fn smp_spam(cx: &Ctx) -> Option<Hit> {
    let (first, span, also) = first_sample(cx, &|s| detect::spam(&s.field.a))?;
    let word = first.field.a.slice(span);
    Hit::at_also(
        &first.field,
        Some(span),
        cat3(
            "\"",
            &word,
            "\" is a spam trigger that carrier filters watch for.",
        ),
        "Rephrase without shouted offers or urgency (e.g. \"Get 20% off this week\" instead of \"FREE!!! ACT NOW\").",
        also,
    )
}

/// SMP-AUTORESPONSE: a sample is only a STOP confirmation, not campaign content.
///
/// A2PCheck: "Sample messages that are ONLY opt-out messages … are rejected"; the
/// *[Use Case Examples]* STOP template shows what an auto-reply looks like.
pub(crate) const SMP_AUTORESPONSE: Rule = Rule {
    id: "SMP-AUTORESPONSE",
    severity: Warning,
    applies: Applies::Campaign,
    title: "A sample is only an opt-out confirmation",
    needs_use_case: false,
    check: smp_autoresponse,
};

fn smp_autoresponse(cx: &Ctx) -> Option<Hit> {
    let (first, span, also) = first_sample(cx, &|s| detect::autoresponse(&s.field.a))?;
    Hit::at_also(
        &first.field,
        Some(span),
        "This sample is a STOP confirmation, not a message the campaign sends.",
        "Put the STOP reply in optoutMessage and use the sample for real campaign content.",
        also,
    )
}

/// TPL-PLACEHOLDER: template placeholders left unfilled.
///
/// The docs' own templates contain `[Brand]`, `[link]`, `[url]`, `[number]`;
/// *[10DLC Troubleshooting]* rejects "Hello {name}, this is {company}"; Bandwidth: HELP
/// "must include … (no placeholders)". Samples may keep ordinary variables
/// (`{{name}}`) but not a brand placeholder; the other texts may hold neither brand
/// nor contact placeholders.
pub(crate) const TPL_PLACEHOLDER: Rule = Rule {
    id: "TPL-PLACEHOLDER",
    severity: Error,
    applies: Applies::Both,
    title: "Template placeholders left unfilled",
    needs_use_case: false,
    check: tpl_placeholder,
};

fn tpl_placeholder(cx: &Ctx) -> Option<Hit> {
    let mut samples: Vec<&Field> = Vec::new();
    for s in &cx.samples {
        samples.push(&s.field);
    }
    let others = present(&[
        &cx.help,
        &cx.flow,
        &cx.description,
        &cx.optin_message,
        &cx.optout_message,
    ]);
    let in_samples = first_field(&samples, &|f| detect::brand_placeholder(&f.a));
    let in_others = first_field(&others, &|f| detect::brand_or_contact_placeholder(&f.a));
    let (field, span, mut also) = match (in_samples, in_others) {
        (Some((f, s, mut also)), other) => {
            if let Some((g, _, more)) = other {
                also.push(g.name.clone());
                also.extend(more);
            }
            (f, s, also)
        }
        (None, Some(x)) => x,
        (None, None) => return None,
    };
    also.dedup();
    let text = field.a.slice(span);
    Hit::at_also(
        field,
        Some(span),
        cat3(
            "",
            &text,
            " is an unfilled template placeholder; reviewers need the real value.",
        ),
        "Replace it with the actual brand name, link, phone number or e-mail address.",
        also,
    )
}
