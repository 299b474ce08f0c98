//! 3.9 Sole Proprietor and brand fields (from the optional `brand` block).

use super::{Applies, Hit, Rule, quoted};
use crate::compliance::Severity::{Error, Warning};
use crate::compliance::context::Ctx;
use crate::compliance::input::BrandRegistration;
use crate::compliance::tables::{ENTITY_TYPES, FREE_MAIL, STATES, VERTICALS};
use crate::compliance::text::{Analysed, registrable};
use crate::compliance::util::{find_sub, has_sub};
use crate::strings::{cat3, cat5};

fn brand<'a>(cx: &Ctx<'a>) -> Option<&'a BrandRegistration> {
    cx.brand_registration
}

/// A non-empty brand field.
fn value(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.trim().is_empty())
}

fn is_sp(cx: &Ctx) -> bool {
    brand(cx)
        .and_then(|b| value(&b.entity_type))
        .is_some_and(|e| e.trim() == "SOLE_PROPRIETOR")
}

/// `^\d{n}-\d{m}$`-style check on ASCII digit groups separated by `-`.
fn digit_groups(s: &str, groups: &[usize]) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == groups.len()
        && parts
            .iter()
            .zip(groups)
            .all(|(p, &n)| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
}

/// SP-NUMBERPOOL: a Sole Proprietor campaign with `numberPool` true.
///
/// Enforces *[Sole Proprietor] › Step 6* "Sole Proprietor campaigns can only have one
/// phone number assigned".
pub(crate) const SP_NUMBERPOOL: Rule = Rule {
    id: "SP-NUMBERPOOL",
    severity: Error,
    applies: Applies::Campaign,
    title: "SOLE_PROPRIETOR with numberPool true",
    needs_use_case: false,
    check: sp_numberpool,
};

fn sp_numberpool(cx: &Ctx) -> Option<Hit> {
    let sp_uc = cx
        .use_case
        .as_ref()
        .is_some_and(|u| u.raw == "SOLE_PROPRIETOR");
    if cx.number_pool != Some(true) || !(sp_uc || is_sp(cx)) {
        return None;
    }
    Some(Hit::on(
        "numberPool",
        "Sole Proprietor campaigns can have only one phone number, so they cannot use a number pool.",
        "Set \"numberPool\": false.",
    ))
}

/// SP-USECASE: the Sole Proprietor brand and the SOLE_PROPRIETOR use case disagree.
///
/// Enforces *[Sole Proprietor] › Step 5* "create a campaign using the SOLE_PROPRIETOR
/// usecase" and *[Brand Registration]* "Use standard registration if your business has
/// an EIN".
pub(crate) const SP_USECASE: Rule = Rule {
    id: "SP-USECASE",
    severity: Error,
    applies: Applies::Campaign,
    title: "The Sole Proprietor brand and use case disagree",
    needs_use_case: false,
    check: sp_usecase,
};

fn sp_usecase(cx: &Ctx) -> Option<Hit> {
    let entity = brand(cx).and_then(|b| value(&b.entity_type))?;
    let uc = cx.use_case.as_ref()?;
    let sp_entity = entity.trim() == "SOLE_PROPRIETOR";
    let sp_uc = uc.raw == "SOLE_PROPRIETOR";
    if sp_entity == sp_uc {
        return None;
    }
    Some(if sp_entity {
        Hit::on(
            "usecase",
            cat3(
                "The brand is a Sole Proprietor, but the use case is ",
                &uc.raw,
                ".",
            ),
            "Sole Proprietor brands must use the SOLE_PROPRIETOR use case.",
        )
    } else {
        Hit::on(
            "usecase",
            "SOLE_PROPRIETOR is only for Sole Proprietor brands.",
            "Register a standard use case (e.g. MIXED) for a brand with an EIN, or register the brand as SOLE_PROPRIETOR.",
        )
    })
}

/// SP-PINSMS: `pinSms` lacks `@OTP_PIN@`, or `pinSms`/`successSms` exceeds 500 characters.
///
/// Enforces *[Sole Proprietor] › Step 2 request parameters* "`pinSms` … containing
/// `@OTP_PIN@` placeholder (max 500 chars)".
pub(crate) const SP_PINSMS: Rule = Rule {
    id: "SP-PINSMS",
    severity: Error,
    applies: Applies::Campaign,
    title: "pinSms lacks @OTP_PIN@ or an OTP text is over 500 characters",
    needs_use_case: false,
    check: sp_pinsms,
};

