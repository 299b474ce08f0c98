//! 3.10 Toll-free verification only.

use super::{Applies, Hit, Rule, owned, quoted};
use crate::compliance::Severity::{Error, Warning};
use crate::compliance::context::Ctx;
use crate::compliance::input::TollFreeVerification;
use crate::compliance::tables::{ENTITY_TYPES, FREE_MAIL, LEGAL_SUFFIXES, TOLL_FREE_NPAS};
use crate::compliance::util::{CharClass, keep_chars, replace_sub};
use crate::strings::{cat3, join_comma};

fn tfv<'a>(cx: &Ctx<'a>) -> Option<&'a TollFreeVerification> {
    cx.tfv
}

fn value(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.trim().is_empty())
}

fn entity(t: &TollFreeVerification) -> Option<&str> {
    value(&t.entity_type).map(str::trim)
}

/// TFV-REQUIRED: a required toll-free verification field is empty.
///
/// Enforces the *[Toll-Free Verification] › API Usage* request and its TypeScript
/// interface (`businessName`, `corporateWebsite`, address, contact, `messageVolume`,
/// `phoneNumbers`, `useCase`, `useCaseSummary`, `productionMessageContent`,
/// `optInWorkflow`, `optInWorkflowImageURLs`, `isvReseller`).
pub(crate) const TFV_REQUIRED: Rule = Rule {
    id: "TFV-REQUIRED",
    severity: Error,
    applies: Applies::TollFree,
    title: "A required toll-free verification field is empty",
    needs_use_case: false,
    check: tfv_required,
};

fn tfv_required(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    let text = [
        ("businessName", &t.business_name),
        ("corporateWebsite", &t.corporate_website),
        ("businessAddr1", &t.business_addr1),
        ("businessCity", &t.business_city),
        ("businessState", &t.business_state),
        ("businessZip", &t.business_zip),
        ("businessContactFirstName", &t.business_contact_first_name),
        ("businessContactLastName", &t.business_contact_last_name),
        ("businessContactEmail", &t.business_contact_email),
        ("businessContactPhone", &t.business_contact_phone),
        ("messageVolume", &t.message_volume),
    ];
    let mut missing: Vec<&str> = Vec::new();
    for (n, v) in &text {
        if value(v).is_none() {
            missing.push(n);
        }
    }
    if !t.phone_numbers.iter().any(|p| !p.trim().is_empty()) {
        missing.push("phoneNumbers");
    }
    for (n, v) in [
        ("useCase", &t.use_case),
        ("useCaseSummary", &t.use_case_summary),
    ] {
        if value(v).is_none() {
            missing.push(n);
        }
    }
    if !t.samples.iter().any(|s| !s.text.trim().is_empty()) {
        missing.push("productionMessageContent");
    }
    if value(&t.opt_in_workflow).is_none() {
        missing.push("optInWorkflow");
    }
    if !t
        .opt_in_workflow_image_urls
        .iter()
        .any(|u| !u.trim().is_empty())
    {
        missing.push("optInWorkflowImageURLs");
    }
    if value(&t.isv_reseller).is_none() {
        missing.push("isvReseller");
    }
    let (first, rest) = missing.split_first()?;
    Some(
        Hit::on(*first, cat3(if rest.is_empty() { "Required field is empty: " } else { "Required fields are empty: " }, &join_comma(&missing), "."), "Fill in every field of the verification request; reviewers reject incomplete submissions.")
            .also(owned(rest)),
    )
}

/// TFV-BRN-REQUIRED: `businessRegistrationNumber`, `…Type` or `…Country` is empty.
///
/// Enforces *[Toll-Free Verification]* "Starting February 17th, 2026 … Submissions
/// missing these fields will be rejected."
pub(crate) const TFV_BRN_REQUIRED: Rule = Rule {
    id: "TFV-BRN-REQUIRED",
    severity: Error,
    applies: Applies::TollFree,
    title: "A business registration field is empty",
    needs_use_case: false,
    check: tfv_brn_required,
};

