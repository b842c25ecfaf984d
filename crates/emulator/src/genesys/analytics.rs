//! The conversation details query (`POST /api/v2/analytics/conversations/details/query`): parsing
//! a `ConversationQuery` body (interval, segment and conversation filters, order, paging) and
//! running it over the organization's conversations as analytics sees them.
//!
//! Filters are `{type: "and"|"or", predicates: [...], clauses: [{type, predicates}]}`; a
//! predicate is `{type: "dimension", dimension, operator: "matches"|"exists"|"notExists", value}`
//! (`type` defaults to `dimension`, `operator` to `matches`). Every entry of `segmentFilters` must
//! hold on some segment, all predicates of one entry on the same segment (different entries may be
//! satisfied by different segments); `conversationFilters` hold on the conversation.
//!
//! `matches` compares without regard to case; on `subject` it is a substring match, more lenient
//! than Genesys Cloud (which compares the whole subject), on every other dimension the whole value
//! must match. A conversation is found when its `conversationStart` lies in `[start, end)` of the
//! interval and analytics has seen it (see [`super::GenesysOptions::analytics_lag`]).

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::conversation::{Conversation, SegmentRow, DIVISION_ID};
use super::error::ApiError;
use super::model::iso;

/// The default and largest `paging.pageSize`.
const DEFAULT_PAGE_SIZE: usize = 25;
const MAX_PAGE_SIZE: usize = 100;

/// Segment dimensions the query understands.
const SEGMENT_DIMENSIONS: &[&str] = &[
    "addressFrom",
    "addressTo",
    "conversationId",
    "direction",
    "mediaType",
    "participantId",
    "purpose",
    "queueId",
    "segmentEnd",
    "segmentType",
    "sessionId",
    "subject",
];

/// Conversation dimensions the query understands.
const CONVERSATION_DIMENSIONS: &[&str] = &[
    "conversationEnd",
    "conversationId",
    "conversationStart",
    "divisionId",
    "originatingDirection",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Matches,
    Exists,
    NotExists,
}

#[derive(Clone, Debug)]
struct Predicate {
    dimension: &'static str,
    op: Op,
    value: String,
}

impl Predicate {
    /// Whether the predicate holds for a dimension's value (`None`: the dimension is absent).
    fn holds(&self, actual: Option<String>) -> bool {
        match (self.op, actual) {
            (Op::Exists, a) => a.is_some(),
            (Op::NotExists, a) => a.is_none(),
            (Op::Matches, None) => false,
            (Op::Matches, Some(a)) if self.dimension == "subject" => {
                a.to_lowercase().contains(&self.value.to_lowercase())
            }
            (Op::Matches, Some(a)) => a.eq_ignore_ascii_case(self.value.trim()),
        }
    }
}

#[derive(Clone, Debug)]
struct Filter {
    any: bool,
    predicates: Vec<Predicate>,
    clauses: Vec<Filter>,
}

impl Filter {
    /// Whether the filter holds, `get` giving each dimension's value.
    fn holds(&self, get: &dyn Fn(&str) -> Option<String>) -> bool {
        let mut results = self
            .predicates
            .iter()
            .map(|p| p.holds(get(p.dimension)))
            .chain(self.clauses.iter().map(|c| c.holds(get)));
        if self.any {
            results.any(|r| r)
        } else {
            results.all(|r| r)
        }
    }
}

/// A parsed `ConversationQuery`.
#[derive(Clone, Debug)]
pub(crate) struct DetailsQuery {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    segment_filters: Vec<Filter>,
    conversation_filters: Vec<Filter>,
    page_size: usize,
    page_number: usize,
    descending: bool,
}

fn invalid(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid.value", message)
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn parse_interval(v: Option<&Value>) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
    let Some(text) = v.and_then(Value::as_str) else {
        return Err(invalid(
            "The interval is required: two ISO-8601 date-times separated by '/', e.g. 2026-11-27T00:00:00.000Z/2026-11-28T00:00:00.000Z.",
        ));
    };
    let bad = || {
        invalid(&format!(
            "The interval '{text}' is not valid: it must be two ISO-8601 date-times separated by '/', the first before the second."
        ))
    };
    let (a, b) = text.split_once('/').ok_or_else(bad)?;
    let (start, end) = (
        parse_time(a).ok_or_else(bad)?,
        parse_time(b).ok_or_else(bad)?,
    );
    if start >= end {
        return Err(bad());
    }
    Ok((start, end))
}

