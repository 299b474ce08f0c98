//! One submission, normalised and analysed once: what every rule reads.
//!
//! A 10DLC campaign and a toll-free verification (TFV) request are mapped onto the
//! same shape (catalogue §1): TFV `productionMessageContent` → samples,
//! `optInWorkflow` → flow, `helpMessageResponse` → help, `optInConfirmationResponse` →
//! opt-in message, `useCaseSummary` → description, `businessName`/`doingBusinessAs` →
//! brand, `ageGatedContent` → age gate.

use super::detect::{self, Brand, Category};
use super::input::{BrandRegistration, Campaign, IgnoredField, Sample, TollFreeVerification};
use super::pattern::Env;
use super::tables::{MIXED_LIKE, OPT_OUT_KEYWORDS, OTHER, OTP_ALLOWED, TXN, USE_CASES};
use super::text::{Analysed, Span, registrable};
use super::util::has_sub;
use crate::segments::{Count, Encoding, Options, Sender, count_segments};

/// The fields given, in order.
pub(crate) fn present<'c>(fields: &[&'c Option<Field>]) -> Vec<&'c Field> {
    let mut out = Vec::new();
    for f in fields.iter().copied().flatten() {
        out.push(f);
    }
    out
}

/// Which kind of submission is being checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Submission {
    /// A 10DLC `campaignBuilder` body.
    Campaign,
    /// A toll-free verification request.
    TollFree,
}

/// A non-empty text field, analysed.
#[derive(Debug)]
pub(crate) struct Field {
    /// The input field name.
    pub(crate) name: String,
    pub(crate) a: Analysed,
    /// Characters after trimming whitespace (catalogue lengths).
    pub(crate) len: usize,
}

impl Field {
    /// A field with its tokens only (keyword lists).
    fn new(name: impl Into<String>, text: &str) -> Option<Self> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(Self {
            name: name.into(),
            a: Analysed::new(text),
            len: trimmed.chars().count(),
        })
    }

    /// A field scanned by every phrase detector with the submission's keywords.
    fn scanned(name: impl Into<String>, text: &str, env: &Env<'_>) -> Option<Self> {
        let mut f = Self::new(name, text)?;
        detect::scan(&mut f.a, env);
        Some(f)
    }
}

/// A comma-separated keyword list.
#[derive(Debug)]
pub(crate) struct KeywordList {
    pub(crate) field: Field,
    /// Upper-case, trimmed, non-empty items.
    pub(crate) items: Vec<String>,
}

impl KeywordList {
    fn new(name: &str, text: Option<&str>) -> Option<Self> {
        let field = Field::new(name, text?)?;
        let mut items: Vec<String> = Vec::new();
        for k in text?.split(',') {
            let k = k.trim();
            if !k.is_empty() {
                items.push(k.to_ascii_uppercase());
            }
        }
        Some(Self { field, items })
    }

    pub(crate) fn contains(&self, keyword: &str) -> bool {
        self.items.iter().any(|k| k == keyword)
    }

    /// UTF-16 span of an item in the field text, if found.
    pub(crate) fn span_of(&self, keyword: &str) -> Option<Span> {
        let a = &self.field.a;
        (0..a.toks.len())
            .find(|&i| a.text(i).eq_ignore_ascii_case(keyword))
            .and_then(|i| a.tok(i))
            .map(|t| t.span)
    }
}

/// What the detectors found in one sample.
#[derive(Debug)]
pub(crate) struct SampleFacts {
    pub(crate) field: Field,
    pub(crate) opt_out: Option<Span>,
    pub(crate) brand: Option<Span>,
    pub(crate) otp: Option<Span>,
    pub(crate) promo: Option<Span>,
    pub(crate) category: Category,
    pub(crate) count: Option<Count>,
    /// The first character outside GSM-7 (UTF-16 index and length), if any.
    pub(crate) non_gsm: Option<Span>,
}