fn sp_pinsms(cx: &Ctx) -> Option<Hit> {
    let b = brand(cx)?;
    if let Some(pin) = value(&b.pin_sms) {
        if !has_sub(pin, "@OTP_PIN@") {
            return Some(Hit::on(
                "brand.pinSms",
                "pinSms must contain the @OTP_PIN@ placeholder, where TCR puts the PIN.",
                "Use e.g. \"Your Acme verification code is @OTP_PIN@. It expires in 24 hours.\"",
            ));
        }
        if pin.chars().count() > 500 {
            return Some(Hit::on(
                "brand.pinSms",
                "pinSms is over 500 characters.",
                "Keep pinSms to one short sentence with @OTP_PIN@.",
            ));
        }
    }
    let success = value(&b.success_sms)?;
    (success.chars().count() > 500).then(|| {
        Hit::on(
            "brand.successSms",
            "successSms is over 500 characters.",
            "Keep successSms to one short confirmation sentence.",
        )
    })
}

/// BRD-EIN-FORMAT: the EIN is not `XX-XXXXXXX` (non-Sole Proprietor brands).
///
/// Enforces *[Brand Registration] › Required fields* "Federal Tax ID / EIN (format:
/// `XX-XXXXXXX`)".
pub(crate) const BRD_EIN_FORMAT: Rule = Rule {
    id: "BRD-EIN-FORMAT",
    severity: Error,
    applies: Applies::Campaign,
    title: "The EIN is not XX-XXXXXXX",
    needs_use_case: false,
    check: brd_ein_format,
};

fn brd_ein_format(cx: &Ctx) -> Option<Hit> {
    let ein = brand(cx)
        .and_then(|b| value(&b.ein))
        .filter(|_| !is_sp(cx))?;
    if digit_groups(ein, &[2, 7]) {
        return None;
    }
    quoted(
        "brand.ein",
        ein,
        "\" is not an EIN in XX-XXXXXXX form.",
        "Write the EIN as two digits, a hyphen and seven digits, e.g. 12-3456789, with no spaces.",
    )
}

/// BRD-PHONE-E164: the brand phone is not E.164.
///
/// Enforces *[Brand Registration] › Required fields* "Business phone in E.164 format".
pub(crate) const BRD_PHONE_E164: Rule = Rule {
    id: "BRD-PHONE-E164",
    severity: Error,
    applies: Applies::Campaign,
    title: "The brand phone is not E.164",
    needs_use_case: false,
    check: brd_phone_e164,
};

fn brd_phone_e164(cx: &Ctx) -> Option<Hit> {
    let phone = brand(cx).and_then(|b| value(&b.phone))?;
    let ok = phone.strip_prefix("+1").is_some_and(|rest| {
        rest.len() == 10
            && rest.bytes().all(|b| b.is_ascii_digit())
            && !rest.starts_with(['0', '1'])
    });
    if ok {
        return None;
    }
    quoted(
        "brand.phone",
        phone,
        "\" is not an E.164 number.",
        "Write it as +1 and ten digits, with no spaces or punctuation, e.g. +14155550132.",
    )
}

/// BRD-STATE: the state is not a 2-letter US state or Canadian province code.
pub(crate) const BRD_STATE: Rule = Rule {
    id: "BRD-STATE",
    severity: Error,
    applies: Applies::Campaign,
    title: "The state is not a 2-letter code",
    needs_use_case: false,
    check: brd_state,
};

fn brd_state(cx: &Ctx) -> Option<Hit> {
    let state = brand(cx).and_then(|b| value(&b.state))?;
    if STATES.has(state.trim().to_ascii_uppercase().as_str()) {
        return None;
    }
    quoted(
        "brand.state",
        state,
        "\" is not a 2-letter state or province code.",
        "Use the postal abbreviation, e.g. TX, NY or ON.",
    )
}

