//! How long a send takes at Telnyx's documented throughput.
//!
//! The figures are the Telnyx "Rate Limiting" and "10DLC Rate Limits" pages: per sender
//! long codes (outside 10DLC) and alphanumeric IDs send 0.1 MPS, toll-free numbers 20 MPS
//! and short codes 1,000 MPS, each per number; a US 10DLC campaign sends at its AT&T
//! message class (messages per minute, per campaign or for classes G and N per number);
//! and the account sends at most 50 SMS per second. Throughput counts segments: a
//! 3-segment message uses three messages of the rate, as the queue lengths in segments show.

/// The account-wide SMS rate limit, in segments per second.
pub const ACCOUNT_SMS_MPS: f64 = 50.0;

/// AT&T 10DLC message classes (Telnyx "10DLC Rate Limits" page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttClass {
    /// Standard, dedicated use case, vetting score 75–100: 4,500 TPM.
    A,
    /// Standard, mixed or marketing, vetting score 75–100: 4,500 TPM.
    B,
    /// Standard, dedicated, vetting score 50–74: 2,400 TPM.
    C,
    /// Standard, mixed or marketing, vetting score 50–74: 2,400 TPM.
    D,
    /// Standard, dedicated, vetting score 1–49 (or unvetted): 240 TPM.
    E,
    /// Standard, mixed or marketing, vetting score 1–49 (or unvetted): 240 TPM.
    F,
    /// Low volume mixed: 75 TPM.
    T,
    /// Sole proprietor: 15 TPM.
    W,
    /// Political: 4,500 TPM.
    K,
    /// Charity or nonprofit: 2,400 TPM.
    P,
    /// Social: 9,000 TPM.
    S,
    /// Emergency or public safety: 4,500 TPM.
    X,
    /// Proxy: 60 TPM per number.
    G,
    /// Agents and franchises: 60 TPM per number.
    N,
}

impl AttClass {
    /// SMS throughput per minute, and whether it is per number (else per campaign).
    #[must_use]
    pub const fn sms_tpm(self) -> (u32, bool) {
        match self {
            Self::A | Self::B | Self::K | Self::X => (4_500, false),
            Self::C | Self::D | Self::P => (2_400, false),
            Self::E | Self::F => (240, false),
            Self::T => (75, false),
            Self::W => (15, false),
            Self::S => (9_000, false),
            Self::G | Self::N => (60, true),
        }
    }

    /// The class of a standard use case from the brand's vetting score (0 = unvetted).
    #[must_use]
    pub const fn standard(vetting_score: u8, dedicated: bool) -> Self {
        match (vetting_score, dedicated) {
            (75.., true) => Self::A,
            (75.., false) => Self::B,
            (50..=74, true) => Self::C,
            (50..=74, false) => Self::D,
            (_, true) => Self::E,
            (_, false) => Self::F,
        }
    }

    /// Parses a class letter.
    #[must_use]
    pub fn from_letter(letter: &str) -> Option<Self> {
        Some(match letter {
            "A" => Self::A,
            "B" => Self::B,
            "C" => Self::C,
            "D" => Self::D,
            "E" => Self::E,
            "F" => Self::F,
            "T" => Self::T,
            "W" => Self::W,
            "K" => Self::K,
            "P" => Self::P,
            "S" => Self::S,
            "X" => Self::X,
            "G" => Self::G,
            "N" => Self::N,
            _ => return None,
        })
    }
}

/// Where the messages go out from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// Long codes outside US 10DLC: 0.1 MPS per number.
    LongCode,
    /// Toll-free numbers: 20 MPS per number.
    TollFree,
    /// Short codes: 1,000 MPS per number.
    ShortCode,
    /// Alphanumeric sender IDs: 0.1 MPS per ID.
    Alphanumeric,
    /// US long codes on a 10DLC campaign of this AT&T class.
    TenDlc(AttClass),
}

/// Which limit set the pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// The senders' own throughput.
    Sender,
    /// The account's 50 SMS per second.
    Account,
}

/// A send to estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    /// The route.
    pub route: Route,
    /// Numbers (or sender IDs) sending in parallel; at least 1.
    pub senders: u32,
    /// Recipients, one message each.
    pub recipients: u64,
    /// Segments per message.
    pub segments: u64,
}

