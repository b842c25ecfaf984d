//! Email conversations (interactions) the organization creates for mail its Microsoft Graph
//! integration fetched: where a mailbox's mail is routed, the conversation as the analytics
//! details query shows it (external, workflow and acd participants with email sessions and
//! `interact` segments, visible only after the analytics lag) and as
//! `GET /api/v2/conversations/emails/{id}` shows it (live).

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::model::{iso, Org};

/// The division every conversation belongs to (the queue's `Home` division).
pub(crate) const DIVISION_ID: &str = "d0e1f2a3-b4c5-4d6e-8f7a-9b0c1d2e3f4a";
/// The workflow participant's name when the route goes straight to a queue.
const DEFAULT_FLOW_NAME: &str = "Inbound Email";
/// How long the inbound flow holds the mail before handing it to the queue.
const FLOW_TIME_MS: i64 = 40;

/// An id and a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Named {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
}

impl Named {
    fn from_json(v: &Value) -> Option<Named> {
        Some(Named {
            id: v.get("id")?.as_str()?.to_string(),
            name: v.get("name")?.as_str().unwrap_or_default().to_string(),
        })
    }
}

/// Where an inbound route sends a mailbox's mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Destination {
    /// The queue the mail waits in; `None` when the route has neither queue nor flow.
    pub queue: Option<Named>,
    /// The route's inbound email flow, if it goes to one.
    pub flow: Option<Named>,
}

/// The addresses (`pattern@domain`) of the routes of the domain linked to the Graph
/// integration; empty when no domain is linked.
pub(crate) fn route_addresses(org: &Org) -> Vec<String> {
    let Some(domain) = linked_domain(org) else {
        return Vec::new();
    };
    org.routes(&domain)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r["pattern"].as_str())
        .map(|p| format!("{p}@{domain}").to_ascii_lowercase())
        .collect()
}

fn linked_domain(org: &Org) -> Option<String> {
    org.domains()
        .into_iter()
        .find(|d| d.get("graphApiSettings").is_some())
        .and_then(|d| d["id"].as_str().map(str::to_string))
}

/// Where mail to `address` goes: `None` when no route of the linked domain serves it. A route to a
/// flow ends in the organization's first queue (the flow transfers there).
pub(crate) fn destination(org: &Org, address: &str) -> Option<Destination> {
    let (local, domain) = address.trim().rsplit_once('@')?;
    if !linked_domain(org).is_some_and(|d| d.eq_ignore_ascii_case(domain)) {
        return None;
    }
    let routes = org.routes(domain)?;
    let route = routes.iter().find(|r| {
        r["pattern"]
            .as_str()
            .is_some_and(|p| p.eq_ignore_ascii_case(local))
    })?;
    let flow = Named::from_json(&route["flow"]);
    let queue = Named::from_json(&route["queue"]).or_else(|| {
        flow.as_ref()?;
        Named::from_json(&org.queue(super::model::QUEUE_ID)?)
    });
    Some(Destination { queue, flow })
}

/// One email conversation.
#[derive(Clone, Debug)]
pub(crate) struct Conversation {
    /// `conversationId`.
    pub id: String,
    /// `conversationStart`: when the mail was picked up.
    pub start: DateTime<Utc>,
    /// When it was disconnected.
    pub end: Option<DateTime<Utc>>,
    /// The sender, casing kept.
    pub from: String,
    /// The mailbox, lower case.
    pub to: String,
    /// The mail's subject.
    pub subject: String,
    /// Where the route sent it.
    pub destination: Destination,
    /// Participant ids: external, workflow, acd.
    participant_ids: [String; 3],
    /// Session ids: external, workflow, acd.
    session_ids: [String; 3],
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// What one analytics segment row offers to segment filters: its participant, session and
/// segment dimensions.
#[derive(Clone, Debug)]
pub(crate) struct SegmentRow {
    /// The participant's `purpose`: `external`, `workflow` or `acd`.
    pub purpose: &'static str,
    /// The participant's id.
    pub participant_id: String,
    /// The session's id.
    pub session_id: String,
    /// `segmentEnd` as analytics knows it.
    pub segment_end: Option<DateTime<Utc>>,
    /// `queueId` (the acd segment only).
    pub queue_id: Option<String>,
}

impl Conversation {
    /// A conversation for mail from `from` to `to` that started at `now`.
    pub fn new(
        from: &str,
        to: &str,
        subject: &str,
        destination: Destination,
        now: DateTime<Utc>,
    ) -> Conversation {
        Conversation {
            id: new_id(),
            start: now,
            end: None,
            from: from.trim().to_string(),
            to: to.trim().to_ascii_lowercase(),
            subject: subject.to_string(),
            destination,
            participant_ids: [new_id(), new_id(), new_id()],
            session_ids: [new_id(), new_id(), new_id()],
        }
    }

