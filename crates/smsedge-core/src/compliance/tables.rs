//! Fixed lists the rules check against. Each list names its source.
//!
//! A list is one string of space-separated words, not a `&[&str]`: no pointer and
//! length per word in the wasm data.

/// A word list: words separated by single spaces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words(pub(crate) &'static str);

impl Words {
    /// The words, in order.
    pub(crate) fn iter(self) -> core::str::Split<'static, char> {
        self.0.split(' ')
    }

    /// Whether `word` is in the list (exactly).
    pub(crate) fn has(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// TCR campaign use cases (*[Campaign Registration]* use-case tables, plus the TCR
/// special use cases Telnyx passes through).
pub(crate) const USE_CASES: Words = Words(
    "2FA ACCOUNT_NOTIFICATION AGENTS_FRANCHISES CARRIER_EXEMPT CHARITY CUSTOMER_CARE DELIVERY_NOTIFICATION EMERGENCY FRAUD_ALERT HIGHER_EDUCATION K12_EDUCATION LOW_VOLUME M2M MARKETING MIXED PLATFORM_FREE_TRIAL POLITICAL POLLING_VOTING PROXY PUBLIC_SERVICE_ANNOUNCEMENT SECURITY_ALERT SOCIAL SOLE_PROPRIETOR SWEEPSTAKES UCAAS_HIGH UCAAS_LOW",
);

/// Transactional use cases (catalogue "TXN").
pub(crate) const TXN: Words = Words(
    "2FA ACCOUNT_NOTIFICATION CUSTOMER_CARE DELIVERY_NOTIFICATION SECURITY_ALERT FRAUD_ALERT EMERGENCY PUBLIC_SERVICE_ANNOUNCEMENT",
);

/// Non-commercial use cases where promotions are a risk (catalogue "OTHER").
pub(crate) const OTHER: Words =
    Words("POLLING_VOTING CHARITY POLITICAL HIGHER_EDUCATION K12_EDUCATION SOCIAL");

/// Use cases that may carry one-time codes besides 2FA.
pub(crate) const OTP_ALLOWED: Words =
    Words("2FA MIXED LOW_VOLUME SOLE_PROPRIETOR AGENTS_FRANCHISES");

/// Use cases that mix message types (FLOW-CONDITION / FLOW-PRIVACY / FLOW-MKT-TYPES scope).
pub(crate) const MIXED_LIKE: Words = Words("MIXED LOW_VOLUME SOLE_PROPRIETOR AGENTS_FRANCHISES");

/// Default opt-out keywords (*[Opt-In/Out Management]* default behaviour, plus OPTOUT and REVOKE).
pub(crate) const OPT_OUT_KEYWORDS: Words =
    Words("stop stopall end cancel unsubscribe quit optout revoke");

/// Keywords that are commands, not shouting (excluded from SMP-ALLCAPS).
pub(crate) const COMMAND_WORDS: Words = Words(
    "STOP STOPALL END CANCEL UNSUBSCRIBE QUIT OPTOUT REVOKE HELP INFO START UNSTOP YES NO JOIN SUBSCRIBE Y N",
);

/// Common acronyms that are written in capitals anyway (excluded from SMP-ALLCAPS).
pub(crate) const ACRONYMS: Words = Words(
    "AM PM EST EDT CST CDT MST MDT PST PDT ET CT MT PT UTC GMT SMS MMS OTP PIN ID US USA UK FAQ ASAP DM TV OK HR IT CEO ETA VIP ATM API URL HTTP HTTPS WWW APR FAQS DMV IRS EIN SSN DOB RSVP MD DDS DVM NY NYC LA SF CA TX FL II III IV PO APT ST AVE RD BLVD LLC INC CO LTD CORP QR PDF FYI TBD ETA EV AC HVAC COVID ER ICU BOGO NA AI IOS GPS PS RE FWD DC MFA FA IVR TCPA CTIA MNO TCR T A B C D X",
);

/// Known top-level domains for scheme-less links (`acme.com/track`). File extensions
/// that are also TLDs (`.zip`, `.mov`, `.md`) are left out on purpose.
pub(crate) const TLDS: Words = Words(
    "com org net edu gov mil int io co us ca uk info biz app dev ai me ly gl gd gy cc at id in to be ws la tv fm sh xyz online site shop store tech health care clinic law church news blog club life live link page pro cloud email space website agency solutions services studio design media world network events finance bank insurance realty homes gg de fr es nl au nz mx br jp cn ru ie ch eu asia mobi travel coop jobs menu restaurant salon dental vet fitness golf academy school university ae ee",
);

/// Public URL shorteners (LNK-SHORTENER): the catalogue list plus A2PCheck's common ones.
pub(crate) const SHORTENERS: Words = Words(
    "bit.ly bitly.com tinyurl.com goo.gl ow.ly t.co is.gd buff.ly cutt.ly rb.gy t.ly shorturl.at tiny.cc rebrand.ly s.id lnkd.in bl.ink tiny.one v.gd qr.ae shorte.st adf.ly t2m.io x.co mcaf.ee su.pr db.tt fb.me trib.al soo.gd clck.ru 2.gy short.io shorturl.com snip.ly bit.do cli.gs tr.im ift.tt dlvr.it po.st u.to qr.net 1url.com tweez.me v.ht x.gd zpr.io kutt.it urlz.fr smarturl.it linktr.ee tinu.be shrtco.de",
);

/// Toll-free area codes (*[Toll-Free Verification]*: 800, 888, 877, 866, 855, 844, 833).
/// North American toll-free area codes (TFV-NUMBER-TYPE, and telling toll-free numbers
/// apart in sample text).
pub(crate) const TOLL_FREE_NPAS: Words = Words("800 888 877 866 855 844 833");

/// Free-mail domains (BRD-EMAIL-DOMAIN, TFV-EMAIL-FREE).
pub(crate) const FREE_MAIL: Words = Words(
    "gmail.com googlemail.com yahoo.com ymail.com rocketmail.com hotmail.com outlook.com live.com msn.com aol.com icloud.com me.com mac.com protonmail.com proton.me gmx.com gmx.net mail.com yandex.com comcast.net att.net verizon.net sbcglobal.net hotmail.co.uk yahoo.co.uk inbox.com fastmail.com tutanota.com zoho.com qq.com 163.com",
);

/// US states, DC and territories, and Canadian provinces (BRD-STATE).
pub(crate) const STATES: Words = Words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP AB BC MB NB NL NS NT NU ON PE QC SK YT",
);

/// Brand entity types (*[Brand Registration]* entity-type table).
pub(crate) const ENTITY_TYPES: Words =
    Words("PRIVATE_PROFIT PUBLIC_PROFIT NON_PROFIT GOVERNMENT SOLE_PROPRIETOR");

/// Industry verticals (*[Brand Registration]* "Industry verticals"; NONPROFIT is listed
/// as valid by the *[Sole Proprietor]* guide).
pub(crate) const VERTICALS: Words = Words(
    "PROFESSIONAL REAL_ESTATE HEALTHCARE HUMAN_RESOURCES ENERGY ENTERTAINMENT RETAIL TRANSPORTATION AGRICULTURE INSURANCE POSTAL EDUCATION HOSPITALITY FINANCIAL POLITICAL GAMBLING LEGAL CONSTRUCTION NGO MANUFACTURING GOVERNMENT TECHNOLOGY COMMUNICATION NONPROFIT",
);

/// Legal-name suffixes removed when normalising a brand, and required by TFV-LEGAL-NAME.
pub(crate) const LEGAL_SUFFIXES: Words = Words(
    "inc incorporated llc l.l.c corp corporation co company ltd limited lp llp pllc pc plc pa gmbh ag sa nv bv lc ltda pty",
);
