//! 3.4 Links, phones and the campaign attribute flags.

use super::{Applies, Hit, Rule, first_field, first_sample};
use crate::compliance::Severity::{Error, Warning};
use crate::compliance::context::Ctx;
use crate::compliance::detect;
use crate::compliance::text::{Scheme, Span, registrable};
use crate::strings::{cat3, cat5};

/// LNK-SHORTENER: a public URL shortener is used.
///
/// Enforces *[Use Case Examples] › Common rejection reasons* "URL shorteners used → Use
/// full branded URLs (acme.com/track, not bit.ly/abc)" and *[10DLC Troubleshooting] ›
/// AT&T* "avoid URL shorteners (bit.ly, tinyurl)".
pub(crate) const LNK_SHORTENER: Rule = Rule {
    id: "LNK-SHORTENER",
    severity: Error,
    applies: Applies::Both,
    title: "A public URL shortener is used",
    needs_use_case: false,
    check: lnk_shortener,
};

fn lnk_shortener(cx: &Ctx) -> Option<Hit> {
    let (first, span, also) = first_sample(cx, &|s| {
        s.field
            .a
            .links
            .iter()
            .find(|l| l.is_shortener())
            .map(|l| l.span)
    })?;
    let text = first.field.a.slice(span);
    Hit::at_also(
        &first.field,
        Some(span),
        cat3(
            "",
            &text,
            " uses a public URL shortener, which carriers block.",
        ),
        "Use a full link on your own domain (e.g. acme.com/track) or a branded short domain.",
        also,
    )
}

/// LNK-URL-PLACEHOLDER: the link is shown only as a variable (`{url}`).
///
/// Twilio 30857: reviewers must see a domain that matches the sender; CTIA "properly
/// branded" links.
pub(crate) const LNK_URL_PLACEHOLDER: Rule = Rule {
    id: "LNK-URL-PLACEHOLDER",
    severity: Warning,
    applies: Applies::Both,
    title: "The link is shown only as a variable",
    needs_use_case: false,
    check: lnk_url_placeholder,
};

fn lnk_url_placeholder(cx: &Ctx) -> Option<Hit> {
    let (first, span, also) = first_sample(cx, &|s| {
        s.field
            .a
            .placeholders
            .iter()
            .find(|p| p.class.link)
            .map(|p| p.span)
    })?;
    Hit::at_also(
        &first.field,
        Some(span),
        "The link is a placeholder, so reviewers cannot see that its domain belongs to you.",
        "Show the real link domain, e.g. https://acme.com/track/{{orderId}}.",
        also,
    )
}

/// LNK-INSECURE: a plain `http://` link.
///
/// *[TFV Troubleshooting] › Corporate website* "HTTPS is strongly preferred"; Twilio 30857
/// "non-secure URL".
pub(crate) const LNK_INSECURE: Rule = Rule {
    id: "LNK-INSECURE",
    severity: Warning,
    applies: Applies::Both,
    title: "A plain http:// link",
    needs_use_case: false,
    check: lnk_insecure,
};

fn lnk_insecure(cx: &Ctx) -> Option<Hit> {
    let (first, span, also) = first_sample(cx, &|s| {
        s.field
            .a
            .links
            .iter()
            .find(|l| l.scheme == Scheme::Http)
            .map(|l| l.span)
    })?;
    Hit::at_also(
        &first.field,
        Some(span),
        "This link uses http://, which carriers treat as a risk.",
        "Use an https:// link.",
        also,
    )
}

/// LNK-DOMAIN-MISMATCH: the link domain doesn't identify the brand.
///
/// Twilio best practices (brand Acme linking to contoso.com is rejected); CTIA "properly
/// branded" links; *[Use Case Examples]* "Use full branded URLs".
pub(crate) const LNK_DOMAIN_MISMATCH: Rule = Rule {
    id: "LNK-DOMAIN-MISMATCH",
    severity: Warning,
    applies: Applies::Both,
    title: "The link domain doesn't identify the brand",
    needs_use_case: false,
    check: lnk_domain_mismatch,
};