/// The use case as declared.
#[derive(Debug)]
pub(crate) struct UseCase {
    /// Trimmed as written.
    pub(crate) raw: String,
    pub(crate) known: bool,
    tfv: bool,
}

impl UseCase {
    /// Exactly this TCR use case (10DLC).
    pub(crate) fn is(&self, name: &str) -> bool {
        !self.tfv && self.raw == name
    }

    pub(crate) fn is_any(&self, names: &[&str]) -> bool {
        !self.tfv && names.contains(&self.raw.as_str())
    }

    fn tfv_contains(&self, words: &[&str]) -> bool {
        let lower = self.raw.to_ascii_lowercase();
        words.iter().any(|w| has_sub(&lower, w))
    }

    /// Promotions are out of place: a TXN use case (10DLC), or a TFV use case that is
    /// not about marketing, mixed, promotions or rewards.
    pub(crate) fn forbids_promo(&self) -> bool {
        if self.tfv {
            !self.tfv_contains(&["marketing", "mixed", "promot", "rewards"])
        } else {
            TXN.has(self.raw.as_str())
        }
    }

    /// A non-commercial use case where promotions are a risk (catalogue OTHER).
    pub(crate) fn is_other(&self) -> bool {
        !self.tfv && OTHER.has(&self.raw)
    }

    /// One-time codes are allowed.
    pub(crate) fn allows_otp(&self) -> bool {
        if self.tfv {
            self.tfv_contains(&["2fa", "verification", "otp"])
        } else {
            OTP_ALLOWED.has(self.raw.as_str())
        }
    }

    /// MIXED, LOW_VOLUME, SOLE_PROPRIETOR or AGENTS_FRANCHISES.
    pub(crate) fn is_mixed_like(&self) -> bool {
        !self.tfv && MIXED_LIKE.has(&self.raw)
    }
}

/// Everything a rule reads.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub(crate) kind: Submission,
    pub(crate) use_case: Option<UseCase>,
    pub(crate) use_case_field: &'static str,
    pub(crate) description: Option<Field>,
    /// Non-empty samples, analysed.
    pub(crate) samples: Vec<SampleFacts>,
    /// Every sample field given, empty or not.
    pub(crate) sample_fields: Vec<String>,
    pub(crate) flow: Option<Field>,
    pub(crate) help: Option<Field>,
    pub(crate) optin_message: Option<Field>,
    pub(crate) optout_message: Option<Field>,
    pub(crate) optin_keywords: Option<KeywordList>,
    pub(crate) optout_keywords: Option<KeywordList>,
    pub(crate) help_keywords: Option<KeywordList>,
    pub(crate) embedded_link: Option<bool>,
    pub(crate) embedded_phone: Option<bool>,
    pub(crate) number_pool: Option<bool>,
    pub(crate) age_gated: Option<bool>,
    pub(crate) direct_lending: Option<bool>,
    pub(crate) brand: Brand,
    /// Registrable domains of the brand's website(s).
    pub(crate) websites: Vec<String>,
    pub(crate) brand_registration: Option<&'a BrandRegistration>,
    pub(crate) tfv: Option<&'a TollFreeVerification>,
    /// Raw required campaign fields, to tell "missing" from "empty".
    pub(crate) raw_required: Vec<(&'static str, bool)>,
    pub(crate) ignored: &'a [IgnoredField],
    optout_words: Vec<String>,
    help_words: Vec<String>,
}

/// Scans the five free-text fields with the submission's keywords.
fn scan_texts<const N: usize>(
    env: &Env<'_>,
    specs: [(&str, Option<&String>); N],
) -> [Option<Field>; N] {
    specs.map(|(name, text)| text.and_then(|t| Field::scanned(name, t, env)))
}

fn host_of(url: &str) -> Option<String> {
    let a = Analysed::new(url.trim());
    a.links.first().map(|l| registrable(&l.host).to_string())
}

