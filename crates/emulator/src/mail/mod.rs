//! Microsoft Graph mail endpoints with application permissions: mail folders, message lists
//! with `$filter`/`$orderby`/`$select`/`$top` and paging, delta queries, reading, marking and
//! deleting messages, and sendMail with delivery after a delay to every mailbox of every tenant.
//! Also Outlook's limit of four concurrent requests per mailbox, enforced by the server's
//! middleware through [`slots::acquire_slot`].
//!
//! Permission checks use the caller token's `roles`: reading needs Mail.ReadWrite (Mail.Read is
//! accepted too), changing or deleting needs Mail.ReadWrite, sending needs Mail.Send. Delegated
//! tokens are refused with `ErrorAccessDenied` (the administrator has no mailbox here).
//!
//! Layout: [`endpoint`] checks permissions and the mailbox and answers folders and single
//! messages; [`list`] and [`delta`] answer message lists and delta rounds (whose tokens live in
//! [`sync`]); [`send`] is sendMail; [`slots`] the concurrency limit; [`errors`] the Exchange
//! errors they share.

pub(crate) mod delta;
pub(crate) mod endpoint;
pub(crate) mod errors;
pub(crate) mod list;
pub(crate) mod send;
pub(crate) mod slots;
pub(crate) mod sync;
