//! The shared detectors of catalogue §2, written once and used by many rules.
//!
//! Every detector takes an analysed field ([`Analysed`]) and answers with the span of
//! the first hit, so the rule that uses it can point at the text.

use super::util::{CharClass, has_sub, keep_chars};
use std::sync::LazyLock;

use super::pattern::{Env, Match, PatSet};
use super::tables::LEGAL_SUFFIXES;
use super::text::{Analysed, Kind, Span};

/// A named group of phrase patterns (the `const` of the same name below).
///
/// Every group is compiled into one [`PatSet`], so a field is scanned once for all of
/// them ([`scan`]) and each detector then reads its own matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum G {
    OptOut,
    HelpInstruction,
    OtpWords,
    Promo,
    CatSecurity,
    CatDelivery,
    CatAccount,
    CatAppointment,
    CatCare,
    CatPoll,
    CatCharity,
    Sex,
    Hate,
    Alcohol,
    Firearms,
    Tobacco,
    Cannabis,
    Gambling,
    Payday,
    Debt,
    HighRiskFin,
    Sweepstakes,
    Leadgen,
    Phishing,
    AccountLocked,
    ClickVerify,
    Lending,
    Generic,
    ThisIsPlaceholder,
    Autoresponse,
    Spam,
    Mechanism,
    Implied,
    WebWords,
    SmsWords,
    Types,
    Freq,
    Rates,
    Condition,
    Privacy,
    MktTypes,
    DescPromo,
    SweepTerms,
    VagueDesc,
    OptoutConfirm,
    Expiry,
    KwOptout,
    KwHelp,
    KwOptin,
}

/// The pattern groups, in [`G`] order: one pattern per line (one string per group, not a
/// pointer and length per pattern in the wasm data).
const GROUPS: &[&str] = &[
    OPT_OUT,
    HELP_INSTRUCTION,
    OTP_WORDS,
    PROMO,
    CAT_SECURITY,
    CAT_DELIVERY,
    CAT_ACCOUNT,
    CAT_APPOINTMENT,
    CAT_CARE,
    CAT_POLL,
    CAT_CHARITY,
    SEX,
    HATE,
    ALCOHOL,
    FIREARMS,
    TOBACCO,
    CANNABIS,
    GAMBLING,
    PAYDAY,
    DEBT,
    HIGH_RISK_FIN,
    SWEEPSTAKES,
    LEADGEN,
    PHISHING,
    ACCOUNT_LOCKED,
    CLICK_VERIFY,
    LENDING,
    GENERIC,
    THIS_IS_PLACEHOLDER,
    AUTORESPONSE,
    SPAM,
    MECHANISM,
    IMPLIED,
    WEB_WORDS,
    SMS_WORDS,
    TYPES,
    FREQ,
    RATES,
    CONDITION,
    PRIVACY,
    MKT_TYPES,
    DESC_PROMO,
    SWEEP_TERMS,
    VAGUE_DESC,
    OPTOUT_CONFIRM,
    EXPIRY,
    KW_OPTOUT,
    KW_HELP,
    KW_OPTIN,
];

/// All groups in one set, and the group of each pattern.
static SCANNER: LazyLock<(PatSet, Vec<usize>)> = LazyLock::new(|| {
    let mut sources = Vec::new();
    let mut group_of = Vec::new();
    for (g, pats) in GROUPS.iter().enumerate() {
        for p in pats.split('\n') {
            sources.push(p);
            group_of.push(g);
        }
    }
    (PatSet::new(&sources), group_of)
});

/// Runs every pattern group over a field once and stores the matches in it.
pub(crate) fn scan(a: &mut Analysed, env: &Env<'_>) {
    let (set, group_of) = &*SCANNER;
    let found = set.find_all(a, env);
    let mut hits: Vec<(usize, Match)> = Vec::with_capacity(found.len());
    for m in found {
        hits.push((group_of.get(m.pat).copied().unwrap_or(0), m));
    }
    a.set_hits(GROUPS.len(), hits);
}

/// The matches of group `g` in a scanned field, in token order.
pub(crate) fn hits(a: &Analysed, g: G) -> &[Match] {
    a.hits(g as usize)
}

fn span_of(a: &Analysed, m: &Match) -> Span {
    a.tok_span(m.start, m.end)
}

fn first(a: &Analysed, g: G) -> Option<Span> {
    hits(a, g).first().map(|m| span_of(a, m))
}

fn first_where(a: &Analysed, g: G, keep: impl Fn(&Match) -> bool) -> Option<&Match> {
    hits(a, g).iter().find(|m| keep(m))
}

fn first_not_negated(a: &Analysed, g: G, window: usize) -> Option<Span> {
    first_where(a, g, |m| !a.preceded_by(m.start, window, NEGATIONS)).map(|m| span_of(a, m))
}

/// Words that negate the phrase after them ("not a condition of purchase").
pub(crate) const NEGATIONS: &[&str] = &[
    "not", "never", "no", "isnt", "arent", "wont", "dont", "doesnt", "cannot", "neither", "nor",
    "without", "non",
];

// ---------------------------------------------------------------------------------------
// Opt-out and HELP language

const OPT_OUT: &str = concat!(
    // (a) Reply STOP, Txt STOP to unsubscribe, Reply with "STOP\n".
    "reply|text|txt|send|respond|replying|texting|sending|responding with|back? <kw>\n",
    "reply|text|txt|send|respond with|back? the word|keyword <kw>\n",
    // (b) …HELP for help, STOP to cancel.
    "<kw> to opt|optout|unsubscribe|unsub|cancel|end|stop|quit|remove|leave|exit|discontinue|halt|cease|no|be\n",
    "<kw> = cancel|unsubscribe|optout\n",
    // (c) Opt out: reply STOP; To unsubscribe, text STOP.
    "opt out reply|text|txt? <kw>\n",
    "optout reply|text|txt? <kw>\n",
    "unsubscribe|unsub reply|text|txt? <kw>\n",
    "to stop receiving ..4 reply|text|txt? <kw>\n",
    "to cancel|end reply|text|txt? <kw>",
);

/// *opt-out language*: the first keyword opt-out instruction (§2), if any.
pub(crate) fn opt_out(a: &Analysed) -> Option<Span> {
    opt_out_all(a).first().copied()
}

/// Every opt-out instruction in the field.
pub(crate) fn opt_out_all(a: &Analysed) -> Vec<Span> {
    let mut out = Vec::new();
    for m in hits(a, G::OptOut) {
        // "end-to-end" is not an opt-out instruction.
        if !(a.text(m.start) == "end" && a.text(m.end.saturating_sub(1)) == "end") {
            out.push(span_of(a, m));
        }
    }
    out
}