/// How long a send takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Segments sent in all.
    pub total_segments: u64,
    /// Segments per second actually achieved.
    pub segments_per_second: f64,
    /// Seconds from first to last segment.
    pub seconds: f64,
    /// Which limit set that pace.
    pub limited_by: Limit,
}

/// Why a plan cannot be estimated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ThroughputError {
    /// `senders` is 0.
    #[error("at least one sending number is needed")]
    NoSenders,
}

impl ThroughputError {
    /// The stable string code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NoSenders => "no_senders",
        }
    }
}

/// Estimates the duration of a send.
///
/// # Errors
/// [`ThroughputError::NoSenders`] when `senders` is 0.
pub fn estimate(plan: &Plan) -> Result<Estimate, ThroughputError> {
    if plan.senders == 0 {
        return Err(ThroughputError::NoSenders);
    }
    let senders = f64::from(plan.senders);
    let sender_rate = match plan.route {
        Route::LongCode | Route::Alphanumeric => 0.1 * senders,
        Route::TollFree => 20.0 * senders,
        Route::ShortCode => 1_000.0 * senders,
        Route::TenDlc(class) => {
            let (tpm, per_number) = class.sms_tpm();
            let per_second = f64::from(tpm) / 60.0;
            if per_number {
                per_second * senders
            } else {
                per_second
            }
        }
    };
    let (rate, limited_by) = if sender_rate > ACCOUNT_SMS_MPS {
        (ACCOUNT_SMS_MPS, Limit::Account)
    } else {
        (sender_rate, Limit::Sender)
    };
    let total_segments = plan.recipients.saturating_mul(plan.segments);
    Ok(Estimate {
        total_segments,
        segments_per_second: rate,
        seconds: total_segments as f64 / rate,
        limited_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(route: Route, senders: u32, recipients: u64, segments: u64) -> Plan {
        Plan {
            route,
            senders,
            recipients,
            segments,
        }
    }

    #[test]
    fn documented_rates() {
        // Rate Limiting page: one toll-free number, 20 MPS.
        let e = estimate(&plan(Route::TollFree, 1, 1_000, 2)).unwrap();
        assert_eq!(
            (e.total_segments, e.segments_per_second, e.seconds),
            (2_000, 20.0, 100.0)
        );
        assert_eq!(e.limited_by, Limit::Sender);
        // Five toll-free numbers would be 100 MPS, but the account sends 50.
        let e = estimate(&plan(Route::TollFree, 5, 1_000, 1)).unwrap();
        assert_eq!(
            (e.segments_per_second, e.limited_by),
            (50.0, Limit::Account)
        );
        // A long code outside 10DLC: 0.1 MPS, so 10 segments take 100 s.
        assert_eq!(
            estimate(&plan(Route::LongCode, 1, 10, 1)).unwrap().seconds,
            100.0
        );
        assert_eq!(
            estimate(&plan(Route::ShortCode, 1, 1, 1))
                .unwrap()
                .limited_by,
            Limit::Account
        );
    }

    #[test]
    fn ten_dlc_classes() {
        // 4,500 TPM = 75 MPS, above the account's 50.
        let e = estimate(&plan(Route::TenDlc(AttClass::A), 1, 100, 1)).unwrap();
        assert_eq!(e.segments_per_second, 50.0);
        // Sole proprietor: 15 TPM, 60 segments take 4 minutes.
        assert_eq!(
            estimate(&plan(Route::TenDlc(AttClass::W), 3, 60, 1))
                .unwrap()
                .seconds,
            240.0
        );
        // Proxy is per number.
        assert_eq!(
            estimate(&plan(Route::TenDlc(AttClass::G), 2, 120, 1))
                .unwrap()
                .seconds,
            60.0
        );
        assert_eq!(AttClass::standard(80, true), AttClass::A);
        assert_eq!(AttClass::standard(60, false), AttClass::D);
        assert_eq!(AttClass::standard(0, false), AttClass::F);
        assert_eq!(
            AttClass::from_letter("S").map(AttClass::sms_tpm),
            Some((9_000, false))
        );
        assert_eq!(AttClass::from_letter("Z"), None);
    }

    #[test]
    fn no_senders_and_huge_numbers() {
        assert_eq!(
            estimate(&plan(Route::TollFree, 0, 1, 1))
                .unwrap_err()
                .code(),
            "no_senders"
        );
        assert_eq!(
            estimate(&plan(Route::TollFree, 1, u64::MAX, 10))
                .unwrap()
                .total_segments,
            u64::MAX
        );
    }
}