fn lnk_domain_mismatch(cx: &Ctx) -> Option<Hit> {
    if cx.brand.is_empty() && cx.websites.is_empty() {
        return None;
    }
    let ours = |host: &str| {
        cx.brand.host_matches(host)
            || cx
                .websites
                .iter()
                .any(|w| registrable(host) == w || host.ends_with(&cat3(".", w, "")))
    };
    let (first, span, also) = first_sample(cx, &|s| {
        s.field
            .a
            .links
            .iter()
            .find(|l| !ours(&l.host))
            .map(|l| l.span)
    })?;
    let text = first.field.a.slice(span);
    Hit::at_also(
        &first.field,
        Some(span),
        cat3("", &text, " is not on a domain that identifies the brand."),
        "Link to the brand's own domain (the one on the brand registration), e.g. acme.com/….",
        also,
    )
}

/// FLAG-LINK-UNDECLARED: a sample contains a link but `embeddedLink` is not true.
///
/// Enforces *[Campaign Registration] › Optional fields* `embeddedLink` "Messages contain
/// URLs". A scheme-less domain (`acme.com/track`) and a link placeholder count.
pub(crate) const FLAG_LINK_UNDECLARED: Rule = Rule {
    id: "FLAG-LINK-UNDECLARED",
    severity: Error,
    applies: Applies::Campaign,
    title: "A sample contains a link but embeddedLink is false",
    needs_use_case: false,
    check: flag_link_undeclared,
};

fn flag_link_undeclared(cx: &Ctx) -> Option<Hit> {
    if cx.embedded_link == Some(true) {
        return None;
    }
    let (first, span, also) = first_sample(cx, &|s| detect::link_or_placeholder(&s.field.a))?;
    Hit::at_also(
        &first.field,
        Some(span),
        "This sample contains a link, but embeddedLink is not set.",
        "Set \"embeddedLink\": true, or remove links from the samples.",
        also,
    )
}

/// FLAG-LINK-UNUSED: `embeddedLink` is true but no sample has a link.
///
/// Twilio vetting rejects attributes not reflected in the samples (30889 for phones;
/// the same logic applies to links).
pub(crate) const FLAG_LINK_UNUSED: Rule = Rule {
    id: "FLAG-LINK-UNUSED",
    severity: Error,
    applies: Applies::Campaign,
    title: "embeddedLink is true but no sample has a link",
    needs_use_case: false,
    check: flag_link_unused,
};

fn flag_link_unused(cx: &Ctx) -> Option<Hit> {
    if cx.embedded_link != Some(true) || cx.samples.is_empty() {
        return None;
    }
    if cx
        .samples
        .iter()
        .any(|s| detect::link_or_placeholder(&s.field.a).is_some())
    {
        return None;
    }
    Some(Hit::on(
        "embeddedLink",
        "embeddedLink is true, but no sample contains a link.",
        "Show a real link (e.g. https://acme.com/track) in the samples that carry one, or set \"embeddedLink\": false.",
    ))
}

/// FLAG-PHONE-UNDECLARED: a sample contains a phone number but `embeddedPhone` is not true.
///
/// Enforces *[Campaign Registration] › Optional fields* `embeddedPhone` "Messages contain
/// phone numbers" (vanity numbers count; tracking numbers don't).
pub(crate) const FLAG_PHONE_UNDECLARED: Rule = Rule {
    id: "FLAG-PHONE-UNDECLARED",
    severity: Error,
    applies: Applies::Campaign,
    title: "A sample contains a phone number but embeddedPhone is false",
    needs_use_case: false,
    check: flag_phone_undeclared,
};

fn flag_phone_undeclared(cx: &Ctx) -> Option<Hit> {
    if cx.embedded_phone == Some(true) {
        return None;
    }
    let (first, span, also) = first_sample(cx, &|s| detect::phone(&s.field.a))?;
    Hit::at_also(
        &first.field,
        Some(span),
        "This sample contains a phone number, but embeddedPhone is not set.",
        "Set \"embeddedPhone\": true, or remove phone numbers from the samples.",
        also,
    )
}