const HELP_INSTRUCTION: &str = concat!(
    "reply|text|txt|send|respond with|back? help|<hk>\n",
    "help|<hk> for help|support|assistance|info|more|questions",
);

/// A HELP instruction: *Reply HELP*, *HELP for help*.
pub(crate) fn help_instruction(a: &Analysed) -> Option<Span> {
    first(a, G::HelpInstruction)
}

/// Every opt-out instruction, then every HELP instruction.
fn instructions(a: &Analysed) -> Vec<Span> {
    let mut out = opt_out_all(a);
    for m in hits(a, G::HelpInstruction) {
        out.push(span_of(a, m));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Brand

/// Most names (brand, aliases, DBA) a brand matcher takes.
const MAX_NAMES: usize = 24;
/// Most characters of one name.
const MAX_NAME_CHARS: usize = 120;
/// Most words of one name.
const MAX_NAME_WORDS: usize = 12;

/// Matches a brand name, its aliases and DBA in text (§2 *brand present*).
#[derive(Clone, Debug, Default)]
pub(crate) struct Brand {
    /// Normalised phrases: lower-case words, `&` → `and`, legal suffix removed.
    phrases: Vec<Vec<String>>,
    /// Each phrase without spaces: `habitatforhope`.
    compacts: Vec<String>,
}

impl Brand {
    /// Builds a matcher from names (the first is the brand name, the rest aliases).
    pub(crate) fn new(names: &[&str]) -> Self {
        let mut b = Self::default();
        for name in names.iter().take(MAX_NAMES) {
            // A brand name is a few words; a longer one is cut (it bounds the matching work).
            let name = name
                .char_indices()
                .nth(MAX_NAME_CHARS)
                .map_or(*name, |(i, _)| name.get(..i).unwrap_or(name));
            let a = Analysed::new(name);
            let mut words: Vec<String> = Vec::new();
            for i in 0..a.toks.len() {
                if words.len() == MAX_NAME_WORDS {
                    break;
                }
                if a.tok(i).is_some_and(|t| t.is_wordlike()) {
                    words.push(a.text(i).to_string());
                }
            }
            if words.is_empty() {
                continue;
            }
            let full = words.clone();
            while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.has(w.as_str())) {
                words.pop();
            }
            if words.len() > 1 && words.first().is_some_and(|w| w == "the") {
                words.remove(0);
            }
            for phrase in [full, words] {
                let mut compact = String::new();
                for w in &phrase {
                    compact.push_str(w);
                }
                if !b.phrases.contains(&phrase) {
                    b.phrases.push(phrase);
                }
                if !b.compacts.contains(&compact) {
                    b.compacts.push(compact);
                }
            }
        }
        b
    }

    /// Every word of every name (for SMP-ALLCAPS: an upper-case brand is not shouting).
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.phrases
            .iter()
            .flatten()
            .map(String::as_str)
            .chain(self.compacts.iter().map(String::as_str))
    }

    /// True when no name was given.
    pub(crate) fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// A host (`support.acme.com`, an e-mail domain) that names the brand.
    pub(crate) fn host_matches(&self, host: &str) -> bool {
        let labels: Vec<&str> = host.split('.').collect();
        let Some((_, names)) = labels.split_last() else {
            return false;
        };
        names.iter().any(|label| {
            let label = keep_chars(label, &|c| c.alnum());
            self.compacts.iter().any(|c| {
                if c.chars().count() >= 4 {
                    has_sub(&label, c)
                } else {
                    label == *c
                }
            })
        })
    }

    /// The first place the brand is named: as a phrase, a compact word or a host.
    pub(crate) fn find(&self, a: &Analysed) -> Option<Span> {
        for t in 0..a.toks.len() {
            let Some(tok) = a.tok(t) else { break };
            match tok.kind {
                Kind::Word | Kind::Num => {
                    for phrase in &self.phrases {
                        if let Some(end) = self.phrase_at(a, t, phrase) {
                            return Some(a.tok_span(t, end));
                        }
                    }
                    if self.compacts.iter().any(|c| c == a.text(t)) {
                        return Some(tok.span);
                    }
                }
                Kind::Link(i) if a.links.get(i).is_some_and(|l| self.host_matches(&l.host)) => {
                    return Some(tok.span);
                }
                Kind::Email(i)
                    if a.emails
                        .get(i)
                        .is_some_and(|e| self.host_matches(&e.domain)) =>
                {
                    return Some(tok.span);
                }
                _ => {}
            }
        }
        None
    }

    fn phrase_at(&self, a: &Analysed, start: usize, phrase: &[String]) -> Option<usize> {
        let mut t = start;
        for (k, word) in phrase.iter().enumerate() {
            if k > 0 {
                while a
                    .tok(t)
                    .is_some_and(|x| x.soft() || x.kind == Kind::Sym('.'))
                {
                    t += 1;
                }
            }
            let tok = a.tok(t)?;
            if !tok.is_wordlike() || a.text(t) != word {
                return None;
            }
            t += 1;
        }
        Some(t)
    }
}

// ---------------------------------------------------------------------------------------
// Links, phones, placeholders

/// The first link or link placeholder (§2 *link*).
pub(crate) fn link_or_placeholder(a: &Analysed) -> Option<Span> {
    let link = a.links.first().map(|l| l.span);
    let ph = a.placeholders.iter().find(|p| p.class.link).map(|p| p.span);
    match (link, ph) {
        (Some(l), Some(p)) => Some(if l.start <= p.start { l } else { p }),
        (l, p) => l.or(p),
    }
}

/// The first phone number (§2 *phone*; vanity toll-free numbers count).
pub(crate) fn phone(a: &Analysed) -> Option<Span> {
    a.phones.first().copied()
}

/// The first phone placeholder (`{{phone}}`, `[number]`).
pub(crate) fn phone_placeholder(a: &Analysed) -> Option<Span> {
    a.placeholders
        .iter()
        .find(|p| p.class.phone)
        .map(|p| p.span)
}

/// The first brand placeholder (`[Brand]`, `{company}`).
pub(crate) fn brand_placeholder(a: &Analysed) -> Option<Span> {
    a.placeholders
        .iter()
        .find(|p| p.class.brand)
        .map(|p| p.span)
}

/// The first brand or contact placeholder.
pub(crate) fn brand_or_contact_placeholder(a: &Analysed) -> Option<Span> {
    a.placeholders
        .iter()
        .find(|p| p.class.brand || p.class.contact)
        .map(|p| p.span)
}

