//! The consumer at work: mail delivered into the emulated inboxes, the pickups that delivery
//! schedules on timer tasks, and settling the pickups that are due before a mail request is
//! answered.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::mailbox::{new_message_id, FolderKind, Message};
use crate::model::Directory;
use crate::state::Shared;
use crate::wire::lock;

use super::{Pending, PickedUp, PickupHook};

/// Delivers `template` to `addresses` (see [`deliver_to_inboxes`]) at `now` and schedules the
/// pickup of every delivered copy the consumer serves. Called with the directory unlocked.
pub(crate) fn deliver(
    s: &Arc<Shared>,
    template: &Message,
    addresses: &[String],
    now: DateTime<Utc>,
) {
    let mut dir = s.dir();
    let delivered = deliver_to_inboxes(&mut dir, template, addresses, now);
    let Some(settings) = lock(&s.pickup.settings).clone() else {
        return;
    };
    let mut scheduled = Vec::new();
    {
        let mut pending = lock(&s.pickup.pending);
        for (address, id) in delivered {
            if !settings.serves(&address)
                || !settings.mode.fetches(&address, &template.from.address)
            {
                continue;
            }
            let key = s.pickup.next_key.fetch_add(1, Ordering::Relaxed);
            let delay = chrono::Duration::from_std(settings.delay)
                .unwrap_or_else(|_| chrono::Duration::days(3650));
            pending.push(Pending {
                key,
                message_id: id,
                due: now + delay,
                report: settings.mode.reports(),
                flipped: false,
                fetched: false,
                picked: PickedUp {
                    mailbox: address,
                    from: template.from.address.clone(),
                    subject: template.subject.clone(),
                    received: now,
                },
            });
            scheduled.push(key);
        }
    }
    drop(dir);
    for key in scheduled {
        schedule(s, key, settings.delay);
    }
}

/// Puts a copy of `template` into the inbox of every mailbox (of any tenant) whose address is
/// among `addresses`; other addresses are outside the emulator and the mail just leaves. Returns
/// the (mailbox address, message id) of every delivered copy.
fn deliver_to_inboxes(
    dir: &mut Directory,
    template: &Message,
    addresses: &[String],
    now: DateTime<Utc>,
) -> Vec<(String, String)> {
    let mut delivered = Vec::new();
    for t in &mut dir.tenants {
        for mb in &mut t.mailboxes {
            if addresses
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&mb.address))
            {
                let mut m = template.clone();
                m.id = new_message_id();
                m.is_read = false;
                m.created = now;
                m.received = now;
                m.last_modified = now;
                delivered.push((mb.address.clone(), m.id.clone()));
                mb.add(FolderKind::Inbox, m);
            }
        }
    }
    delivered
}

/// Runs the pickup `key` after `delay` on a timer task (a thread when there is no runtime).
fn schedule(s: &Arc<Shared>, key: u64, delay: Duration) {
    let shared = s.clone();
    let handle = tokio::runtime::Handle::try_current()
        .ok()
        .or_else(|| lock(&s.pickup.runtime).clone());
    match handle {
        Some(h) => {
            h.spawn(async move {
                tokio::time::sleep(delay).await;
                complete(&shared, key);
            });
        }
        None => {
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                complete(&shared, key);
            });
        }
    }
}

/// Marks the mail of `p` read in its mailbox; whether the mail was still there.
fn flip(dir: &mut Directory, p: &Pending, now: DateTime<Utc>) -> bool {
    let Some(mb) = dir.mailbox_mut(&p.picked.mailbox) else {
        return false;
    };
    match mb.find(&p.message_id) {
        Some((FolderKind::Inbox, m)) => {
            if !m.is_read {
                mb.update(&p.message_id, now, |m| m.is_read = true);
            }
            true
        }
        _ => false,
    }
}

/// Completes the pickup `key`: marks the mail read if no request did yet, forgets the pickup and
/// reports the mail to the hooks.
fn complete(s: &Arc<Shared>, key: u64) {
    let now = Utc::now();
    let done = {
        let mut dir = s.dir();
        let mut pending = lock(&s.pickup.pending);
        let Some(i) = pending.iter().position(|p| p.key == key) else {
            return;
        };
        let mut p = pending.remove(i);
        if !p.flipped {
            p.fetched = flip(&mut dir, &p, now);
        }
        p
    };
    if done.fetched && done.report {
        let hooks: Vec<PickupHook> = lock(&s.pickup.hooks).clone();
        for hook in hooks {
            hook(done.picked.clone());
        }
    }
}

/// Marks read every mail whose pickup is due at `now`; the hooks are left to the timer tasks.
/// Called with the directory locked, before a mail request is answered.
pub(crate) fn settle(s: &Shared, dir: &mut Directory, now: DateTime<Utc>) {
    let mut pending = lock(&s.pickup.pending);
    for p in pending.iter_mut().filter(|p| !p.flipped && p.due <= now) {
        p.fetched = flip(dir, p, now);
        p.flipped = true;
    }
}