/// BRD-COUNTRY: the country is not `US` or `CA`.
pub(crate) const BRD_COUNTRY: Rule = Rule {
    id: "BRD-COUNTRY",
    severity: Error,
    applies: Applies::Campaign,
    title: "The country is not US or CA",
    needs_use_case: false,
    check: brd_country,
};

fn brd_country(cx: &Ctx) -> Option<Hit> {
    let country = brand(cx).and_then(|b| value(&b.country))?;
    if matches!(country, "US" | "CA") {
        return None;
    }
    quoted(
        "brand.country",
        country,
        "\" is not a country 10DLC accepts.",
        "Use \"US\" or \"CA\".",
    )
}

/// BRD-POBOX: the street address is a PO Box.
///
/// Enforces *[10DLC Troubleshooting] › Brand address* "PO Boxes are generally not
/// accepted. Use a physical business address."
pub(crate) const BRD_POBOX: Rule = Rule {
    id: "BRD-POBOX",
    severity: Error,
    applies: Applies::Campaign,
    title: "The street is a PO Box",
    needs_use_case: false,
    check: brd_pobox,
};

/// `p.?o.? box` at a word start (and "post office box").
fn is_po_box(street: &str) -> bool {
    let mut s: Vec<char> = Vec::new();
    for c in street.to_ascii_lowercase().chars() {
        if c != '.' {
            s.push(c);
        }
    }
    let at = |i: usize| s.get(i).copied().unwrap_or('\0');
    let starts = |i: usize, w: &str| w.chars().enumerate().all(|(k, c)| at(i + k) == c);
    (0..s.len()).any(|i| {
        if i > 0 && at(i - 1).is_ascii_alphanumeric() {
            return false;
        }
        if starts(i, "post office box") {
            return true;
        }
        if at(i) != 'p' {
            return false;
        }
        let mut j = i + 1;
        if at(j) == ' ' {
            j += 1;
        }
        if at(j) != 'o' {
            return false;
        }
        j += 1;
        while at(j) == ' ' {
            j += 1;
        }
        starts(j, "box")
    })
}

fn brd_pobox(cx: &Ctx) -> Option<Hit> {
    let street = brand(cx).and_then(|b| value(&b.street))?;
    if !is_po_box(street) {
        return None;
    }
    quoted(
        "brand.street",
        street,
        "\" is a PO Box.",
        "Use the physical business address (street, suite), exactly as USPS formats it.",
    )
}

/// BRD-EMAIL-DOMAIN: the brand e-mail is free-mail, or its domain is not the website's.
///
/// *[10DLC Rate Limits] › Compliance checklist* "Website domain = email domain";
/// *[TFV Troubleshooting]* "Use a business email domain (not gmail.com, yahoo.com …)".
pub(crate) const BRD_EMAIL_DOMAIN: Rule = Rule {
    id: "BRD-EMAIL-DOMAIN",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The e-mail is free-mail or off the website's domain",
    needs_use_case: false,
    check: brd_email_domain,
};

fn brd_email_domain(cx: &Ctx) -> Option<Hit> {
    let email = brand(cx).and_then(|b| value(&b.email))?;
    let domain = email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().to_ascii_lowercase())?;
    if FREE_MAIL.has(domain.as_str()) && !is_sp(cx) {
        return Some(Hit::on(
            "brand.email",
            cat3(
                "",
                &domain,
                " is a free e-mail provider; carriers expect a business domain.",
            ),
            "Use an address on the brand's own domain, e.g. admin@acme.com.",
        ));
    }
    let site = cx.websites.first()?;
    if registrable(&domain) == site {
        return None;
    }
    Some(Hit::on(
        "brand.email",
        cat5(
            "The e-mail domain ",
            &domain,
            " does not match the website domain ",
            site,
            ".",
        ),
        cat3("Use an address @", site, "."),
    ))
}

/// BRD-WEBSITE-ROOT: the website is a deep link.
///
/// *[10DLC Troubleshooting] › Brand website* "Use the root domain (e.g.,
/// `https://example.com`, not a deep link)".
pub(crate) const BRD_WEBSITE_ROOT: Rule = Rule {
    id: "BRD-WEBSITE-ROOT",
    severity: Warning,
    applies: Applies::Campaign,
    title: "The website is a deep link",
    needs_use_case: false,
    check: brd_website_root,
};