/// Contact details for HELP: a phone, an e-mail address or a link (not placeholders).
pub(crate) fn contact(a: &Analysed) -> Option<Span> {
    a.phones
        .first()
        .copied()
        .or_else(|| a.emails.first().map(|e| e.span))
        .or_else(|| a.links.first().map(|l| l.span))
}

// ---------------------------------------------------------------------------------------
// One-time codes

const OTP_WORDS: &str = concat!(
    "verification|login|signin|logon|authentication|auth|access|security|onetime|2fa|mfa code|codes|pin|passcode\n",
    "sign|log in|on code|pin|passcode\n",
    "one time code|codes|pin|passcode|password|passcodes\n",
    "passcode|passcodes|otp|otps|pin\n",
    "!promo|promotional|coupon|discount|authorization|confirmation|tracking|order|return|gift|voucher|referral|zip|postal|area|dress|qr|reward|rewards|redemption|booking|reservation|offer|sale|event|invite|invitation|rsvp|ticket|rebate|bonus|group|class|course|product|style|sku|item|source|tax|color|colour|shipping|delivery|pickup|entry|door|gate|building|key|room|lock|lockbox|locker|wifi|parking|garage|alarm|dress|area|zip|access code is|:",
);

/// *OTP*: a code word within 40 characters of a 4–8 digit run or a code placeholder.
pub(crate) fn otp(a: &Analysed) -> Option<Span> {
    let mut codes: Vec<Span> = Vec::new();
    for (i, t) in a.toks.iter().enumerate() {
        let text = a.text(i);
        let is_code = match t.kind {
            Kind::Num => (4..=8).contains(&t.digits) && text.bytes().all(|b| b.is_ascii_digit()),
            Kind::Word => (4..=8).contains(&text.len()) && text.bytes().all(|b| b == b'x'),
            Kind::Placeholder(p) => a.placeholders.get(p).is_some_and(|p| p.class.code),
            _ => false,
        };
        if is_code {
            codes.push(t.span);
        }
    }
    if codes.is_empty() {
        return None;
    }
    first_where(a, G::OtpWords, |m| {
        let w = span_of(a, m);
        codes.iter().any(|c| {
            let gap = c
                .start
                .saturating_sub(w.end)
                .max(w.start.saturating_sub(c.end));
            gap <= 40
        })
    })
    .map(|m| span_of(a, m))
}

// ---------------------------------------------------------------------------------------
// Promotional language

const PROMO: &str = concat!(
    "# %|percent off\n",
    "$ # off\n",
    "!of sale\n",
    "discount|discounts\n",
    "coupon|coupons\n",
    "promo|promos\n",
    "use code\n",
    "shop now|today|our\n",
    "shop :\n",
    "buy now\n",
    "deal|deals !with|of\n",
    "special offer|offers\n",
    "exclusive offer|offers|deal|deals|access|discount\n",
    "limited time\n",
    "save $ #\n",
    "bogo\n",
    "clearance\n",
    "new arrivals\n",
    "!toll|feel|hands|sugar|gluten|fat|fee|duty|tax|cruelty|risk|smoke|scent|fragrance|worry|hassle|stress free shipping|gift|gifts|trial|delivery|slot|slots|sample|samples|item|items|month|upgrade|bonus|dessert|appetizer|ticket|tickets|download\n",
    "early access\n",
    "get $ #\n",
    "win a|free|cash|big\n",
    "just dropped\n",
    "flash sale",
);

/// *promotional*: the first promotional phrase (§2), including upper-case FREE/WIN/CASH.
pub(crate) fn promo(a: &Analysed) -> Option<Span> {
    let phrase = first(a, G::Promo);
    let caps = (0..a.toks.len()).find_map(|i| {
        let t = a.tok(i)?;
        let hit = t.kind == Kind::Word
            && t.upper
            && matches!(a.text(i), "free" | "win" | "cash")
            && !a
                .prev_in_sentence(i)
                .is_some_and(|p| matches!(a.text(p), "toll" | "feel"));
        hit.then_some(t.span)
    });
    match (phrase, caps) {
        (Some(p), Some(c)) => Some(if p.start <= c.start { p } else { c }),
        (p, c) => p.or(c),
    }
}

// ---------------------------------------------------------------------------------------
// Message categories

/// The primary category of a sample (§2 *category*; first match wins, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Category {
    Otp,
    Promo,
    Security,
    Delivery,
    Account,
    Appointment,
    Care,
    Poll,
    Charity,
    Other,
}

impl Category {
    /// A transactional category (UC-MKT-NO-PROMO).
    pub(crate) fn is_transactional(self) -> bool {
        matches!(
            self,
            Self::Otp
                | Self::Delivery
                | Self::Account
                | Self::Appointment
                | Self::Care
                | Self::Security
        )
    }
}

const CAT_SECURITY: &str = concat!(
    "security|fraud|fraudulent|suspicious|unauthorized|unauthorised|breach|compromised\n",
    "unusual activity|login|sign\n",
    "new login|device|sign\n",
    "login|sign detected|attempt\n",
    "secure your account",
);
const CAT_DELIVERY: &str = "order|orders|shipped|ship|ships|shipping|shipment|package|packages|parcel|delivery|delivered|deliver|tracking|track|courier|transit|pickup|dispatched";
const CAT_ACCOUNT: &str = "account|password|billing|bill|payment|paid|invoice|subscription|balance|statement|renewal|renew|plan|charge|charged|refund|autopay|membership|deposit|withdrawal";
const CAT_APPOINTMENT: &str = "appointment|appointments|reminder|booking|booked|reservation|reserved|scheduled|reschedule|visit|consultation|checkup|session";
const CAT_CARE: &str =
    "support|ticket|help|assistance|question|questions|resolved|agent|service|inquiry|request|case";
const CAT_POLL: &str = "survey|poll|feedback|vote|voting|rate|rating|recommend|opinion|review";
const CAT_CHARITY: &str = "donation|donations|donate|donor|donors|fundraiser|fundraising|nonprofit|volunteer|volunteers|charity|impact";

