//! Response headers: `Retry-After`, the `x-ratelimit-*` trio and the request id.
//!
//! The core has no clock, so anything that depends on the current time (an HTTP-date
//! `Retry-After`, an epoch `x-ratelimit-reset`) takes `now_unix_ms` from the caller.

/// Response headers, looked up case-insensitively. Build it from the transport's pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// No headers.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Collects `(name, value)` pairs.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }

    /// Adds a header.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }

    /// The first value of `name` (case-insensitive), trimmed.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    /// Every `(name, value)` pair, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The headers a request id may come in, first match wins. Telnyx documents none; the
/// research saw no request id from Prism. `x-request-id` is the common one.
pub const REQUEST_ID_HEADERS: &[&str] = &["x-request-id", "x-telnyx-request-id", "request-id"];

/// The request id of a response, if the server sent one.
#[must_use]
pub fn request_id(headers: &Headers) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(name))
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The rate-limit window Telnyx reports in `x-ratelimit-limit`, `-remaining` and `-reset`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `x-ratelimit-limit`: requests allowed in the window.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `x-ratelimit-reset`, as sent. The Telnyx pages disagree on its meaning (a Unix
    /// timestamp in the messaging docs, seconds-until-reset in the API fundamentals), so
    /// [`RateLimit::reset_in_secs`] interprets it.
    pub reset: Option<u64>,
    /// Seconds until the window resets: `reset` itself when it is a delta (below 10⁹),
    /// else `reset − now` when `now` was given (0 if already past).
    pub reset_in_secs: Option<u64>,
}

/// Values of `x-ratelimit-reset` at or above this are Unix timestamps (2001-09-09).
const EPOCH_THRESHOLD: u64 = 1_000_000_000;

/// Reads the `x-ratelimit-*` headers; `None` when none of them is present and numeric.
#[must_use]
pub fn rate_limit(headers: &Headers, now_unix_ms: Option<u64>) -> Option<RateLimit> {
    let num = |name: &str| headers.get(name).and_then(parse_u64);
    let limit = num("x-ratelimit-limit");
    let remaining = num("x-ratelimit-remaining");
    let reset = num("x-ratelimit-reset");
    if limit.is_none() && remaining.is_none() && reset.is_none() {
        return None;
    }
    let reset_in_secs = reset.and_then(|r| {
        if r < EPOCH_THRESHOLD {
            Some(r)
        } else {
            now_unix_ms.map(|now| r.saturating_sub(now / 1000))
        }
    });
    Some(RateLimit {
        limit,
        remaining,
        reset,
        reset_in_secs,
    })
}

/// An unsigned integer header value; a decimal part (`"12.0"`) is dropped.
fn parse_u64(value: &str) -> Option<u64> {
    let value = value.trim();
    let int = cut(value, b'.').map_or(value, |(int, frac)| {
        if frac.bytes().all(|b| b.is_ascii_digit()) {
            int
        } else {
            ""
        }
    });
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    int.parse().ok().or(Some(u64::MAX))
}

/// The delay a response asks for, in milliseconds: `retry-after-ms` first (sent by some
/// proxies and Stainless servers), then `Retry-After` as delay-seconds or an HTTP-date.
///
/// A date needs `now_unix_ms`; without it a date gives `None`. A date in the past gives 0.
#[must_use]
pub fn retry_after_ms(headers: &Headers, now_unix_ms: Option<u64>) -> Option<u64> {
    if let Some(ms) = headers
        .get("retry-after-ms")
        .and_then(parse_decimal_ms_from_ms)
    {
        return Some(ms);
    }
    headers
        .get("retry-after")
        .and_then(|v| parse_retry_after(v, now_unix_ms))
}

fn parse_decimal_ms_from_ms(value: &str) -> Option<u64> {
    crate::json::number_to_u64(value.trim())
}

/// Parses one `Retry-After` value into milliseconds.
///
/// Accepts delay-seconds (`"120"`, and leniently `"1.5"`) and the three HTTP-date forms
/// of RFC 9110 §5.6.7 (IMF-fixdate, RFC 850, asctime). Negative, non-finite or malformed
/// values give `None`.
#[must_use]
pub fn parse_retry_after(value: &str, now_unix_ms: Option<u64>) -> Option<u64> {
    let value = value.trim();
    if value.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !value.is_empty() {
        // Seconds with up to millisecond precision: shift the point three places.
        return crate::json::number_to_u64(&(value.to_owned() + "e3"));
    }
    let date_secs = parse_http_date(value)?;
    let now = now_unix_ms?;
    Some(date_secs.saturating_mul(1000).saturating_sub(now))
}