fn tfv_brn_required(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    let fields = [
        (
            "businessRegistrationNumber",
            &t.business_registration_number,
        ),
        ("businessRegistrationType", &t.business_registration_type),
        (
            "businessRegistrationCountry",
            &t.business_registration_country,
        ),
    ];
    let mut missing: Vec<&str> = Vec::new();
    for (n, v) in &fields {
        if value(v).is_none() {
            missing.push(n);
        }
    }
    let (first, rest) = missing.split_first()?;
    Some(
        Hit::on(*first, cat3("", &join_comma(&missing), if rest.is_empty() { " is required for new toll-free verifications." } else { " are required for new toll-free verifications." }), "Add the business registration number, its type (EIN, CRA, ABN, VAT, SSN…) and the issuing country (e.g. US).")
            .also(owned(rest)),
    )
}

/// TFV-BRN-COUNTRY: the registration country is not 2 letters ("us" is fine; "USA" is not).
pub(crate) const TFV_BRN_COUNTRY: Rule = Rule {
    id: "TFV-BRN-COUNTRY",
    severity: Error,
    applies: Applies::TollFree,
    title: "The registration country is not 2 letters",
    needs_use_case: false,
    check: tfv_brn_country,
};

fn tfv_brn_country(cx: &Ctx) -> Option<Hit> {
    let c = value(&tfv(cx)?.business_registration_country)?;
    if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    quoted(
        "businessRegistrationCountry",
        c,
        "\" is not a 2-letter ISO country code.",
        "Use the ISO 3166-1 alpha-2 code, e.g. US, CA or GB.",
    )
}

/// TFV-BRN-FORMAT: the registration number does not fit its type.
///
/// Enforces *[TFV Troubleshooting]* "Ensure the businessRegistrationType matches the
/// number format" and *[Toll-Free Verification]* SSN "For U.S. sole proprietors": EIN is
/// `NN-NNNNNNN` (US), SSN is `NNN-NN-NNNN` (sole proprietors), ABN is 11 digits.
pub(crate) const TFV_BRN_FORMAT: Rule = Rule {
    id: "TFV-BRN-FORMAT",
    severity: Error,
    applies: Applies::TollFree,
    title: "The registration number doesn't fit its type",
    needs_use_case: false,
    check: tfv_brn_format,
};

fn digits_with_dashes(s: &str, groups: &[usize]) -> bool {
    let digits = keep_chars(s, &|c| c != '-');
    let total: usize = groups.iter().sum();
    if digits.len() != total || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !s.contains('-') {
        return true;
    }
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == groups.len() && parts.iter().zip(groups).all(|(p, &n)| p.len() == n)
}

fn tfv_brn_format(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    let number = value(&t.business_registration_number)?.trim();
    let kind = value(&t.business_registration_type)?
        .trim()
        .to_ascii_uppercase();
    let country = value(&t.business_registration_country).map(|c| c.trim().to_ascii_uppercase());
    let problem = match kind.as_str() {
        "EIN" if !digits_with_dashes(number, &[2, 7]) => {
            Some("an EIN is 9 digits, written 12-3456789")
        }
        "EIN" if country.as_deref().is_some_and(|c| c != "US") => {
            Some("an EIN is issued in the US, so the country must be US")
        }
        "SSN" if !digits_with_dashes(number, &[3, 2, 4]) => {
            Some("an SSN is 9 digits, written 123-45-6789")
        }
        "SSN" if entity(t).is_some_and(|e| e != "SOLE_PROPRIETOR") => {
            Some("an SSN is only for US sole proprietors (entityType SOLE_PROPRIETOR)")
        }
        "ABN"
            if {
                let d = keep_chars(number, &|c| !c.space());
                d.len() != 11 || !d.bytes().all(|b| b.is_ascii_digit())
            } =>
        {
            Some("an ABN is 11 digits")
        }
        _ => None,
    }?;
    Some(Hit::on(
        "businessRegistrationNumber",
        format!("\"{number}\" does not fit type {kind}: {problem}."),
        "Enter the number exactly as issued, and pick the type and country that match it.",
    ))
}

/// TFV-ENTITY: `entityType` is not in the enum.
///
/// Enforces *[Toll-Free Verification] › Invalid Entity Type* "entityType must be one of:
/// SOLE_PROPRIETOR, PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT".
pub(crate) const TFV_ENTITY: Rule = Rule {
    id: "TFV-ENTITY",
    severity: Error,
    applies: Applies::TollFree,
    title: "entityType is not in the enum",
    needs_use_case: false,
    check: tfv_entity,
};