/// Classifies a sample, ignoring its opt-out and HELP sentences.
pub(crate) fn category(a: &Analysed) -> Category {
    if otp(a).is_some() {
        return Category::Otp;
    }
    if promo(a).is_some() {
        return Category::Promo;
    }
    let instructions = instructions(a);
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for (s, e) in a.sentences() {
        let span = a.tok_span(s, e);
        if instructions
            .iter()
            .any(|i| i.start < span.end && i.end > span.start)
        {
            dropped.push((s, e));
        }
    }
    let kept = |m: &Match| !dropped.iter().any(|&(s, e)| m.start >= s && m.start < e);
    let sets: [(G, Category); 7] = [
        (G::CatSecurity, Category::Security),
        (G::CatDelivery, Category::Delivery),
        (G::CatAccount, Category::Account),
        (G::CatAppointment, Category::Appointment),
        (G::CatCare, Category::Care),
        (G::CatPoll, Category::Poll),
        (G::CatCharity, Category::Charity),
    ];
    sets.iter()
        .find(|(g, _)| first_where(a, *g, kept).is_some())
        .map_or(Category::Other, |&(_, c)| c)
}

// ---------------------------------------------------------------------------------------
// Restricted and prohibited content (catalogue §3.6)

/// The SHAFT sub-category, because only some of them need an age gate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shaft {
    Sex,
    Hate,
    Alcohol,
    Firearms,
    Tobacco,
}

impl Shaft {
    /// The plain-words name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Sex => "adult content",
            Self::Hate => "hate content",
            Self::Alcohol => "alcohol",
            Self::Firearms => "firearms",
            Self::Tobacco => "tobacco or vaping",
        }
    }
}

const SEX: &str = concat!(
    "adult content|videos|video|entertainment|toys|toy|store|shop|films|movies|chat|cams|sites|site|websites\n",
    "xxx\n",
    "porn|porno|pornography|pornographic\n",
    "nude|nudes|nudity !lipstick|lip|lips|heels|shade|shades|color|colors|colour|palette|pumps|tones|polish|nails|nail|makeup|sandals|flats|bra|tights|hosiery\n",
    "escort|escorts !service|services|vehicle|vehicles|car|cars\n",
    "escort service|services\n",
    "onlyfans\n",
    "erotic|erotica\n",
    "sex toys|toy|chat|cams|shop|videos|video|tape|worker|workers\n",
    "strip club|clubs\n",
    "stripper|strippers|camgirl|camgirls|fetish",
);
const HATE: &str = concat!(
    "white power|supremacy|supremacist|supremacists|pride\n",
    "heil hitler\n",
    "hate group|groups\n",
    "racial purity\n",
    "master race\n",
    "ethnic cleansing",
);
const ALCOHOL: &str = concat!(
    "!root|ginger beer|beers\n",
    "wine|wines !colored|coloured|red\n",
    "liquor|liquors|whiskey|whisky|whiskeys|vodka|tequila|bourbon|rum|champagne|prosecco|mezcal|cognac\n",
    "brewery|breweries|winery|wineries|distillery|distilleries|taproom|brewpub\n",
    "!shrimp|prawn|fruit cocktail|cocktails !dress|dresses|attire|sauce|shrimp\n",
    "!ginger ale|ales\n",
    "happy hour\n",
    "margarita|margaritas|mimosa|mimosas|sangria|booze\n",
    "hard seltzer|seltzers|cider|ciders|liquor\n",
    "craft beer|beers",
);
const FIREARMS: &str = concat!(
    "firearm|firearms\n",
    "!glue|nail|heat|staple|spray|paint|water|squirt|caulk|caulking|massage|tape|label|labeling|price|radar|grease|foam|nerf|toy|bubble|glitter|tattoo|hot|airbrush|soldering|steam|lube|starter|top|glue|temperature|thermometer|hose|pressure|paintball|air|sealant|silicone|candy|cotton gun|guns\n",
    "rifle|rifles|pistol|pistols|ammo|ammunition|handgun|handguns|gunsmith|glock|revolver|revolvers\n",
    "ar 15|15s\n",
    "ar15|ar15s\n",
    "concealed carry\n",
    "shotgun|shotguns !start|starts|wedding|seat\n",
    "gun show|shows|range|ranges|shop|store|sale|sales|safety|permit|permits",
);
const TOBACCO: &str = concat!(
    "tobacco\n",
    "cigarette|cigarettes|cigar|cigars|cigarillo|cigarillos\n",
    "vape|vapes|vaping|vaper|vapes\n",
    "e cig|cigs|cigarette|cigarettes|liquid|liquids|juice\n",
    "ecig|ecigs|eliquid|eliquids\n",
    "nicotine|juul|juuls|hookah\n",
    "smoke shop|shops",
);

/// CNT-SHAFT: the first sex, hate, alcohol, firearms or tobacco hit.
pub(crate) fn shaft(a: &Analysed) -> Option<(Span, Shaft)> {
    let mut best: Option<(Span, Shaft)> = None;
    for (pats, kind) in [
        (G::Sex, Shaft::Sex),
        (G::Hate, Shaft::Hate),
        (G::Alcohol, Shaft::Alcohol),
        (G::Firearms, Shaft::Firearms),
        (G::Tobacco, Shaft::Tobacco),
    ] {
        if let Some(s) = first(a, pats) {
            if best.is_none_or(|(b, _)| s.start < b.start) {
                best = Some((s, kind));
            }
        }
    }
    best
}

/// The first age-restricted SHAFT hit (adult, alcohol, tobacco).
pub(crate) fn shaft_age_restricted(a: &Analysed) -> Option<Span> {
    [G::Sex, G::Alcohol, G::Tobacco]
        .into_iter()
        .filter_map(|g| first(a, g))
        .min_by_key(|s| s.start)
}

const CANNABIS: &str = concat!(
    "cannabis|marijuana|cbd|thc|cannabinoid|cannabinoids|dispensary|dispensaries|edibles|kush|prerolls|preroll|delta8|delta9\n",
    "delta 8|9|10\n",
    "pre rolls|roll\n",
    "weed delivery|shop|shops|strains|strain|pens|pen|dispensary|store|menu|deals|products|gummies|vape|vapes",
);

/// CNT-CANNABIS: cannabis or CBD ("weed control" is not).
pub(crate) fn cannabis(a: &Analysed) -> Option<Span> {
    first(a, G::Cannabis)
}

const GAMBLING: &str = concat!(
    "casino|casinos|sportsbook|sportsbooks|parlay|parlays|poker|blackjack|jackpot|jackpots|wager|wagers|wagering|roulette|baccarat\n",
    "sports bet|bets\n",
    "bet $\n",
    "bet now|on\n",
    "free bet|bets|spins\n",
    "!at|against|all odds !and|are|is\n",
    "slot play|machine|machines|games\n",
    "place your bets|bet",
);

/// CNT-GAMBLING.
pub(crate) fn gambling(a: &Analysed) -> Option<Span> {
    first(a, G::Gambling)
}