/// Parses an HTTP-date into Unix seconds (GMT). `None` for anything malformed.
#[must_use]
pub fn parse_http_date(value: &str) -> Option<u64> {
    // The first six words, and how many there are (more than six: not a date).
    let mut parts = [""; 6];
    let mut count = 0;
    for word in value.split_whitespace() {
        *parts.get_mut(count)? = word;
        count += 1;
    }
    let (day, month, year, time) = match parts.get(..count).unwrap_or_default() {
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        [wd, d, m, y, t, "GMT"] if wd.ends_with(',') => (*d, *m, parse_year(y)?, *t),
        // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
        [wd, dmy, t, "GMT"] if wd.ends_with(',') => {
            let (d, m, y) = three(dmy, b'-')?;
            if y.len() != 2 {
                return None;
            }
            let yy = parse_year(y)?;
            // RFC 9110: a two-digit year that looks more than 50 years in the future is
            // in the past century; without a clock, read 70–99 as 19xx and 00–69 as 20xx.
            (d, m, if yy >= 70 { 1900 + yy } else { 2000 + yy }, *t)
        }
        // asctime: "Sun Nov  6 08:49:37 1994"
        [_, m, d, t, y] => (*d, *m, parse_year(y)?, *t),
        _ => return None,
    };
    let day: u64 = parse_digits(day, 1, 2)?;
    let month = month_number(month)?;
    let (h, mi, s) = three(time, b':')?;
    let (h, mi, s) = (
        parse_digits(h, 2, 2)?,
        parse_digits(mi, 2, 2)?,
        parse_digits(s, 2, 2)?,
    );
    if !(1..=31).contains(&day) || h > 23 || mi > 59 || s > 60 || year < 1970 {
        return None;
    }
    if day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
}

/// `s` split at the first `sep` (an ASCII byte, so both halves are whole characters).
fn cut(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` as exactly three parts separated by `sep`.
fn three(s: &str, sep: u8) -> Option<(&str, &str, &str)> {
    let (a, rest) = cut(s, sep)?;
    let (b, c) = cut(rest, sep)?;
    cut(c, sep).is_none().then_some((a, b, c))
}

fn parse_year(y: &str) -> Option<u64> {
    match y.len() {
        2 | 4 => parse_digits(y, 2, 4),
        _ => None,
    }
}

fn parse_digits(s: &str, min: usize, max: usize) -> Option<u64> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn month_number(m: &str) -> Option<u64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .iter()
        .position(|name| *name == m)
        .and_then(|i| u64::try_from(i + 1).ok())
}

const fn is_leap(year: u64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date with `year ≥ 1970`
/// (Howard Hinnant's `days_from_civil`, unsigned since the year is never before 1970).
const fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // 719_468 days separate 0000-03-01 from 1970-01-01.
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_http_date("Sun Nov  6 08:49:37 1994"),
            Some(784_111_777)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400)
        );
        for bad in [
            "",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 31 Feb 2024 00:00:00 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1960 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn retry_after_values() {
        let now = 784_111_777_000;
        assert_eq!(parse_retry_after("2", None), Some(2000));
        assert_eq!(parse_retry_after(" 0 ", None), Some(0));
        assert_eq!(parse_retry_after("1.5", None), Some(1500));
        assert_eq!(parse_retry_after("-1", None), None);
        assert_eq!(parse_retry_after("soon", Some(now)), None);
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", Some(now)),
            Some(10_000)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", None),
            None
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:27 GMT", Some(now)),
            Some(0)
        );
        assert_eq!(
            parse_retry_after("99999999999999999999999", None),
            Some(u64::MAX)
        );
    }

    #[test]
    fn rate_limits() {
        let h = Headers::from_pairs([
            ("X-RateLimit-Limit", "100"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1700000060"),
        ]);
        let rl = rate_limit(&h, Some(1_700_000_000_500)).unwrap();
        assert_eq!(
            (rl.limit, rl.remaining, rl.reset, rl.reset_in_secs),
            (Some(100), Some(0), Some(1_700_000_060), Some(60))
        );
        let rl = rate_limit(&h, None).unwrap();
        assert_eq!(rl.reset_in_secs, None);
        let delta = Headers::from_pairs([("x-ratelimit-reset", "30")]);
        assert_eq!(rate_limit(&delta, None).unwrap().reset_in_secs, Some(30));
        assert_eq!(
            rate_limit(&Headers::from_pairs([("x-ratelimit-limit", "lots")]), None),
            None
        );
    }
}