fn brd_website_root(cx: &Ctx) -> Option<Hit> {
    let site = brand(cx).and_then(|b| value(&b.website))?;
    let a = Analysed::new(site.trim());
    let link = a.links.first()?;
    let text = a.slice(link.span);
    let after_scheme =
        find_sub(&text, "://").map_or(text.as_str(), |i| text.get(i + 3..).unwrap_or(""));
    let path = after_scheme
        .find(['/', '?', '#'])
        .map_or("", |i| after_scheme.get(i..).unwrap_or(""));
    if path.is_empty() || path == "/" {
        return None;
    }
    Some(Hit::on(
        "brand.website",
        cat3(
            "\"",
            site,
            "\" is a deep link; TCR verifies the root domain.",
        ),
        "Use the root domain, e.g. https://acme.com.",
    ))
}

/// BRD-PUBLIC-STOCK: a PUBLIC_PROFIT brand without `stockSymbol` or `stockExchange`.
pub(crate) const BRD_PUBLIC_STOCK: Rule = Rule {
    id: "BRD-PUBLIC-STOCK",
    severity: Error,
    applies: Applies::Campaign,
    title: "PUBLIC_PROFIT without stockSymbol or stockExchange",
    needs_use_case: false,
    check: brd_public_stock,
};

fn brd_public_stock(cx: &Ctx) -> Option<Hit> {
    let b = brand(cx)?;
    if value(&b.entity_type).map(str::trim) != Some("PUBLIC_PROFIT") {
        return None;
    }
    let field = if value(&b.stock_symbol).is_none() {
        "brand.stockSymbol"
    } else if value(&b.stock_exchange).is_none() {
        "brand.stockExchange"
    } else {
        return None;
    };
    Some(Hit::on(
        field,
        "A PUBLIC_PROFIT brand needs its stock symbol and exchange.",
        "Add stockSymbol (e.g. \"ACME\") and stockExchange (e.g. \"NASDAQ\").",
    ))
}

/// BRD-ENTITY: the entity type is not in the enum ("LLC" and "NONPROFIT" fail).
pub(crate) const BRD_ENTITY: Rule = Rule {
    id: "BRD-ENTITY",
    severity: Error,
    applies: Applies::Campaign,
    title: "The entity type is not a TCR value",
    needs_use_case: false,
    check: brd_entity,
};

fn brd_entity(cx: &Ctx) -> Option<Hit> {
    let entity = brand(cx).and_then(|b| value(&b.entity_type))?;
    if ENTITY_TYPES.has(entity.trim()) {
        return None;
    }
    quoted(
        "brand.entityType",
        entity,
        "\" is not an entity type TCR accepts.",
        "Use PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT or SOLE_PROPRIETOR.",
    )
}

/// BRD-VERTICAL: the vertical is not in the industry list.
pub(crate) const BRD_VERTICAL: Rule = Rule {
    id: "BRD-VERTICAL",
    severity: Error,
    applies: Applies::Campaign,
    title: "The vertical is not in the list",
    needs_use_case: false,
    check: brd_vertical,
};

fn brd_vertical(cx: &Ctx) -> Option<Hit> {
    let vertical = brand(cx).and_then(|b| value(&b.vertical))?;
    if VERTICALS.has(vertical.trim()) {
        return None;
    }
    quoted(
        "brand.vertical",
        vertical,
        "\" is not a TCR industry vertical.",
        "Use a value from the list, e.g. RETAIL, HEALTHCARE, TECHNOLOGY or PROFESSIONAL.",
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn po_boxes() {
        for s in [
            "PO Box 123",
            "P.O. Box 55",
            "p o box 9",
            "Post Office Box 4",
            "POBox 12",
            "Suite 4, PO Box 7",
        ] {
            assert!(is_po_box(s), "{s}");
        }
        for s in [
            "123 Main St",
            "55 Depot Boxwood Rd",
            "1 Hippo Box Lane",
            "12 Poplar Ave",
        ] {
            assert!(!is_po_box(s), "{s}");
        }
    }
}