const PAYDAY: &str = concat!(
    "payday !is|was|will|falls|comes|lands|has|schedule|calendar|date\n",
    "cash advance|advances\n",
    "short term loan|loans|lending|lender\n",
    "title loan|loans\n",
    "no credit check|checks\n",
    "bad credit ok|okay|welcome|accepted|approved\n",
    "fast cash\n",
    "same day loan|loans",
);

/// CNT-PAYDAY.
pub(crate) fn payday(a: &Analysed) -> Option<Span> {
    first(a, G::Payday)
}

const DEBT: &str = concat!(
    "debt relief|consolidation|settlement|reduction|forgiveness|negotiation|elimination|resolution\n",
    "consolidate your? debt|debts\n",
    "credit repair\n",
    "repair your credit\n",
    "collection agency|agencies\n",
    "on behalf of your|the creditor|creditors",
);

/// CNT-DEBT (a first-party "past due" reminder does not fire).
pub(crate) fn debt(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::Debt, 4)
}

const HIGH_RISK_FIN: &str = concat!(
    "crypto|forex|trading|stock|options|bitcoin signal|signals\n",
    "crypto trading signal|signals\n",
    "guaranteed return|returns|profit|profits|income|roi\n",
    "get rich\n",
    "make|earn $ # a|per|each day\n",
    "make|earn $ # daily\n",
    "work from home\n",
    "passive income\n",
    "mlm\n",
    "multi level marketing\n",
    "stock tip|tips|picks\n",
    "double your money|investment",
);

/// CNT-HIGHRISK-FIN.
pub(crate) fn high_risk_fin(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::HighRiskFin, 3)
}

const SWEEPSTAKES: &str = concat!(
    "sweepstakes|sweepstake|giveaway|giveaways|raffle|raffles|prize|prizes\n",
    "enter to win\n",
    "chance to win\n",
    "youve won\n",
    "!to contest|contests !the|this|that|a|your|any|charges|charge\n",
    "gift card drawing",
);

/// CNT-SWEEPSTAKES.
pub(crate) fn sweepstakes(a: &Analysed) -> Option<Span> {
    first(a, G::Sweepstakes)
}

const LEADGEN: &str = concat!(
    "purchased|bought|rented|renting|buying third? party? lead|leads|list|lists|contacts|database|databases\n",
    "third party lead|leads|list|lists|contacts|database\n",
    "lead list|lists\n",
    "cold outreach|texting|text|texts|messaging|message|messages|leads|sms\n",
    "scraped|scraping\n",
    "lead generation|gen\n",
    "leadgen\n",
    "sell|sold|share|shared|sharing|selling|resell|resold ..3 leads|lead\n",
    "leads are|will be? sold|shared|resold\n",
    "network of agents|partners|affiliates|brokers|lenders\n",
    "sell|sold|selling|resell ..3 information|info|data|number|numbers|details ..3 partners|affiliates|third",
);

/// CNT-LEADGEN (negated statements such as "never shared with third parties" do not fire).
pub(crate) fn leadgen(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::Leadgen, 8)
}

const PHISHING: &str = concat!(
    "reply|provide|confirm|verify|send|text|update with|us? your ..2 card|ssn|social|password|pin|cvv|credentials|routing|login\n",
    "reply|provide|confirm|verify|send|text|update with|us? your bank account|details|info\n",
    "redelivery fee|fees|charge\n",
    "customs fee|fees|duty|charge",
);
const ACCOUNT_LOCKED: &str = "account ..3 suspended|locked|frozen|disabled|restricted|compromised|deactivated|blocked|closed";
const CLICK_VERIFY: &str = "click|verify|tap|login|confirm|validate";

/// CNT-PHISHING: a credential or payment request, or a smishing pattern.
pub(crate) fn phishing(a: &Analysed) -> Option<Span> {
    if let Some(s) = first(a, G::Phishing) {
        return Some(s);
    }
    let locked = first(a, G::AccountLocked)?;
    let click = a
        .links
        .first()
        .map(|l| l.span)
        .or_else(|| first(a, G::ClickVerify));
    click.map(|_| locked)
}

const LENDING: &str = concat!(
    "pre approved|qualified\n",
    "preapproved|prequalified\n",
    "get|been approved ..3 loan|loans|credit|financing\n",
    "get approved\n",
    "loan offer|offers\n",
    "apply|qualify for a|an|your ..2 loan|loans\n",
    "auto|car|personal loan|loans\n",
    "borrow up to\n",
    "line of credit\n",
    "cash advance|advances",
);

/// FLAG-DIRECTLENDING: loan-offer content.
pub(crate) fn lending(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::Lending, 3)
}

// ---------------------------------------------------------------------------------------
// Sample quality

const GENERIC: &str = concat!(
    "this is a test\n",
    "test message|messages|msg|text|sms\n",
    "sample message|messages|text|sms|msg\n",
    "lorem ipsum\n",
    "message from our company\n",
    "for verification purposes",
);
const THIS_IS_PLACEHOLDER: &str = "this is <ph>";

/// SMP-GENERIC: placeholder, test or contentless text.
pub(crate) fn generic(a: &Analysed) -> Option<Span> {
    if let Some(s) = first(a, G::Generic) {
        return Some(s);
    }
    // "Hello {name}, this is {company}": a brand placeholder, or one that ends the sentence.
    let ph = first_where(a, G::ThisIsPlaceholder, |m| {
        let last = m.end.saturating_sub(1);
        let brand = matches!(a.tok(last).map(|t| t.kind), Some(Kind::Placeholder(p)) if a.placeholders.get(p).is_some_and(|p| p.class.brand));
        brand || a.tok(m.end).is_none_or(|t| t.hard)
    });
    ph.map(|m| span_of(a, m))
}

/// Words left once placeholders (and links, phones, e-mails) are removed.
pub(crate) fn content_words(a: &Analysed) -> usize {
    a.word_count()
}

const AUTORESPONSE: &str = concat!(
    "you have|youve been? unsubscribed|removed\n",
    "you have|youve been? opted out\n",
    "you are|youre|been now? unsubscribed\n",
    "no more messages|texts|msgs|alerts will be sent\n",
    "will no longer receive ..2 messages|texts|msgs|alerts|notifications|sms",
);

/// SMP-AUTORESPONSE: the text of a STOP confirmation.
pub(crate) fn autoresponse(a: &Analysed) -> Option<Span> {
    first(a, G::Autoresponse)
}