    /// When the flow handed the mail to the queue.
    fn flow_end(&self) -> DateTime<Utc> {
        self.start + chrono::Duration::milliseconds(FLOW_TIME_MS)
    }

    /// The end analytics knows of at `now`, given the lag.
    fn end_seen(&self, now: DateTime<Utc>, lag: chrono::Duration) -> Option<DateTime<Utc>> {
        self.end.filter(|e| *e + lag <= now)
    }

    /// Whether analytics shows the conversation at `now`.
    pub fn visible(&self, now: DateTime<Utc>, lag: chrono::Duration) -> bool {
        self.start + lag <= now
    }

    /// `conversationEnd` as analytics shows it at `now`.
    pub fn analytics_end(
        &self,
        now: DateTime<Utc>,
        lag: chrono::Duration,
    ) -> Option<DateTime<Utc>> {
        self.end_seen(now, lag)
    }

    /// The segment rows analytics shows at `now`, one for each of the external, workflow and
    /// (with a queue) acd participants.
    pub fn rows(&self, now: DateTime<Utc>, lag: chrono::Duration) -> Vec<SegmentRow> {
        let end = self.end_seen(now, lag);
        let flow_end = Some(match end {
            Some(e) if e < self.flow_end() => e,
            _ => self.flow_end(),
        });
        let queue_id = self.destination.queue.as_ref().map(|q| q.id.clone());
        let mut rows = vec![
            SegmentRow {
                purpose: "external",
                participant_id: self.participant_ids[0].clone(),
                session_id: self.session_ids[0].clone(),
                segment_end: end,
                queue_id: None,
            },
            SegmentRow {
                purpose: "workflow",
                participant_id: self.participant_ids[1].clone(),
                session_id: self.session_ids[1].clone(),
                segment_end: flow_end,
                queue_id: None,
            },
        ];
        if queue_id.is_some() {
            rows.push(SegmentRow {
                purpose: "acd",
                participant_id: self.participant_ids[2].clone(),
                session_id: self.session_ids[2].clone(),
                segment_end: end,
                queue_id,
            });
        }
        rows
    }

    /// The conversation as the analytics details query shows it at `now`.
    pub fn analytics_json(&self, now: DateTime<Utc>, lag: chrono::Duration) -> Value {
        let end = self.end_seen(now, lag);
        let participants: Vec<Value> = self
            .rows(now, lag)
            .into_iter()
            .map(|row| {
                let (start, name) = match row.purpose {
                    "external" => (self.start, self.from.clone()),
                    "workflow" => (
                        self.start,
                        self.destination
                            .flow
                            .as_ref()
                            .map(|f| f.name.clone())
                            .unwrap_or_else(|| DEFAULT_FLOW_NAME.to_string()),
                    ),
                    _ => (
                        self.flow_end(),
                        self.destination
                            .queue
                            .as_ref()
                            .map(|q| q.name.clone())
                            .unwrap_or_default(),
                    ),
                };
                let mut segment = json!({
                    "segmentStart": iso(start),
                    "segmentType": "interact",
                    "subject": self.subject,
                });
                if let Some(e) = row.segment_end {
                    segment["segmentEnd"] = json!(iso(e));
                    segment["disconnectType"] = json!(match row.purpose {
                        "workflow" if Some(e) == Some(self.flow_end()) => "transfer",
                        "acd" => "client",
                        _ => "peer",
                    });
                }
                if let Some(q) = &row.queue_id {
                    segment["queueId"] = json!(q);
                }
                let mut session = json!({
                    "mediaType": "email",
                    "direction": "inbound",
                    "sessionId": row.session_id,
                    "addressFrom": self.from,
                    "addressTo": self.to,
                    "provider": "PureCloud Email",
                    "segments": [segment],
                });
                if row.purpose == "workflow" {
                    if let Some(f) = &self.destination.flow {
                        session["flow"] =
                            json!({"flowId": f.id, "flowName": f.name, "flowType": "INBOUNDEMAIL"});
                    }
                }
                json!({
                    "participantId": row.participant_id,
                    "participantName": name,
                    "purpose": row.purpose,
                    "sessions": [session],
                })
            })
            .collect();
        let mut v = json!({
            "conversationId": self.id,
            "conversationStart": iso(self.start),
            "originatingDirection": "inbound",
            "divisionIds": [DIVISION_ID],
            "participants": participants,
        });
        if let Some(e) = end {
            v["conversationEnd"] = json!(iso(e));
        }
        v
    }

