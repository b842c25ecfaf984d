//! The `$filter` subset the mail endpoints understand (dates, text, `startswith(subject,…)`,
//! `isRead`, joined with `and`), `$orderby`, Exchange's rule that sorting must follow the filter,
//! and sorting messages.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::store::Message;

/// A comparison operator in `$filter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// `eq`
    Eq,
    /// `ne`
    Ne,
    /// `gt`
    Gt,
    /// `ge`
    Ge,
    /// `lt`
    Lt,
    /// `le`
    Le,
}

impl Cmp {
    fn parse(s: &str) -> Option<Cmp> {
        Some(match s.to_ascii_lowercase().as_str() {
            "eq" => Cmp::Eq,
            "ne" => Cmp::Ne,
            "gt" => Cmp::Gt,
            "ge" => Cmp::Ge,
            "lt" => Cmp::Lt,
            "le" => Cmp::Le,
            _ => return None,
        })
    }

    fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
        }
    }
}

/// Date properties of a message that can be filtered and sorted.
const DATE_PROPS: &[&str] = &[
    "receivedDateTime",
    "sentDateTime",
    "createdDateTime",
    "lastModifiedDateTime",
];

/// Text properties that can be compared with `eq`/`ne` (subject also with `startswith`).
const TEXT_PROPS: &[&str] = &["subject", "internetMessageId", "from/emailAddress/address"];

/// Properties `$orderby` accepts.
const SORT_PROPS: &[&str] = &[
    "receivedDateTime",
    "sentDateTime",
    "createdDateTime",
    "lastModifiedDateTime",
    "subject",
    "isRead",
];

/// One `$filter` condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Clause {
    /// A date property compared with a time.
    Date(&'static str, Cmp, DateTime<Utc>),
    /// A text property compared (case-insensitively) with `eq` or `ne`.
    Text(&'static str, Cmp, String),
    /// `startswith(subject,'x')`, case-insensitive.
    StartsWith(&'static str, String),
    /// `isRead eq true|false` (or `ne`).
    IsRead(Cmp, bool),
}

impl Clause {
    /// The property the clause is about.
    pub fn property(&self) -> &'static str {
        match self {
            Clause::Date(p, _, _) | Clause::Text(p, _, _) | Clause::StartsWith(p, _) => p,
            Clause::IsRead(_, _) => "isRead",
        }
    }

    fn matches(&self, m: &Message) -> bool {
        match self {
            Clause::Date(p, op, t) => {
                let v = match *p {
                    "sentDateTime" => m.sent,
                    "createdDateTime" => m.created,
                    "lastModifiedDateTime" => m.last_modified,
                    _ => m.received,
                };
                // Graph compares at whole seconds.
                let v = v.timestamp();
                op.holds(&v, &t.timestamp())
            }
            Clause::Text(p, op, want) => {
                let have = text_prop(m, p).to_lowercase();
                op.holds(&have, &want.to_lowercase())
            }
            Clause::StartsWith(p, prefix) => text_prop(m, p)
                .to_lowercase()
                .starts_with(&prefix.to_lowercase()),
            Clause::IsRead(op, want) => op.holds(&m.is_read, want),
        }
    }
}

fn text_prop<'a>(m: &'a Message, prop: &str) -> &'a str {
    match prop {
        "internetMessageId" => &m.internet_message_id,
        "from/emailAddress/address" => &m.from.address,
        _ => &m.subject,
    }
}

/// A parsed `$filter`: clauses joined with `and`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MessageFilter {
    /// The clauses, in the order written.
    pub clauses: Vec<Clause>,
}

impl MessageFilter {
    /// Whether a message satisfies every clause.
    pub fn matches(&self, m: &Message) -> bool {
        self.clauses.iter().all(|c| c.matches(m))
    }

    /// The distinct properties in the order they first appear.
    pub fn properties(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for c in &self.clauses {
            let p = c.property();
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Open,
    Close,
    Comma,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                toks.push(Tok::Open);
            }
            ')' => {
                chars.next();
                toks.push(Tok::Close);
            }
            ',' => {
                chars.next();
                toks.push(Tok::Comma);
            }
            '\'' => {
                chars.next();
                let mut value = String::new();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    if c == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            value.push('\'');
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.push(c);
                    }
                }
                if !closed {
                    return Err("a string literal is not closed with a single quote".into());
                }
                toks.push(Tok::Str(value));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "(),'".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                toks.push(Tok::Word(word));
            }
        }
    }
    Ok(toks)
}