fn parse_predicate(
    v: &Value,
    allowed: &[&'static str],
    field: &str,
) -> Result<Predicate, ApiError> {
    match v.get("type").and_then(Value::as_str) {
        None | Some("dimension") => {}
        Some(t) => {
            return Err(invalid(&format!(
                "The predicate type '{t}' in {field} is not supported here; use 'dimension'."
            )))
        }
    }
    let name = v.get("dimension").and_then(Value::as_str).unwrap_or("");
    let dimension = allowed.iter().find(|d| **d == name).ok_or_else(|| {
        invalid(&format!(
            "The dimension '{name}' is not valid in {field}; supported dimensions: {}.",
            allowed.join(", ")
        ))
    })?;
    let op = match v.get("operator").and_then(Value::as_str) {
        None | Some("matches") => Op::Matches,
        Some("exists") => Op::Exists,
        Some("notExists") => Op::NotExists,
        Some(o) => {
            return Err(invalid(&format!(
                "The operator '{o}' is not valid; use matches, exists or notExists."
            )))
        }
    };
    let value = match (op, v.get("value")) {
        (Op::Matches, Some(Value::String(s))) => s.clone(),
        (Op::Matches, _) => {
            return Err(invalid(&format!(
                "The predicate on '{dimension}' with operator matches needs a string value."
            )))
        }
        _ => String::new(),
    };
    Ok(Predicate {
        dimension,
        op,
        value,
    })
}

fn parse_filter(v: &Value, allowed: &[&'static str], field: &str) -> Result<Filter, ApiError> {
    let any = match v.get("type").and_then(Value::as_str) {
        Some("and") => false,
        Some("or") => true,
        _ => {
            return Err(invalid(&format!(
                "Every entry of {field} needs a type of 'and' or 'or'."
            )))
        }
    };
    let list = |name: &str| -> Result<Vec<Value>, ApiError> {
        match v.get(name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(invalid(&format!("{field}.{name} must be an array."))),
        }
    };
    let predicates = list("predicates")?
        .iter()
        .map(|p| parse_predicate(p, allowed, field))
        .collect::<Result<Vec<_>, _>>()?;
    let clauses = list("clauses")?
        .iter()
        .map(|c| parse_filter(c, allowed, field))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Filter {
        any,
        predicates,
        clauses,
    })
}

fn parse_filters(
    body: &Value,
    field: &str,
    allowed: &[&'static str],
) -> Result<Vec<Filter>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a.iter().map(|f| parse_filter(f, allowed, field)).collect(),
        Some(_) => Err(invalid(&format!("{field} must be an array of filters."))),
    }
}

fn paging_number(paging: &Value, name: &str, default: usize) -> Result<usize, ApiError> {
    match paging.get(name) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .filter(|n| *n >= 1)
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
            .ok_or_else(|| {
                invalid(&format!(
                    "paging.{name} must be a whole number of at least 1."
                ))
            }),
    }
}

impl DetailsQuery {
    /// Parses a `ConversationQuery` body.
    pub(crate) fn parse(body: &Value) -> Result<DetailsQuery, ApiError> {
        if !body.is_object() {
            return Err(invalid("The query must be a JSON object."));
        }
        let (start, end) = parse_interval(body.get("interval"))?;
        let descending = match body.get("order").and_then(Value::as_str) {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(o) => {
                return Err(invalid(&format!(
                    "The order '{o}' is not valid; use asc or desc."
                )))
            }
        };
        let paging = body.get("paging").cloned().unwrap_or(Value::Null);
        Ok(DetailsQuery {
            start,
            end,
            segment_filters: parse_filters(body, "segmentFilters", SEGMENT_DIMENSIONS)?,
            conversation_filters: parse_filters(
                body,
                "conversationFilters",
                CONVERSATION_DIMENSIONS,
            )?,
            page_size: paging_number(&paging, "pageSize", DEFAULT_PAGE_SIZE)?.min(MAX_PAGE_SIZE),
            page_number: paging_number(&paging, "pageNumber", 1)?,
            descending,
        })
    }

    fn segment_value(c: &Conversation, row: &SegmentRow, dimension: &str) -> Option<String> {
        match dimension {
            "addressFrom" => Some(c.from.clone()),
            "addressTo" => Some(c.to.clone()),
            "conversationId" => Some(c.id.clone()),
            "direction" => Some("inbound".to_string()),
            "mediaType" => Some("email".to_string()),
            "participantId" => Some(row.participant_id.clone()),
            "purpose" => Some(row.purpose.to_string()),
            "queueId" => row.queue_id.clone(),
            "segmentEnd" => row.segment_end.map(iso),
            "segmentType" => Some("interact".to_string()),
            "sessionId" => Some(row.session_id.clone()),
            "subject" => Some(c.subject.clone()),
            _ => None,
        }
    }