fn empty(s: Option<&String>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

impl<'a> Ctx<'a> {
    pub(crate) fn env(&self) -> Env<'_> {
        Env {
            optout_keywords: &self.optout_words,
            help_keywords: &self.help_words,
        }
    }

    fn analyse_samples(&mut self, samples: &[Sample], sender: Sender) {
        for s in samples {
            self.sample_fields.push(s.field.clone());
        }
        let options = Options {
            sender,
            ..Options::default()
        };
        for s in samples.iter().take(20) {
            let env = self.env();
            let Some(field) = Field::scanned(s.field.clone(), &s.text, &env) else {
                continue;
            };
            // The text as `str`: the instantiation of the engine the segments binding uses.
            let text = s.text.as_str();
            let count = count_segments(text, &options).ok();
            let non_gsm = if count.is_some_and(|c| c.encoding == Encoding::Ucs2) {
                crate::segments::analyze(text, &options).ok().and_then(|a| {
                    a.non_gsm
                        .first()
                        .map(|c| Span::new(c.index, c.index + c.len))
                })
            } else {
                None
            };
            let facts = SampleFacts {
                opt_out: detect::opt_out(&field.a),
                brand: self.brand.find(&field.a),
                otp: detect::otp(&field.a),
                promo: detect::promo(&field.a),
                category: detect::category(&field.a),
                count,
                non_gsm,
                field,
            };
            self.samples.push(facts);
        }
    }

    fn keywords_env(&mut self) {
        let mut optout: Vec<String> = Vec::new();
        for k in OPT_OUT_KEYWORDS.iter() {
            optout.push(k.to_string());
        }
        if let Some(list) = &self.optout_keywords {
            for k in &list.items {
                let k = k.to_ascii_lowercase();
                if !k.contains(' ')
                    && !optout.contains(&k)
                    && !matches!(k.as_str(), "help" | "info" | "start")
                {
                    optout.push(k);
                }
            }
        }
        let mut help = vec!["help".to_string()];
        if let Some(list) = &self.help_keywords {
            for k in &list.items {
                let k = k.to_ascii_lowercase();
                if !k.contains(' ') && !help.contains(&k) && !optout.contains(&k) {
                    help.push(k);
                }
            }
        }
        self.optout_words = optout;
        self.help_words = help;
    }

    fn blank(kind: Submission) -> Self {
        Self {
            kind,
            use_case: None,
            use_case_field: "usecase",
            description: None,
            samples: Vec::new(),
            sample_fields: Vec::new(),
            flow: None,
            help: None,
            optin_message: None,
            optout_message: None,
            optin_keywords: None,
            optout_keywords: None,
            help_keywords: None,
            embedded_link: None,
            embedded_phone: None,
            number_pool: None,
            age_gated: None,
            direct_lending: None,
            brand: Brand::default(),
            websites: Vec::new(),
            brand_registration: None,
            tfv: None,
            raw_required: Vec::new(),
            ignored: &[],
            optout_words: Vec::new(),
            help_words: Vec::new(),
        }
    }

    /// Builds the context of a 10DLC campaign.
    pub(crate) fn campaign(c: &'a Campaign) -> Self {
        let mut x = Self::blank(Submission::Campaign);
        x.use_case = c
            .usecase
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(|u| UseCase {
                raw: u.to_string(),
                known: USE_CASES.has(u),
                tfv: false,
            });
        x.optin_keywords = KeywordList::new("optinKeywords", c.optin_keywords.as_deref());
        x.optout_keywords = KeywordList::new("optoutKeywords", c.optout_keywords.as_deref());
        x.help_keywords = KeywordList::new("helpKeywords", c.help_keywords.as_deref());
        x.embedded_link = c.embedded_link;
        x.embedded_phone = c.embedded_phone;
        x.number_pool = c.number_pool;
        x.age_gated = c.age_gated;
        x.direct_lending = c.direct_lending;
        x.raw_required = vec![
            ("usecase", empty(c.usecase.as_ref())),
            ("description", empty(c.description.as_ref())),
            ("messageFlow", empty(c.message_flow.as_ref())),
            ("helpMessage", empty(c.help_message.as_ref())),
            ("optinKeywords", empty(c.optin_keywords.as_ref())),
            ("optoutKeywords", empty(c.optout_keywords.as_ref())),
            ("helpKeywords", empty(c.help_keywords.as_ref())),
        ];
        let reg = c.brand.as_ref();
        let mut names: Vec<&str> = Vec::new();
        names.extend(c.brand_name.as_deref());
        names.extend(c.brand_aliases.iter().take(20).map(String::as_str));
        if let Some(b) = reg {
            names.extend(b.display_name.as_deref());
            names.extend(b.company_name.as_deref());
        }
        let names: Vec<&str> = names.into_iter().filter(|s| !s.trim().is_empty()).collect();
        x.brand = Brand::new(&names);
        if let Some(host) = reg.and_then(|b| b.website.as_deref()).and_then(host_of) {
            x.websites.push(host);
        }
        x.brand_registration = c.brand.as_ref();
        x.ignored = &c.ignored;
        x.keywords_env();
        [
            x.description,
            x.flow,
            x.help,
            x.optin_message,
            x.optout_message,
        ] = scan_texts(
            &x.env(),
            [
                ("description", c.description.as_ref()),
                ("messageFlow", c.message_flow.as_ref()),
                ("helpMessage", c.help_message.as_ref()),
                ("optinMessage", c.optin_message.as_ref()),
                ("optoutMessage", c.optout_message.as_ref()),
            ],
        );
        x.analyse_samples(&c.samples, Sender::LongCode);
        x
    }

    /// Builds the context of a toll-free verification request.
    pub(crate) fn toll_free(t: &'a TollFreeVerification) -> Self {
        let mut x = Self::blank(Submission::TollFree);
        x.use_case_field = "useCase";
        x.use_case = t
            .use_case
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(|u| UseCase {
                raw: u.to_string(),
                known: true,
                tfv: true,
            });
        x.optin_keywords = KeywordList::new("optInKeywords", t.opt_in_keywords.as_deref());
        x.age_gated = t.age_gated_content;
        let mut names: Vec<&str> = Vec::new();
        for name in [&t.business_name, &t.doing_business_as]
            .into_iter()
            .flatten()
        {
            if !name.trim().is_empty() {
                names.push(name);
            }
        }
        x.brand = Brand::new(&names);
        if let Some(host) = t.corporate_website.as_deref().and_then(host_of) {
            x.websites.push(host);
        }
        x.tfv = Some(t);
        x.ignored = &t.ignored;
        x.keywords_env();
        [x.description, x.flow, x.help, x.optin_message] = scan_texts(
            &x.env(),
            [
                ("useCaseSummary", t.use_case_summary.as_ref()),
                ("optInWorkflow", t.opt_in_workflow.as_ref()),
                ("helpMessageResponse", t.help_message_response.as_ref()),
                (
                    "optInConfirmationResponse",
                    t.opt_in_confirmation_response.as_ref(),
                ),
            ],
        );
        x.analyse_samples(&t.samples, Sender::TollFree);
        x
    }

    /// The use case is declared and (for 10DLC) a TCR value.
    pub(crate) fn use_case_known(&self) -> bool {
        self.use_case.as_ref().is_some_and(|u| u.known)
    }

    /// The declared use case, when known.
    pub(crate) fn uc(&self) -> Option<&UseCase> {
        self.use_case.as_ref().filter(|u| u.known)
    }

    /// Description and flow (and samples), the fields content rules read.
    pub(crate) fn content_fields(&self, with_flow: bool) -> Vec<&Field> {
        let mut out: Vec<&Field> = Vec::new();
        for s in &self.samples {
            out.push(&s.field);
        }
        out.extend(self.description.iter());
        if with_flow {
            out.extend(self.flow.iter());
        }
        out
    }

    /// Every text field (for placeholder checks).
    pub(crate) fn is_campaign(&self) -> bool {
        self.kind == Submission::Campaign
    }
}
