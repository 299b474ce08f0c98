//! `estimateSend`: how long a send takes at the documented Telnyx throughput.

use smsedge_core::throughput as engine;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::js::{Fields, object};
use smsedge_core::json::quoted;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An AT&T 10DLC message class (Telnyx "10DLC Rate Limits"). */
export type AttClass = "A" | "B" | "C" | "D" | "E" | "F" | "T" | "W" | "K" | "P" | "S" | "X" | "G" | "N";

export interface SendPlan {
  /** The sender type; "long_code" with `attClass` is a US 10DLC campaign. */
  sender: Sender;
  /** The campaign's AT&T message class, for a 10DLC long code. */
  attClass?: AttClass;
  /** Numbers (or sender IDs) sending in parallel. Default 1. */
  senders?: number;
  recipients: number;
  /** Segments per message (from `analyze`). */
  segments: number;
}

export interface SendEstimate {
  totalSegments: number;
  segmentsPerSecond: number;
  seconds: number;
  /** "sender": the numbers' throughput; "account": the account's 50 SMS per second. */
  limitedBy: "sender" | "account";
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The plan, typed as `SendPlan` in TypeScript.
    #[wasm_bindgen(typescript_type = "SendPlan")]
    pub type SendPlan;
}

fn count(value: Option<f64>, name: &str, default: Option<u64>) -> Result<u64, Error> {
    match (value, default) {
        (None, Some(d)) => Ok(d),
        (Some(v), _) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 2f64.powi(53) => {
            Ok(v as u64)
        }
        _ => Err(Error::invalid_argument(format!(
            "plan.{name} must be a whole number of at least 0"
        ))),
    }
}

/// Estimates how long a send takes: recipients × segments at the sender type's documented
/// throughput (per number, or per 10DLC campaign class), capped at the account's 50 SMS/s.
#[wasm_bindgen(js_name = estimateSend, unchecked_return_type = "SendEstimate")]
pub fn estimate_send(plan: SendPlan) -> Result<JsValue, Error> {
    let fields = Fields::new(
        plan.into(),
        "plan",
        &["sender", "attClass", "senders", "recipients", "segments"],
    )?;
    let class = match fields.string("attClass")?.as_deref() {
        None => None,
        Some(letter) => Some(engine::AttClass::from_letter(letter).ok_or_else(|| {
            Error::invalid_argument(format!(
                "plan.attClass must be an AT&T class letter (A–F, T, W, K, P, S, X, G, N), got {}",
                quoted(letter)
            ))
        })?),
    };
    let route = match (fields.string("sender")?.as_deref(), class) {
        (Some("long_code"), Some(class)) => engine::Route::TenDlc(class),
        (Some("long_code"), None) => engine::Route::LongCode,
        (Some("toll_free"), None) => engine::Route::TollFree,
        (Some("short_code"), None) => engine::Route::ShortCode,
        (Some("alphanumeric"), None) => engine::Route::Alphanumeric,
        (Some("toll_free" | "short_code" | "alphanumeric"), Some(_)) => {
            return Err(Error::invalid_argument(
                "plan.attClass applies to long codes (10DLC) only",
            ));
        }
        (other, _) => {
            return Err(Error::invalid_argument(format!(
                "plan.sender must be \"long_code\", \"toll_free\", \"short_code\" or \"alphanumeric\", got {}",
                other.map_or_else(|| "nothing".to_string(), quoted)
            )));
        }
    };
    let senders = u32::try_from(count(fields.number("senders")?, "senders", Some(1))?)
        .map_err(|_| Error::invalid_argument("plan.senders is too large"))?;
    let plan = engine::Plan {
        route,
        senders,
        recipients: count(fields.number("recipients")?, "recipients", None)?,
        segments: count(fields.number("segments")?, "segments", None)?,
    };
    let e = engine::estimate(&plan).map_err(|e| Error::new(e.code(), e.to_string()))?;
    let limited_by = match e.limited_by {
        engine::Limit::Sender => "sender",
        engine::Limit::Account => "account",
    };
    Ok(object(&[
        ("totalSegments", JsValue::from_f64(e.total_segments as f64)),
        (
            "segmentsPerSecond",
            JsValue::from_f64(e.segments_per_second),
        ),
        ("seconds", JsValue::from_f64(e.seconds)),
        ("limitedBy", JsValue::from_str(limited_by)),
    ]))
}