    fn conversation_value(
        c: &Conversation,
        end: Option<DateTime<Utc>>,
        dimension: &str,
    ) -> Option<String> {
        match dimension {
            "conversationEnd" => end.map(iso),
            "conversationId" => Some(c.id.clone()),
            "conversationStart" => Some(iso(c.start)),
            "divisionId" => Some(DIVISION_ID.to_string()),
            "originatingDirection" => Some("inbound".to_string()),
            _ => None,
        }
    }

    fn matches(&self, c: &Conversation, now: DateTime<Utc>, lag: chrono::Duration) -> bool {
        if !c.visible(now, lag) || c.start < self.start || c.start >= self.end {
            return false;
        }
        let rows = c.rows(now, lag);
        let segments_ok = self.segment_filters.iter().all(|f| {
            rows.iter()
                .any(|row| f.holds(&|d| Self::segment_value(c, row, d)))
        });
        let end = c.analytics_end(now, lag);
        segments_ok
            && self
                .conversation_filters
                .iter()
                .all(|f| f.holds(&|d| Self::conversation_value(c, end, d)))
    }

    /// Runs the query over `all` as analytics sees them at `now`: the
    /// `AnalyticsConversationQueryResponse`, without `conversations` when the page is empty.
    pub(crate) fn run(
        &self,
        all: &[Conversation],
        now: DateTime<Utc>,
        lag: chrono::Duration,
    ) -> Value {
        let mut hits: Vec<&Conversation> =
            all.iter().filter(|c| self.matches(c, now, lag)).collect();
        hits.sort_by_key(|c| c.start);
        if self.descending {
            hits.reverse();
        }
        let total = hits.len();
        let skip = (self.page_number - 1).saturating_mul(self.page_size);
        let page: Vec<Value> = hits
            .into_iter()
            .skip(skip)
            .take(self.page_size)
            .map(|c| c.analytics_json(now, lag))
            .collect();
        let mut out = json!({"totalHits": total});
        if !page.is_empty() {
            out["conversations"] = Value::Array(page);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: Value) -> Result<DetailsQuery, ApiError> {
        DetailsQuery::parse(&v)
    }

    #[test]
    fn intervals_and_filters_are_validated() {
        let iv = "2026-01-01T00:00:00Z/2026-01-02T00:00:00.000Z";
        assert!(q(json!({"interval": iv})).is_ok());
        for bad in [
            json!({}),
            json!({"interval": "2026-01-01T00:00:00Z"}),
            json!({"interval": "yesterday/today"}),
            json!({"interval": "2026-01-02T00:00:00Z/2026-01-01T00:00:00Z"}),
            json!({"interval": iv, "segmentFilters": [{"predicates": []}]}),
            json!({"interval": iv, "segmentFilters": [{"type": "and", "predicates": [{"dimension": "nope", "value": "x"}]}]}),
            json!({"interval": iv, "segmentFilters": [{"type": "and", "predicates": [{"dimension": "subject"}]}]}),
            json!({"interval": iv, "conversationFilters": [{"type": "and", "predicates": [{"dimension": "subject", "value": "x"}]}]}),
            json!({"interval": iv, "paging": {"pageSize": 0}}),
            json!({"interval": iv, "order": "sideways"}),
        ] {
            assert!(q(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn predicates_match() {
        let p = |dimension: &'static str, op, value: &str| Predicate {
            dimension,
            op,
            value: value.to_string(),
        };
        assert!(p("subject", Op::Matches, "PICKUP 7").holds(Some("graphwiz pickup 7 x".into())));
        assert!(!p("addressTo", Op::Matches, "support@").holds(Some("support@x.example".into())));
        assert!(p("addressTo", Op::Matches, "Support@X.example")
            .holds(Some("support@x.example".into())));
        assert!(p("segmentEnd", Op::NotExists, "").holds(None));
        assert!(!p("segmentEnd", Op::Exists, "").holds(None));
        let f = Filter {
            any: true,
            predicates: vec![p("mediaType", Op::Matches, "voice")],
            clauses: vec![Filter {
                any: false,
                predicates: vec![p("mediaType", Op::Matches, "email")],
                clauses: vec![],
            }],
        };
        assert!(f.holds(&|_| Some("email".to_string())));
        assert!(!f.holds(&|_| Some("chat".to_string())));
    }
}
