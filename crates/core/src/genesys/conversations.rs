//! The interaction Genesys Cloud creates for a fetched mail: found through the analytics
//! conversation details query (which knows a conversation only some time after it started, so
//! the search retries with back-off), and ended so that no agent has to handle a test.

use super::client::{GenesysApi, GenesysFailure};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::time::{Duration, Instant};

const VIEW_DETAILS: &[&str] = &["analytics:conversationDetail:view"];
const DISCONNECT: &[&str] = &["conversation:communication:disconnect"];
const VIEW_QUEUE: &[&str] = &["routing:queue:view"];

/// An interaction found for the test mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interaction {
    /// The conversation id.
    pub conversation_id: String,
    /// The queue it went to, when the details name one.
    pub queue_id: Option<String>,
}

/// How a search ended.
#[derive(Clone, Debug)]
pub struct Search {
    /// What was found, if anything.
    pub found: Option<Interaction>,
    /// Queries sent.
    pub queries: u32,
    /// Time spent searching.
    pub took: Duration,
}

#[derive(Deserialize, Default)]
struct QueryAnswer {
    #[serde(default)]
    conversations: Vec<Conversation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Conversation {
    conversation_id: String,
    #[serde(default)]
    participants: Vec<Participant>,
}

#[derive(Deserialize)]
struct Participant {
    #[serde(default)]
    sessions: Vec<Session>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Session {
    #[serde(default)]
    segments: Vec<Segment>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Segment {
    #[serde(default)]
    queue_id: Option<String>,
    #[serde(default)]
    subject: Option<String>,
}

impl Conversation {
    fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.participants
            .iter()
            .flat_map(|p| p.sessions.iter())
            .flat_map(|s| s.segments.iter())
    }
    fn mentions(&self, token: &str) -> bool {
        let token = token.to_ascii_lowercase();
        self.segments().any(|s| {
            s.subject
                .as_deref()
                .is_some_and(|t| t.to_ascii_lowercase().contains(&token))
        })
    }
    fn queue(&self) -> Option<String> {
        self.segments().find_map(|s| s.queue_id.clone())
    }
}

fn predicate(dimension: &str, value: &str) -> serde_json::Value {
    serde_json::json!({"type": "dimension", "dimension": dimension, "operator": "matches", "value": value})
}

fn query(since: DateTime<Utc>, segment: serde_json::Value) -> serde_json::Value {
    let from = since - chrono::Duration::minutes(10);
    let to = Utc::now() + chrono::Duration::minutes(10);
    serde_json::json!({
        "interval": format!("{}/{}", from.format("%Y-%m-%dT%H:%M:%S%.3fZ"), to.format("%Y-%m-%dT%H:%M:%S%.3fZ")),
        "order": "desc",
        "orderBy": "conversationStart",
        "segmentFilters": [{"type": "and", "predicates": [predicate("mediaType", "email"), segment]}],
        "conversationFilters": [{"type": "and", "predicates": [
            {"type": "dimension", "dimension": "conversationEnd", "operator": "notExists"}
        ]}],
        "paging": {"pageSize": 25, "pageNumber": 1}
    })
}

async fn details(
    api: &GenesysApi<'_>,
    body: &serde_json::Value,
) -> Result<Vec<Conversation>, GenesysFailure> {
    let a: QueryAnswer = api
        .post(
            "/api/v2/analytics/conversations/details/query",
            body,
            VIEW_DETAILS,
        )
        .await?;
    Ok(a.conversations)
}

/// Searches for the open email interaction of the test mail: by its subject and, since how a
/// subject is matched is not documented, also by the mailbox's address with the subject's unique
/// `token` checked here. Retries (1 s, growing to 5 s) until `wait` is spent.
pub async fn find(
    api: &GenesysApi<'_>,
    subject: &str,
    token: &str,
    mailbox: &str,
    since: DateTime<Utc>,
    wait: Duration,
    progress: &(dyn Fn(Duration, u32) + Send + Sync),
) -> Result<Search, GenesysFailure> {
    let started = Instant::now();
    let mut queries = 0;
    let mut pause = Duration::from_secs(1);
    loop {
        let by_subject = query(since, predicate("subject", subject));
        let by_address = query(since, predicate("addressTo", &mailbox.to_ascii_lowercase()));
        let (a, b) = tokio::join!(details(api, &by_subject), details(api, &by_address));
        queries += 2;
        let mut hits = a?;
        hits.extend(b?);
        if let Some(c) = hits.into_iter().find(|c| c.mentions(token)) {
            return Ok(Search {
                found: Some(Interaction {
                    queue_id: c.queue(),
                    conversation_id: c.conversation_id,
                }),
                queries,
                took: started.elapsed(),
            });
        }
        progress(started.elapsed(), queries);
        let left = wait.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Ok(Search {
                found: None,
                queries,
                took: started.elapsed(),
            });
        }
        tokio::time::sleep(pause.min(left)).await;
        pause = (pause * 3 / 2).min(Duration::from_secs(5));
    }
}

/// The queue's name (best effort: `None` when it can't be read).
pub async fn queue_name(api: &GenesysApi<'_>, queue_id: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Queue {
        name: Option<String>,
    }
    api.get::<Queue>(
        &format!(
            "/api/v2/routing/queues/{}",
            crate::microsoft::cloud::path_segment(queue_id)
        ),
        VIEW_QUEUE,
    )
    .await
    .ok()
    .and_then(|q| q.name)
}

/// Ends the interaction (disconnects every participant).
pub async fn end(api: &GenesysApi<'_>, conversation_id: &str) -> Result<(), GenesysFailure> {
    api.patch::<serde_json::Value>(
        &format!(
            "/api/v2/conversations/emails/{}",
            crate::microsoft::cloud::path_segment(conversation_id)
        ),
        &serde_json::json!({"state": "disconnected"}),
        DISCONNECT,
    )
    .await
    .map(|_| ())
}