const SPAM: &str = concat!(
    "act now\n",
    "winner|winners\n",
    "youve won\n",
    "you won|have won\n",
    "congratulations|congrats\n",
    "cash prize|prizes\n",
    "risk free\n",
    "riskfree\n",
    "guaranteed\n",
    "click here\n",
    "claim your|now\n",
    "! ! !\n",
    "$ $ $",
);

/// SMP-SPAM-TRIGGERS: upper-case FREE/WIN/WINNER/CASH/URGENT/PRIZE or a trigger phrase.
pub(crate) fn spam(a: &Analysed) -> Option<Span> {
    let caps = (0..a.toks.len()).find_map(|i| {
        let t = a.tok(i)?;
        let hit = t.kind == Kind::Word
            && t.upper
            && t.letters >= 3
            && matches!(
                a.text(i),
                "free" | "win" | "winner" | "cash" | "urgent" | "prize"
            )
            && a.prev_in_sentence(i).is_none_or(|p| a.text(p) != "toll");
        hit.then_some(t.span)
    });
    let phrase = first(a, G::Spam);
    match (caps, phrase) {
        (Some(c), Some(p)) => Some(if c.start <= p.start { c } else { p }),
        (c, p) => c.or(p),
    }
}

/// SMP-ALLCAPS counts: `(capitalised words, counted words)`, with keywords, brand
/// tokens, acronyms and words containing digits left out.
pub(crate) fn caps_counts(a: &Analysed, excluded: &dyn Fn(&str) -> bool) -> (usize, usize) {
    let mut caps = 0;
    let mut total = 0;
    for i in 0..a.toks.len() {
        let Some(t) = a.tok(i) else { break };
        if t.kind != Kind::Word || t.digits > 0 || t.letters < 2 {
            continue;
        }
        let original = a.slice(t.span);
        if t.upper && excluded(&original) {
            continue;
        }
        total += 1;
        if t.upper {
            caps += 1;
        }
    }
    (caps, total)
}

// ---------------------------------------------------------------------------------------
// Message flow (catalogue §3.7)

const MECHANISM: &str = concat!(
    "check|checks|checked|checking|tick|ticks|ticking|ticked ..8 box|boxes|checkbox|checkboxes\n",
    "checkbox|checkboxes\n",
    "check box|boxes\n",
    "checking|check|checks i agree|accept|consent\n",
    "text|texting|texts|texted|reply|replying|replies|txt|send|sending|sends the? keyword? <up> to\n",
    "keyword|keywords\n",
    "verbal|verbally|ivr\n",
    "press #\n",
    "paper ..2 form|forms\n",
    "written consent\n",
    "enter|enters|entering|entered|provide|provides|providing|provided ..6 phone|mobile|cell|cellphone ..1 number|numbers\n",
    "click|clicks|clicking|clicked ..5 button|submit|agree\n",
    "toggle|toggles|toggling|toggled|enable|enables|enabling|enabled ..5 sms|alerts\n",
    "qr code|codes\n",
    "double opt in|optin\n",
    "web|online|signup form|forms\n",
    "sign up form|forms\n",
    "webform|webforms\n",
    "select|selects|selecting|selected|choose|chooses|choosing|chose ..6 receive|2fa",
);

/// FLOW-MECHANISM: a concrete consent-capture step ("opt in" alone is not one).
pub(crate) fn mechanism(a: &Analysed, env: &Env<'_>) -> Option<Span> {
    first_where(a, G::Mechanism, |m| {
        // "Reply STOP to cancel" describes opting out, not a keyword opt-in.
        !(m.start..m.end).any(|i| {
            a.tok(i).is_some_and(|t| t.upper && t.kind == Kind::Word)
                && (env.optout_keywords.iter().any(|k| k == a.text(i))
                    || matches!(a.text(i), "help" | "info"))
        })
    })
    .map(|m| span_of(a, m))
}

const IMPLIED: &str = concat!(
    "pre checked|selected|ticked|check|checks|filled|populated\n",
    "prechecked|preselected|preticked\n",
    "checked|selected|ticked|enabled by default\n",
    "automatically|auto enrolled|enroll|enrolls|subscribed|added|included\n",
    "automatically|auto opted|signed in|up\n",
    "by using our|this|the site|website|app|service|services|platform\n",
    "by accepting|agreeing|accept|agree to? our|the terms|tos\n",
    "included|include|listed|part in|of our|the tos|terms\n",
    "must agree|accept|consent to ..3 receive|texts|sms|messages\n",
    "condition of service|employment|use|membership|enrollment|registration|purchase|sale\n",
    "we may contact|text|message you",
);

/// FLOW-IMPLIED: implied or bundled consent (skipped after "not"/"never").
pub(crate) fn implied(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::Implied, 4)
}

const WEB_WORDS: &str = concat!(
    "website|websites|online|checkout|portal|app|apps|webform|webpage|site\n",
    "web site|form|page|portal\n",
    "check out",
);

/// FLOW-WHERE: the flow talks about a website, checkout, portal or app.
pub(crate) fn web_words(a: &Analysed) -> Option<Span> {
    first(a, G::WebWords)
}

const SMS_WORDS: &str = "sms|text|texts|texting|texted|txt|mms|textmessage|textmessages|smss";

/// FLOW-SMS: SMS or texts are mentioned (links are single tokens, so URLs don't count).
pub(crate) fn sms_words(a: &Analysed) -> Option<Span> {
    first(a, G::SmsWords)
}

const TYPES: &str = "update*|alert*|reminder*|code|codes|offer*|confirmation*|order|orders|appointment*|billing|notification*|notice*|promotion*|marketing|receipt*|shipping|delivery|deliveries|news*|survey*|poll|polls|feedback|donation*|fundraising|sale|sales|deal|deals|discount*|coupon*|passcode*|passwords|verification|otp|otps|account|security|ticket*|support|payment*|invoice*|statement*|event*|tips|announcement*|reservation*|booking*|status|promo*|specials|recall*|outage*|transaction*|fraud|schedule*|class|classes";

/// FLOW-TYPES: the flow says what kinds of messages arrive.
pub(crate) fn message_types(a: &Analysed) -> Option<Span> {
    first(a, G::Types)
}

const FREQ: &str = concat!(
    "frequency|freq|recurring|recurrent|varies|vary|weekly|monthly|daily|occasional|occasionally|periodic\n",
    "one time\n",
    "onetime\n",
    "up to # ..2 msg|msgs|message|messages|texts|text|alerts|sms\n",
    "msg|msgs|message|messages|texts|alerts|sms / ? month|mo|week|wk|day|year\n",
    "per|a|each|every month|week|day|year\n",
    "# msg|msgs|messages|texts|alerts per|a|each ..1 month|week|day",
);

