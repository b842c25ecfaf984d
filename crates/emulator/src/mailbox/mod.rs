//! Mailboxes and messages: what each tenant's mailboxes hold, how a message is shown as Graph
//! JSON, and the pieces of OData the mail endpoints understand (`$filter`, `$orderby`,
//! `$select`), kept free of HTTP so they can be checked on their own.
//!
//! Layout: `store` holds the mailboxes, folders and messages; `json` shows a message as Graph
//! JSON (with `$select`); `query` reads `$filter` and `$orderby` and sorts. Everything public is
//! re-exported here.

mod json;
mod query;
mod store;

pub use json::{graph_time, message_json, parse_select, Selection, MESSAGE_PROPERTIES};
pub use query::{
    orderby_fits_filter, parse_filter, parse_orderby, parse_time, sort_messages, Clause, Cmp,
    MessageFilter, SortKey,
};
pub use store::{
    new_internet_message_id, new_message_id, EmailAddress, FolderKind, Mailbox, MailboxBehaviour,
    Message, MessageInfo, Removed,
};

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn msg(subject: &str, received: &str, is_read: bool) -> Message {
        let t = parse_time(received).unwrap_or_default();
        Message {
            id: new_message_id(),
            internet_message_id: new_internet_message_id("x.test"),
            subject: subject.into(),
            body_is_html: false,
            body: "hello".into(),
            from: EmailAddress {
                name: "A".into(),
                address: "a@x.test".into(),
            },
            to: vec![],
            headers: vec![],
            created: t,
            received: t,
            sent: t,
            last_modified: t,
            is_read,
            change_seq: 0,
        }
    }

    #[test]
    fn filters_parse_and_match() {
        let f = parse_filter(
            "receivedDateTime ge 2026-11-27T10:00:00Z and subject eq 'It''s' and isRead eq false",
        )
        .expect("valid");
        assert_eq!(f.clauses.len(), 3);
        assert_eq!(
            f.properties(),
            vec!["receivedDateTime", "subject", "isRead"]
        );
        assert!(f.matches(&msg("it's", "2026-11-27T10:00:00Z", false)));
        assert!(!f.matches(&msg("It's", "2026-11-27T09:59:59Z", false)));
        assert!(!f.matches(&msg("It's", "2026-11-28T00:00:00Z", true)));
        let f = parse_filter("startswith(subject,'graphwiz ') and isRead eq true").expect("valid");
        assert!(f.matches(&msg("Graphwiz test 1", "2026-01-01", true)));
        assert!(!f.matches(&msg("other", "2026-01-01", true)));
        assert!(parse_filter("(isRead eq false)").is_ok());
        assert!(parse_filter("")
            .map(|f| f.clauses.is_empty())
            .unwrap_or(false));
        for bad in [
            "subject eq 'x' or isRead eq true",
            "importance eq 'high'",
            "subject eq 'open",
            "receivedDateTime ge 'yesterday'",
            "receivedDateTime ge yesterday",
            "isRead eq maybe",
            "subject gt 'a'",
            "startswith(body,'x')",
            "contains(subject,'x')",
            "subject",
            "not isRead eq true",
        ] {
            assert!(parse_filter(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn orderby_rules() {
        let f = parse_filter("receivedDateTime ge 2026-01-01T00:00:00Z and subject eq 'x'")
            .unwrap_or_default();
        let k = parse_orderby("receivedDateTime desc").unwrap_or_default();
        assert!(orderby_fits_filter(&k, &f));
        let k = parse_orderby("subject").unwrap_or_default();
        assert!(!orderby_fits_filter(&k, &f));
        assert!(orderby_fits_filter(&k, &MessageFilter::default()));
        assert_eq!(parse_orderby("nope desc"), Err(Some("nope".to_string())));
        assert_eq!(parse_orderby("subject sideways"), Err(None));
    }

    #[test]
    fn select_and_json() {
        let m = msg("s", "2026-11-27T10:00:00Z", false);
        let v = message_json(&m, "F", &None);
        assert_eq!(v["receivedDateTime"], "2026-11-27T10:00:00Z");
        assert!(v.get("internetMessageHeaders").is_none());
        let sel = parse_select(Some("subject,internetMessageHeaders")).expect("valid");
        let v = message_json(&m, "F", &sel);
        assert!(v.get("internetMessageHeaders").is_some());
        assert!(v.get("isRead").is_none());
        assert_eq!(v["id"], m.id.as_str());
        assert_eq!(parse_select(Some("subject,nope")), Err("nope".to_string()));
        assert!(new_message_id().len() > 60);
        assert_ne!(new_message_id(), new_message_id());
    }

    #[test]
    fn mailbox_changes_bump_the_counter() {
        let mut mb = Mailbox::new("A@X.test", "A", "id", MailboxBehaviour::Healthy);
        assert_eq!(mb.address, "a@x.test");
        assert!(mb.is_named("a@X.TEST"));
        let m = msg("s", "2026-11-27T10:00:00Z", false);
        let id = m.id.clone();
        mb.add(FolderKind::Inbox, m);
        assert_eq!(mb.change_seq, 1);
        assert_eq!(
            mb.update(&id, Utc::now(), |m| m.is_read = true),
            Some(FolderKind::Inbox)
        );
        assert_eq!(mb.inbox[0].change_seq, 2);
        assert!(mb.remove(&id));
        assert!(!mb.remove(&id));
        assert_eq!(mb.removed[0].change_seq, 3);
        assert_eq!(mb.folder_named("INBOX"), Some(FolderKind::Inbox));
        assert_eq!(
            mb.folder_named(&mb.sent_items_id.clone()),
            Some(FolderKind::SentItems)
        );
        assert_eq!(mb.folder_named("drafts"), None);
    }
}