    /// The conversation as `PATCH /api/v2/conversations/emails/{id}` answers it: the SDK's
    /// `Conversation`, whose plain `Participant`s carry the email's media state under `emails`
    /// (an `EmailMediaParticipant`'s own fields would be unknown there).
    pub fn conversation_json(&self) -> Value {
        const MEDIA: &[&str] = &[
            "state",
            "held",
            "subject",
            "messagesSent",
            "autoGenerated",
            "disconnectType",
        ];
        let mut v = self.email_json();
        if let Some(Value::Array(ps)) = v.get_mut("participants") {
            for p in ps.iter_mut() {
                let Value::Object(m) = p else { continue };
                let mut email = serde_json::Map::new();
                for k in MEDIA {
                    if let Some(x) = m.remove(*k) {
                        email.insert((*k).to_string(), x);
                    }
                }
                if let Some(q) = m.remove("queue") {
                    if let Some(id) = q.get("id") {
                        m.insert("queueId".into(), id.clone());
                    }
                }
                m.insert("emails".into(), json!([Value::Object(email)]));
            }
        }
        v
    }

    /// The conversation as `GET /api/v2/conversations/emails/{id}` shows it (no lag).
    pub fn email_json(&self) -> Value {
        let ended = self.end.is_some();
        let state = |open: bool| if open { "connected" } else { "disconnected" };
        let mut participants = vec![
            self.participant(0, "external", state(!ended), self.start, self.end),
            self.participant(
                1,
                "workflow",
                "disconnected",
                self.start,
                Some(self.flow_end().min(self.end.unwrap_or(self.flow_end()))),
            ),
        ];
        if let Some(q) = &self.destination.queue {
            let mut acd = self.participant(2, "acd", state(!ended), self.flow_end(), self.end);
            acd["name"] = json!(q.name);
            acd["queue"] =
                json!({"id": q.id, "selfUri": format!("/api/v2/routing/queues/{}", q.id)});
            participants.push(acd);
        }
        json!({
            "id": self.id,
            "participants": participants,
            "selfUri": format!("/api/v2/conversations/emails/{}", self.id),
        })
    }

    fn participant(
        &self,
        i: usize,
        purpose: &str,
        state: &str,
        start: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
    ) -> Value {
        let mut p = json!({
            "id": self.participant_ids[i],
            "name": if i == 0 { self.from.as_str() } else { "" },
            "address": if i == 0 { self.from.as_str() } else { self.to.as_str() },
            "startTime": iso(start),
            "connectedTime": iso(start),
            "purpose": purpose,
            "state": state,
            "held": false,
            "subject": self.subject,
            "messagesSent": 0,
            "autoGenerated": false,
        });
        if let Some(e) = end {
            p["endTime"] = json!(iso(e));
            p["disconnectType"] = json!(if purpose == "acd" { "client" } else { "peer" });
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::genesys::{GenesysOptions, GenesysScenario};
    use crate::model::demo::TENANT_DOMAIN;

    fn org(sc: GenesysScenario) -> Org {
        Org::new(&GenesysOptions::scenario(sc), Utc::now())
    }

    #[test]
    fn routes_decide_the_queue() {
        let o = org(GenesysScenario::Healthy);
        let support = destination(&o, &format!("Support@{TENANT_DOMAIN}")).unwrap();
        assert_eq!(support.queue.unwrap().name, "Support");
        assert!(support.flow.is_none());
        let sales = destination(&o, &format!("sales@{TENANT_DOMAIN}")).unwrap();
        assert_eq!(sales.queue.unwrap().name, "Support");
        assert!(sales.flow.is_some());
        assert!(destination(&o, &format!("nobody@{TENANT_DOMAIN}")).is_none());
        assert!(destination(&o, "support@elsewhere.example").is_none());
        assert_eq!(route_addresses(&o).len(), 2);
        let none = org(GenesysScenario::RouteWithoutQueue);
        let d = destination(&none, &format!("support@{TENANT_DOMAIN}")).unwrap();
        assert!(d.queue.is_none());
        assert!(route_addresses(&org(GenesysScenario::NoDomain)).is_empty());
    }

    #[test]
    fn lag_hides_start_and_end() {
        let o = org(GenesysScenario::Healthy);
        let d = destination(&o, &format!("support@{TENANT_DOMAIN}")).unwrap();
        let t0 = Utc::now();
        let lag = chrono::Duration::seconds(1);
        let mut c = Conversation::new("A@x.example", "SUPPORT@d.example", "s", d, t0);
        assert!(!c.visible(t0, lag));
        assert!(c.visible(t0 + lag, lag));
        c.end = Some(t0 + lag);
        let j = c.analytics_json(t0 + lag, lag);
        assert!(j.get("conversationEnd").is_none());
        assert_eq!(j["participants"].as_array().unwrap().len(), 3);
        assert_eq!(
            j["participants"][2]["sessions"][0]["addressTo"],
            "support@d.example"
        );
        let j = c.analytics_json(t0 + lag * 2, lag);
        assert!(j["conversationEnd"].is_string());
        assert_eq!(c.email_json()["participants"][2]["state"], "disconnected");
    }
}