/// FLOW-FREQ / AR-OPTIN-CONTENT: a message-frequency disclosure.
pub(crate) fn frequency(a: &Analysed) -> Option<Span> {
    first(a, G::Freq)
}

const RATES: &str = concat!(
    "msg|msgs|message|messages|messaging|sms|text and data rates|rate\n",
    "data rates|rate\n",
    "standard ..3 rates\n",
    "rates may apply\n",
    "carrier rates|fees",
);

/// FLOW-RATES / AR-OPTIN-CONTENT: "Msg & data rates may apply".
pub(crate) fn rates(a: &Analysed) -> Option<Span> {
    first(a, G::Rates)
}

const CONDITION: &str = concat!(
    "not|never|nor ..4 condition of ..2 purchase|purchasing|buying|any|service\n",
    "not|never ..2 required ..4 purchase|purchasing|buy|buying\n",
    "not|never ..2 required for|to ..2 purchase|purchasing|buy|buying\n",
    "no purchase necessary|required|needed\n",
    "not|never ..2 condition of purchase",
);

/// FLOW-CONDITION: "Consent is not a condition of purchase".
pub(crate) fn not_a_condition(a: &Analysed) -> Option<Span> {
    first(a, G::Condition)
}

const PRIVACY: &str = concat!("privacy|terms|tos|tandc|tnc\n", "t and c");

/// FLOW-PRIVACY: a privacy-policy or terms reference.
pub(crate) fn privacy(a: &Analysed) -> Option<Span> {
    first(a, G::Privacy)
}

const MKT_TYPES: &str = "promotion|promotions|promotional|promo|promos|marketing|offer|offers|deal|deals|discount|discounts|sale|sales|coupon|coupons|specials";

/// FLOW-MKT-TYPES: the flow covers marketing messages.
pub(crate) fn marketing_words(a: &Analysed) -> Option<Span> {
    first(a, G::MktTypes)
}

const DESC_PROMO: &str = concat!(
    "promotion|promotions|promotional|marketing|discount|discounts|deals|coupon|coupons\n",
    "special offer|offers\n",
    "flash sale|sales",
);

/// UC-DESC-MISMATCH: the description promises promotions ("no marketing" does not).
pub(crate) fn description_promo(a: &Analysed) -> Option<Span> {
    first_not_negated(a, G::DescPromo, 5)
}

const SWEEP_TERMS: &str = concat!("rules|terms|tos\n", "no purchase necessary");

/// UC-SWEEPSTAKES-TERMS: rules or terms are mentioned.
pub(crate) fn sweepstakes_terms(a: &Analysed) -> Option<Span> {
    first(a, G::SweepTerms)
}

const VAGUE_DESC: &str = "we send marketing|promotional|text|sms? texts|messages|sms|text ..4 customers|users|clients|people|subscribers|you";

/// DESC-VAGUE: "we send (marketing) texts/messages (to customers)" and little else.
pub(crate) fn vague_description(a: &Analysed) -> Option<Span> {
    let m = hits(a, G::VagueDesc).first()?;
    // Only when that is (nearly) the whole description.
    let rest = a.word_count().saturating_sub(m.end.saturating_sub(m.start));
    (m.start <= 1 && rest <= 3).then(|| span_of(a, m))
}

const OPTOUT_CONFIRM: &str = concat!(
    "unsubscribed|optedout|removed|unenrolled\n",
    "opted out\n",
    "no more|further|longer\n",
    "will not|wont receive",
);

/// AR-OPTOUT-CONTENT: the STOP reply confirms that messages end.
pub(crate) fn optout_confirmation(a: &Analysed) -> Option<Span> {
    first(a, G::OptoutConfirm)
}

const EXPIRY: &str = concat!(
    "expire|expires|expiring|expired|expiry|expiration\n",
    "valid for\n",
    "good for\n",
    "within # minutes|mins|min|hours",
);

/// The 2FA expiry advice: "This code expires in 10 minutes".
pub(crate) fn expiry(a: &Analysed) -> Option<Span> {
    first(a, G::Expiry)
}

const KW_OPTOUT: &str = concat!(
    "reply|text|txt|send|respond with|back? <up> to stop|opt|optout|unsubscribe|unsub|cancel|end|quit|remove|leave|be\n",
    "<up> to stop|opt|optout|unsubscribe|unsub|cancel|quit|remove|leave|be",
);
const KW_HELP: &str = concat!(
    "reply|text|txt|send|respond with|back? <up> for help|support|assistance|info|questions\n",
    "<up> for help|support|assistance",
);
const KW_OPTIN: &str = concat!(
    "text|texting|txt|reply|replying|send|sending <up> to #\n",
    "text|texting|txt|reply|replying|send|sending <up> to join|subscribe|opt|optin|signup|sign|start|resubscribe|receive|enroll",
);

/// Which keyword list an instruction in the text relies on (KW-UNLISTED).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeywordList {
    OptIn,
    OptOut,
    Help,
}