fn tfv_entity(cx: &Ctx) -> Option<Hit> {
    let e = value(&tfv(cx)?.entity_type)?;
    if ENTITY_TYPES.has(e.trim()) {
        return None;
    }
    quoted(
        "entityType",
        e,
        "\" is not an accepted entity type.",
        "Use SOLE_PROPRIETOR, PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT or GOVERNMENT.",
    )
}

/// TFV-NUMBER-TYPE: a listed number is not toll-free.
///
/// Enforces *[Toll-Free Verification] › Why This Matters* "toll-free numbers (800, 888,
/// 877, 866, 855, 844, 833)".
pub(crate) const TFV_NUMBER_TYPE: Rule = Rule {
    id: "TFV-NUMBER-TYPE",
    severity: Error,
    applies: Applies::TollFree,
    title: "A listed number is not toll-free",
    needs_use_case: false,
    check: tfv_number_type,
};

fn is_toll_free(number: &str) -> bool {
    let compact = keep_chars(number, &|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'));
    compact.strip_prefix("+1").is_some_and(|rest| {
        rest.len() == 10
            && rest.bytes().all(|b| b.is_ascii_digit())
            && rest.get(..3).is_some_and(|npa| TOLL_FREE_NPAS.has(npa))
    })
}

fn tfv_number_type(cx: &Ctx) -> Option<Hit> {
    let mut bad: Vec<&String> = Vec::new();
    for p in &tfv(cx)?.phone_numbers {
        if !p.trim().is_empty() && !is_toll_free(p) {
            bad.push(p);
        }
    }
    let first = bad.first()?;
    Some(Hit::on(
        "phoneNumbers",
        format!(
            "{first} is not a toll-free number{}.",
            if bad.len() > 1 {
                format!(" (and {} more)", bad.len() - 1)
            } else {
                String::new()
            }
        ),
        "List only US toll-free numbers in E.164 (+1 800/888/877/866/855/844/833…); register local numbers through 10DLC.",
    ))
}

/// TFV-WEBSITE-HTTP: `corporateWebsite` is not HTTPS.
///
/// *[TFV Troubleshooting] › Corporate website* "HTTPS is strongly preferred".
pub(crate) const TFV_WEBSITE_HTTP: Rule = Rule {
    id: "TFV-WEBSITE-HTTP",
    severity: Warning,
    applies: Applies::TollFree,
    title: "corporateWebsite is not HTTPS",
    needs_use_case: false,
    check: tfv_website_http,
};

fn tfv_website_http(cx: &Ctx) -> Option<Hit> {
    let w = value(&tfv(cx)?.corporate_website)?;
    if w.trim().to_ascii_lowercase().starts_with("https://") {
        return None;
    }
    quoted(
        "corporateWebsite",
        w,
        "\" is not an https:// address.",
        "Serve the site over HTTPS and submit the https:// URL.",
    )
}

/// TFV-EMAIL-FREE: the contact e-mail is free-mail (non-sole-proprietor).
///
/// *[TFV Troubleshooting]* "Use a business email domain (not gmail.com, yahoo.com for
/// corporations)".
pub(crate) const TFV_EMAIL_FREE: Rule = Rule {
    id: "TFV-EMAIL-FREE",
    severity: Warning,
    applies: Applies::TollFree,
    title: "The contact e-mail is free-mail",
    needs_use_case: false,
    check: tfv_email_free,
};

fn tfv_email_free(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    if entity(t) == Some("SOLE_PROPRIETOR") {
        return None;
    }
    let email = value(&t.business_contact_email)?;
    let domain = email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().to_ascii_lowercase())?;
    if !FREE_MAIL.has(domain.as_str()) {
        return None;
    }
    Some(Hit::on(
        "businessContactEmail",
        cat3(
            "",
            &domain,
            " is a free e-mail provider; reviewers expect a business domain.",
        ),
        "Use an address on the company's own domain.",
    ))
}

