//! The retry policy, as a pure function of what happened.
//!
//! Telnyx has no idempotency key, so a `POST /messages` that may have reached Telnyx
//! (a 5xx, a timeout after the request was sent) is **not** retried: a resend is a
//! duplicate SMS, billed twice. A `POST` is retried only when Telnyx surely did not act
//! on it: a `429` (the request was refused) or a connection that failed before anything
//! was sent. `GET`, `PUT`, `PATCH` and `DELETE` are retried on `408`, `429`, `5xx` and
//! network errors. No other `4xx` is ever retried.

use super::ApiError;
use super::headers::{Headers, retry_after_ms};
use super::operation::Method;

/// The most retries a policy may ask for.
pub const MAX_RETRIES_LIMIT: u32 = 10;

/// The Telnyx error code for "messaging profile spend limit reached", sent with HTTP 429.
/// Retrying soon is pointless: the limit resets daily.
pub const SPEND_LIMIT_CODE: &str = "40333";

/// How many times and how patiently to retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 2, so at most 3 attempts).
    pub max_retries: u32,
    /// The first backoff delay in milliseconds (default 500); it doubles each retry.
    pub base_delay_ms: u64,
    /// The largest backoff delay (default 8 000 ms).
    pub max_delay_ms: u64,
    /// The longest `Retry-After` honoured (default 60 000 ms). A longer one is not
    /// shortened (that would retry before the server allows): the client gives up and
    /// the error carries the delay.
    pub max_retry_after_ms: u64,
    /// Opt-in: treat `POST` like the other methods (retry on 5xx, 408 and timeouts).
    /// Off by default, because it can send an SMS twice.
    pub retry_unsafe_post: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay_ms: 500,
            max_delay_ms: 8_000,
            max_retry_after_ms: 60_000,
            retry_unsafe_post: false,
        }
    }
}

impl RetryPolicy {
    /// Checks the policy's ranges.
    ///
    /// # Errors
    /// [`ApiError::InvalidConfig`] when `max_retries` exceeds [`MAX_RETRIES_LIMIT`] or
    /// `base_delay_ms` exceeds `max_delay_ms`.
    pub fn validate(&self) -> Result<(), ApiError> {
        if self.max_retries > MAX_RETRIES_LIMIT {
            return Err(ApiError::InvalidConfig {
                message: format!("maxRetries must be at most {MAX_RETRIES_LIMIT}"),
            });
        }
        if self.base_delay_ms > self.max_delay_ms {
            return Err(ApiError::InvalidConfig {
                message: "the base retry delay exceeds the maximum delay".into(),
            });
        }
        Ok(())
    }

    /// The backoff before retry number `retry` (1-based): `min(max, base·2^(retry−1))`,
    /// scaled by a jitter factor in `[0.5, 1)` from `random` in `[0, 1)` ("equal jitter",
    /// as the Telnyx docs advise: `wait × (0.5 + random/2)`).
    #[must_use]
    pub fn backoff_ms(&self, retry: u32, random: f64) -> u64 {
        let exp = retry.saturating_sub(1).min(62);
        let ceiling = self
            .base_delay_ms
            .saturating_mul(1u64 << exp)
            .min(self.max_delay_ms);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let factor = 0.5 + random / 2.0;
        // ceiling ≤ u64::MAX and factor < 1, so the product fits; as-cast saturates anyway.
        (ceiling as f64 * factor) as u64
    }
}

/// What happened to one attempt, as far as the retry decision cares.
#[derive(Clone, Copy, Debug)]
pub enum Outcome<'a> {
    /// A response arrived.
    Response {
        /// The HTTP status.
        status: u16,
        /// The response headers (for `Retry-After`).
        headers: &'a Headers,
        /// The first Telnyx error code of the body, if parsed (a 429 with `40333` is not
        /// retried).
        error_code: Option<&'a str>,
    },
    /// The connection failed before the request was sent (DNS, refused, TLS): Telnyx
    /// cannot have seen it.
    NetworkBeforeSend,
    /// The connection broke after the request may have been sent, with no response.
    NetworkAfterSend,
    /// The per-attempt timeout fired after the request may have been sent.
    Timeout,
}

/// Why the client stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GiveUpReason {
    /// The response was a success (2xx) or otherwise final (1xx/3xx): nothing to retry.
    Final,
    /// The status or failure is not retryable for this method.
    NotRetryable,
    /// A `POST` that may have reached Telnyx: retrying could duplicate it.
    UnsafeToRepeat,
    /// A 429 for the spend limit (`40333`): retrying soon cannot succeed.
    SpendLimit,
    /// `Retry-After` asks for longer than the policy's cap.
    RetryAfterTooLong,
    /// `max_retries` retries were already made.
    AttemptsExhausted,
}

impl GiveUpReason {
    /// The stable string code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Final => "final",
            Self::NotRetryable => "not_retryable",
            Self::UnsafeToRepeat => "unsafe_to_repeat",
            Self::SpendLimit => "spend_limit",
            Self::RetryAfterTooLong => "retry_after_too_long",
            Self::AttemptsExhausted => "attempts_exhausted",
        }
    }
}

/// The decision after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then send the same request again.
    Retry {
        /// The delay in milliseconds.
        delay_ms: u64,
    },
    /// Stop: return the response or the error as it is.
    GiveUp(GiveUpReason),
}

/// Decides whether to retry after attempt number `attempt` (1 for the first request).
///
/// `random` is a uniform value in `[0, 1)` supplied by the caller (the core has no RNG);
/// `now_unix_ms` is needed only to honour a `Retry-After` HTTP-date.
#[must_use]
pub fn decide(
    policy: &RetryPolicy,
    method: Method,
    attempt: u32,
    outcome: &Outcome<'_>,
    random: f64,
    now_unix_ms: Option<u64>,
) -> RetryDecision {
    use GiveUpReason as R;
    let repeatable = method.is_idempotent() || policy.retry_unsafe_post;
    let mut requested_delay = None;
    let verdict: Result<(), GiveUpReason> = match *outcome {
        Outcome::Response { status, .. } if !(400..=599).contains(&status) => Err(R::Final),
        Outcome::Response {
            status: 429,
            error_code: Some(SPEND_LIMIT_CODE),
            ..
        } => Err(R::SpendLimit),
        Outcome::Response {
            status, headers, ..
        } => {
            requested_delay = retry_after_ms(headers, now_unix_ms);
            match status {
                // Refused outright: safe for every method.
                429 => Ok(()),
                408 | 500..=599 if repeatable => Ok(()),
                408 | 500..=599 => Err(R::UnsafeToRepeat),
                _ => Err(R::NotRetryable),
            }
        }
        Outcome::NetworkBeforeSend => Ok(()),
        Outcome::NetworkAfterSend | Outcome::Timeout if repeatable => Ok(()),
        Outcome::NetworkAfterSend | Outcome::Timeout => Err(R::UnsafeToRepeat),
    };
    if let Err(reason) = verdict {
        return RetryDecision::GiveUp(reason);
    }
    if attempt > policy.max_retries {
        return RetryDecision::GiveUp(R::AttemptsExhausted);
    }
    match requested_delay {
        Some(ms) if ms > policy.max_retry_after_ms => RetryDecision::GiveUp(R::RetryAfterTooLong),
        Some(ms) => RetryDecision::Retry { delay_ms: ms },
        None => RetryDecision::Retry {
            delay_ms: policy.backoff_ms(attempt, random),
        },
    }
}