/// Keywords the text instructs people to send, with the list each belongs to.
pub(crate) fn instructed_keywords(a: &Analysed) -> Vec<(String, Span, KeywordList)> {
    let mut out = Vec::new();
    for (pats, list) in [
        (G::KwOptout, KeywordList::OptOut),
        (G::KwHelp, KeywordList::Help),
        (G::KwOptin, KeywordList::OptIn),
    ] {
        for m in hits(a, pats) {
            let kw = (m.start..m.end).find(|&i| {
                a.tok(i).is_some_and(|t| {
                    t.kind == Kind::Word && t.upper && t.letters >= 2 && t.digits == 0
                })
            });
            if let Some(i) = kw {
                let word = a.text(i).to_ascii_uppercase();
                if matches!(word.as_str(), "US" | "ME" | "IT" | "OK" | "A" | "I") {
                    continue;
                }
                if let Some(t) = a.tok(i) {
                    out.push((word, t.span, list));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Near-duplicates

/// Normalises a sample for the near-duplicate check (§2 *near-duplicate*): lower case,
/// placeholders → `v`, links → `u`, opt-out and HELP sentences dropped, digits → `#`.
pub(crate) fn dedup_key(a: &Analysed) -> Vec<char> {
    let instructions = instructions(a);
    let mut out: Vec<char> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for (s, e) in a.sentences() {
        let span = a.tok_span(s, e);
        if instructions
            .iter()
            .any(|i| i.start < span.end && i.end > span.start)
        {
            continue;
        }
        if prev_end.is_some() && !out.is_empty() {
            out.push(' ');
        }
        let mut c = span.start;
        for i in s..e {
            let Some(t) = a.tok(i) else { break };
            // Keep the original spacing between tokens.
            while c < t.span.start {
                if let Some(&ch) = a.lower.get(c) {
                    out.push(if ch.space() { ' ' } else { ch });
                }
                c += 1;
            }
            match t.kind {
                Kind::Placeholder(_) => out.push('v'),
                Kind::Link(_) => out.push('u'),
                Kind::Sym('\n') => {}
                _ => {
                    for &ch in a.lower.get(t.span.start..t.span.end).unwrap_or(&[]) {
                        out.push(if ch.is_ascii_digit() { '#' } else { ch });
                    }
                }
            }
            c = t.span.end;
        }
        prev_end = Some(span.end);
    }
    // Trim.
    while out.last().is_some_and(|c| c.space()) {
        out.pop();
    }
    let lead = out.iter().take_while(|c| c.space()).count();
    out.drain(..lead);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// A field scanned with the default keywords.
    fn sc(text: &str) -> Analysed {
        let o: Vec<String> = super::super::tables::OPT_OUT_KEYWORDS
            .iter()
            .map(|s| s.to_string())
            .collect();
        let h = vec!["help".to_string()];
        let mut a = Analysed::new(text);
        scan(
            &mut a,
            &Env {
                optout_keywords: &o,
                help_keywords: &h,
            },
        );
        a
    }

    fn env_kws() -> (Vec<String>, Vec<String>) {
        (
            super::super::tables::OPT_OUT_KEYWORDS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            vec!["help".to_string()],
        )
    }

    fn optout_hit(s: &str) -> bool {
        opt_out(&sc(s)).is_some()
    }

    #[test]
    fn opt_out_shapes() {
        assert!(optout_hit("Reply STOP to opt out."));
        assert!(optout_hit("Txt STOP to unsubscribe"));
        assert!(optout_hit("Reply HELP for help, STOP to cancel."));
        assert!(optout_hit("Opt out: reply STOP"));
        assert!(optout_hit("To unsubscribe, text STOP"));
        assert!(optout_hit("Reply \u{201C}STOP\u{201D} to end"));
        assert!(!optout_hit("We fly nonstop to Denver."));
        assert!(!optout_hit("Stop by our store today."));
        assert!(!optout_hit("Unsubscribe: acme.com/unsub"));
        assert!(!optout_hit("Your chats are end-to-end encrypted."));
    }

    #[test]
    fn brand_matching() {
        let b = Brand::new(&["Acme Corp"]);
        assert!(b.find(&sc("Acme: your order shipped")).is_some());
        assert!(b.find(&sc("Email admin@acmecorp.com")).is_some());
        assert!(b.find(&sc("see support.acme.com")).is_some());
        assert!(b.find(&sc("Your order shipped")).is_none());
        let jane = Brand::new(&["Jane Smith Consulting"]);
        assert!(jane.find(&sc("Hi Jane, see you tomorrow")).is_none());
        assert!(jane.find(&sc("Jane Smith Consulting: see you")).is_some());
        let hope = Brand::new(&["Habitat for Hope"]);
        assert!(hope.find(&sc("Give at habitatforhope.org/give")).is_some());
        let att = Brand::new(&["AT&T"]);
        assert!(att.find(&sc("AT&T: bill ready")).is_some());
    }

    #[test]
    fn otp_and_promo() {
        assert!(otp(&sc("Your Acme verification code is 847291.")).is_some());
        assert!(otp(&sc("Your Telnyx OTP is XXXX")).is_some());
        assert!(otp(&sc("Your code: {{code}}")).is_some());
        assert!(otp(&sc("Use code SUMMER30 at checkout")).is_none());
        assert!(otp(&sc("Your return authorization code RA-482913 is ready")).is_none());
        assert!(otp(&sc("If you didn't request this code, call 1-800-555-0199")).is_none());
        assert!(promo(&sc("Get 30% off all items")).is_some());
        assert!(promo(&sc("Get a FREE tote")).is_some());
        assert!(promo(&sc("Feel free to call our toll-free line")).is_none());
        assert!(promo(&sc("Call our TOLL-FREE line")).is_none());
    }

    #[test]
    fn content_near_misses() {
        assert!(cannabis(&sc("Spring weed control service is scheduled")).is_none());
        assert!(cannabis(&sc("Same-day weed delivery")).is_some());
        assert!(shaft(&sc("Adult education classes start Monday")).is_none());
        assert!(shaft(&sc("Shotgun start at 8 AM")).is_none());
        assert!(shaft(&sc("We hate to see you go")).is_none());
        assert!(shaft(&sc("Your hot glue gun shipped")).is_none());
        assert!(shaft(&sc("New rifles in stock")).is_some());
        assert!(debt(&sc("Your payment is past due")).is_none());
        assert!(
            leadgen(&sc(
                "Your number is never shared with third parties or partners"
            ))
            .is_none()
        );
        assert!(phishing(&sc("Enter this code to complete your password reset")).is_none());
        assert!(phishing(&sc("Verify your password at acme-login.com")).is_some());
    }

    #[test]
    fn flow_details() {
        let (o, h) = env_kws();
        let env = Env {
            optout_keywords: &o,
            help_keywords: &h,
        };
        assert!(mechanism(&sc("Customers opt in at checkout."), &env).is_none());
        assert!(mechanism(&sc("Users sign up on our website."), &env).is_none());
        assert!(mechanism(&sc("by checking a consent box"), &env).is_some());
        assert!(mechanism(&sc("By texting JOIN to 55123"), &env).is_some());
        assert!(mechanism(&sc("Opt in online. Reply STOP to cancel."), &env).is_none());
        assert!(implied(&sc("Consent is not required as a condition of purchase.")).is_none());
        assert!(implied(&sc("The box is pre-checked.")).is_some());
        assert!(not_a_condition(&sc("Consent is not a condition of purchase.")).is_some());
        assert!(not_a_condition(&sc("Consent is not required for purchase.")).is_some());
    }

    #[test]
    fn dedup_keys() {
        let k = |s: &str| dedup_key(&sc(s)).into_iter().collect::<String>();
        assert_eq!(
            k("Order 123 shipped! Track at acme.com/t. Reply STOP to opt out."),
            "order ### shipped! track at u."
        );
        assert_eq!(
            k("Hi {{name}}, order 9 shipped. Reply STOP to opt out."),
            "hi v, order # shipped."
        );
    }
}