/// TFV-LEGAL-NAME: `businessName` of a company lacks a legal suffix.
///
/// *[TFV Troubleshooting]* "Include suffixes exactly: 'Inc.', 'LLC', 'Corp.' — these
/// matter"; common mistake "Using a DBA/trade name instead of the legal entity name".
pub(crate) const TFV_LEGAL_NAME: Rule = Rule {
    id: "TFV-LEGAL-NAME",
    severity: Warning,
    applies: Applies::TollFree,
    title: "businessName lacks a legal suffix",
    needs_use_case: false,
    check: tfv_legal_name,
};

fn tfv_legal_name(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    if !matches!(entity(t), Some("PRIVATE_PROFIT" | "PUBLIC_PROFIT")) {
        return None;
    }
    let name = value(&t.business_name)?;
    let mut cleaned = name.to_ascii_lowercase();
    // ASCII for ASCII: the byte length is unchanged.
    cleaned = replace_sub(&cleaned, ".", " ");
    let collapsed = replace_sub(&replace_sub(&cleaned, "l l c", "llc"), "l l p", "llp");
    let mut words: Vec<&str> = Vec::new();
    for w in collapsed.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !w.is_empty() {
            words.push(w);
        }
    }
    if words.iter().skip(1).any(|w| LEGAL_SUFFIXES.has(w)) {
        return None;
    }
    Some(Hit::on(
        "businessName",
        cat3(
            "\"",
            name,
            "\" has no legal suffix such as Inc., LLC or Corp.",
        ),
        "Use the exact legal name on the registration records, including its suffix.",
    ))
}

/// TFV-PRIVACY-LINKS: `privacyPolicyURL` or `termsAndConditionURL` is missing.
///
/// *[Toll-Free Verification] › Optional Fields* "optional but recommended for faster
/// verification processing".
pub(crate) const TFV_PRIVACY_LINKS: Rule = Rule {
    id: "TFV-PRIVACY-LINKS",
    severity: Warning,
    applies: Applies::TollFree,
    title: "Privacy policy or terms URL missing",
    needs_use_case: false,
    check: tfv_privacy_links,
};

fn tfv_privacy_links(cx: &Ctx) -> Option<Hit> {
    let t = tfv(cx)?;
    let field = if value(&t.privacy_policy_url).is_none() {
        "privacyPolicyURL"
    } else if value(&t.terms_and_condition_url).is_none() {
        "termsAndConditionURL"
    } else {
        return None;
    };
    Some(Hit::on(
        field,
        cat3("", field, " is missing."),
        "Link the privacy policy and terms; reviewers check that mobile numbers are not shared.",
    ))
}

/// TFV-SUMMARY-VAGUE: `useCaseSummary` is under 40 characters or 8 words.
///
/// *[TFV Troubleshooting] › Diagnostic checklist* "Use case summary clearly describes
/// messaging purpose".
pub(crate) const TFV_SUMMARY_VAGUE: Rule = Rule {
    id: "TFV-SUMMARY-VAGUE",
    severity: Warning,
    applies: Applies::TollFree,
    title: "useCaseSummary is too short to describe the purpose",
    needs_use_case: false,
    check: tfv_summary_vague,
};

fn tfv_summary_vague(cx: &Ctx) -> Option<Hit> {
    let d = cx.description.as_ref()?;
    let words =
        d.a.slice(crate::compliance::text::Span::new(0, d.a.chars.len()))
            .split_whitespace()
            .count();
    if d.len >= 40 && words >= 8 {
        return None;
    }
    Some(Hit::at(
        d,
        None,
        "The use case summary is too short to tell reviewers what you send and why.",
        "Describe who receives the messages, what they are and how people opt in, in 2–3 sentences.",
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn toll_free_numbers_and_formats() {
        assert!(is_toll_free("+18773554398"));
        assert!(is_toll_free("+1 (888) 555-0100"));
        assert!(!is_toll_free("+14155550132"));
        assert!(!is_toll_free("8773554398"));
        assert!(digits_with_dashes("12-3456789", &[2, 7]));
        assert!(digits_with_dashes("123456789", &[2, 7]));
        assert!(!digits_with_dashes("123-456789", &[2, 7]));
        assert!(digits_with_dashes("123-45-6789", &[3, 2, 4]));
    }
}