fn canonical(list: &[&'static str], name: &str) -> Option<&'static str> {
    list.iter().find(|p| p.eq_ignore_ascii_case(name)).copied()
}

/// Parses an OData date-time literal: `2026-11-27T10:00:00Z`, with fractions or an offset, or a
/// bare date (midnight UTC).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Parses the `$filter` subset the mail endpoints support; the error explains what is wrong.
pub fn parse_filter(filter: &str) -> Result<MessageFilter, String> {
    let toks = tokenize(filter)?;
    let mut i = 0;
    let mut clauses = Vec::new();
    // Parentheses around the whole filter or single clauses are accepted and ignored.
    let strip = |toks: &[Tok], i: &mut usize| {
        while toks.get(*i) == Some(&Tok::Open) {
            *i += 1;
        }
    };
    let close = |toks: &[Tok], i: &mut usize| {
        while toks.get(*i) == Some(&Tok::Close) {
            *i += 1;
        }
    };
    if toks.is_empty() {
        return Ok(MessageFilter::default());
    }
    loop {
        strip(&toks, &mut i);
        let clause = match toks.get(i) {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("startswith") => {
                let (prop, value) = match toks.get(i + 1..i + 6) {
                    Some([Tok::Open, Tok::Word(p), Tok::Comma, Tok::Str(v), Tok::Close]) => (p, v),
                    _ => return Err("startswith must be written startswith(subject,'text')".into()),
                };
                if !prop.eq_ignore_ascii_case("subject") {
                    return Err(format!(
                        "startswith is only supported on subject, not '{prop}'"
                    ));
                }
                i += 6;
                Clause::StartsWith("subject", value.clone())
            }
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("not") => {
                return Err("'not' is not supported".into())
            }
            Some(Tok::Word(prop)) => {
                let op = match toks.get(i + 1) {
                    Some(Tok::Word(op)) => Cmp::parse(op)
                        .ok_or_else(|| format!("unknown operator '{op}' after '{prop}'"))?,
                    _ => {
                        return Err(format!(
                            "'{prop}' must be followed by an operator such as eq"
                        ))
                    }
                };
                let value = toks.get(i + 2);
                i += 3;
                if let Some(p) = canonical(DATE_PROPS, prop) {
                    let Some(Tok::Word(v)) = value else {
                        return Err(format!("{p} must be compared with an unquoted date-time such as 2026-11-27T10:00:00Z"));
                    };
                    let t =
                        parse_time(v).ok_or_else(|| format!("'{v}' is not a valid date-time"))?;
                    Clause::Date(p, op, t)
                } else if let Some(p) = canonical(TEXT_PROPS, prop) {
                    if !matches!(op, Cmp::Eq | Cmp::Ne) {
                        return Err(format!("{p} can only be compared with eq or ne"));
                    }
                    let Some(Tok::Str(v)) = value else {
                        return Err(format!(
                            "{p} must be compared with a quoted string such as '{p}'"
                        ));
                    };
                    Clause::Text(p, op, v.clone())
                } else if prop.eq_ignore_ascii_case("isRead") {
                    if !matches!(op, Cmp::Eq | Cmp::Ne) {
                        return Err("isRead can only be compared with eq or ne".into());
                    }
                    let b = match value {
                        Some(Tok::Word(v)) if v.eq_ignore_ascii_case("true") => true,
                        Some(Tok::Word(v)) if v.eq_ignore_ascii_case("false") => false,
                        _ => return Err("isRead must be compared with true or false".into()),
                    };
                    Clause::IsRead(op, b)
                } else {
                    return Err(format!("filtering on '{prop}' is not supported"));
                }
            }
            _ => return Err("a condition is missing".into()),
        };
        clauses.push(clause);
        close(&toks, &mut i);
        match toks.get(i) {
            None => break,
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("and") => i += 1,
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("or") => {
                return Err("'or' is not supported; combine conditions with 'and'".into())
            }
            Some(_) => return Err("conditions must be joined with 'and'".into()),
        }
    }
    Ok(MessageFilter { clauses })
}

/// One `$orderby` item: property and whether descending.
pub type SortKey = (&'static str, bool);

/// Parses `$orderby`; `Err(Some(p))` names an unknown property, `Err(None)` is a syntax error.
pub fn parse_orderby(orderby: &str) -> Result<Vec<SortKey>, Option<String>> {
    let mut keys = Vec::new();
    for item in orderby.split(',') {
        let mut words = item.split_whitespace();
        let Some(prop) = words.next() else {
            return Err(None);
        };
        let desc = match words.next() {
            None => false,
            Some(d) if d.eq_ignore_ascii_case("asc") => false,
            Some(d) if d.eq_ignore_ascii_case("desc") => true,
            Some(_) => return Err(None),
        };
        if words.next().is_some() {
            return Err(None);
        }
        let p = canonical(SORT_PROPS, prop).ok_or_else(|| Some(prop.to_string()))?;
        keys.push((p, desc));
    }
    Ok(keys)
}

/// Whether `$orderby` fits `$filter` as Exchange demands: the sorted properties must be the
/// first properties of the filter, in the same order.
pub fn orderby_fits_filter(keys: &[SortKey], filter: &MessageFilter) -> bool {
    if filter.clauses.is_empty() {
        return true;
    }
    let props = filter.properties();
    keys.len() <= props.len() && keys.iter().zip(&props).all(|((k, _), p)| k == p)
}

/// Sorts messages by the keys; without keys, newest received first.
pub fn sort_messages(list: &mut [&Message], keys: &[SortKey]) {
    if keys.is_empty() {
        list.sort_by(|a, b| {
            b.received
                .cmp(&a.received)
                .then(b.change_seq.cmp(&a.change_seq))
        });
        return;
    }
    list.sort_by(|a, b| {
        for (prop, desc) in keys {
            let ord = match *prop {
                "sentDateTime" => a.sent.cmp(&b.sent),
                "createdDateTime" => a.created.cmp(&b.created),
                "lastModifiedDateTime" => a.last_modified.cmp(&b.last_modified),
                "subject" => a.subject.to_lowercase().cmp(&b.subject.to_lowercase()),
                "isRead" => a.is_read.cmp(&b.is_read),
                _ => a.received.cmp(&b.received),
            };
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != std::cmp::Ordering::Equal {
                return ord;
            }
        }
        b.change_seq.cmp(&a.change_seq)
    });
}