/// FLAG-PHONE-UNUSED: `embeddedPhone` is true but no sample has a phone number.
///
/// Twilio 30889 "embedded phone number use is selected, but is not reflective in the
/// sample message". A phone only in the HELP message does not count.
pub(crate) const FLAG_PHONE_UNUSED: Rule = Rule {
    id: "FLAG-PHONE-UNUSED",
    severity: Error,
    applies: Applies::Campaign,
    title: "embeddedPhone is true but no sample has a phone number",
    needs_use_case: false,
    check: flag_phone_unused,
};

fn flag_phone_unused(cx: &Ctx) -> Option<Hit> {
    if cx.embedded_phone != Some(true) || cx.samples.is_empty() {
        return None;
    }
    if cx.samples.iter().any(|s| {
        detect::phone(&s.field.a).is_some() || detect::phone_placeholder(&s.field.a).is_some()
    }) {
        return None;
    }
    Some(Hit::on(
        "embeddedPhone",
        "embeddedPhone is true, but no sample contains a phone number.",
        "Show the phone number in the samples that carry one (e.g. \"call 1-800-555-0199\"), or set \"embeddedPhone\": false.",
    ))
}

/// FLAG-AGEGATE-MISSING: age-restricted content but the age gate is off.
///
/// Enforces *[Toll-Free Verification] › ageGatedContent* "Set to true for alcohol,
/// tobacco, cannabis, or other age-restricted content" and *[Campaign Registration]*
/// "Content targeting minors without age gate" (Twilio 30825/30875).
pub(crate) const FLAG_AGEGATE_MISSING: Rule = Rule {
    id: "FLAG-AGEGATE-MISSING",
    severity: Error,
    applies: Applies::Both,
    title: "Age-restricted content but ageGated is false",
    needs_use_case: false,
    check: flag_agegate_missing,
};

fn flag_agegate_missing(cx: &Ctx) -> Option<Hit> {
    if cx.age_gated == Some(true) {
        return None;
    }
    let detect_any = |a: &crate::compliance::text::Analysed| -> Option<Span> {
        [
            detect::shaft_age_restricted(a),
            detect::cannabis(a),
            detect::gambling(a),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|s| s.start)
    };
    let (field, span, also) = first_field(&cx.content_fields(true), &|f| detect_any(&f.a))?;
    let flag = if cx.is_campaign() {
        "ageGated"
    } else {
        "ageGatedContent"
    };
    Hit::at_also(
        field,
        Some(span),
        cat5(
            "\"",
            &field.a.slice(span),
            "\" is age-restricted content, but ",
            flag,
            " is not set.",
        ),
        cat3(
            "Set \"",
            flag,
            "\": true and verify age at opt-in (alcohol, tobacco, cannabis, gambling and adult content are 18+/21+).",
        ),
        also,
    )
}

/// FLAG-DIRECTLENDING: loan-offer content but `directLending` is not true.
///
/// *[Campaign Registration] › Optional fields* `directLending` "Related to direct lending".
pub(crate) const FLAG_DIRECTLENDING: Rule = Rule {
    id: "FLAG-DIRECTLENDING",
    severity: Warning,
    applies: Applies::Campaign,
    title: "Loan-offer content but directLending is false",
    needs_use_case: false,
    check: flag_directlending,
};

fn flag_directlending(cx: &Ctx) -> Option<Hit> {
    if cx.direct_lending == Some(true) {
        return None;
    }
    let (field, span, also) = first_field(&cx.content_fields(false), &|f| detect::lending(&f.a))?;
    Hit::at_also(
        field,
        Some(span),
        "This reads as a loan offer, but directLending is not set.",
        "Set \"directLending\": true if the campaign is about lending, or remove the loan language.",
        also,
    )
}
