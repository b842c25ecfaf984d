//! The Microsoft Graph permissions Genesys Cloud needs, and the look-alikes admins add by mistake.

/// appId of the Microsoft Graph resource.
pub const MICROSOFT_GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

/// Application permission or delegated permission, as the portal's "Type" column says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// "Application" (an app role; `type: "Role"` in requiredResourceAccess).
    Application,
    /// "Delegated" (an OAuth2 scope; `type: "Scope"`).
    Delegated,
}

impl Kind {
    /// The selector catalog messages take for it (`application`, `delegated`): the faces word it
    /// as their language's portal does ("Application"/"Anwendung", "Delegated"/"Delegiert").
    pub fn id(self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::Delegated => "delegated",
        }
    }

    /// The English portal's word for it (for logs; messages take [`Kind::id`]).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Application => "Application",
            Kind::Delegated => "Delegated",
        }
    }

    /// The `type` value in requiredResourceAccess.
    pub fn wire(self) -> &'static str {
        match self {
            Kind::Application => "Role",
            Kind::Delegated => "Scope",
        }
    }

    /// The other kind.
    pub fn other(self) -> Kind {
        match self {
            Kind::Application => Kind::Delegated,
            Kind::Delegated => Kind::Application,
        }
    }
}

/// One Microsoft Graph permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permission {
    /// Name as the portal shows it.
    pub name: &'static str,
    /// Application or Delegated.
    pub kind: Kind,
    /// The permission's id (app role id or scope id).
    pub id: &'static str,
}

/// Mail.ReadWrite, Application: read, mark read and delete mail in the mailboxes.
pub const MAIL_READWRITE: Permission = Permission {
    name: "Mail.ReadWrite",
    kind: Kind::Application,
    id: "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
};
/// Mail.Send, Application: send mail as the mailboxes.
pub const MAIL_SEND: Permission = Permission {
    name: "Mail.Send",
    kind: Kind::Application,
    id: "b633e1c5-b582-4048-a93e-9f11b44c7e96",
};
/// User.Read, Delegated: gives access to the user's email address.
pub const USER_READ: Permission = Permission {
    name: "User.Read",
    kind: Kind::Delegated,
    id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d",
};

/// The three permissions Genesys Cloud needs.
pub const REQUIRED: [Permission; 3] = [MAIL_READWRITE, MAIL_SEND, USER_READ];

/// The same names with the other type: what an admin picked when the wrong tab was open.
pub const WRONG_KIND: [Permission; 4] = [
    Permission {
        name: "Mail.ReadWrite",
        kind: Kind::Delegated,
        id: "024d486e-b451-40bb-833d-3e66d98c5c73",
    },
    Permission {
        name: "Mail.Send",
        kind: Kind::Delegated,
        id: "e383f46e-2787-4529-855e-0e479a3ffac0",
    },
    // User.Read has no application form; on the Application tab the closest entry is User.Read.All.
    Permission {
        name: "User.Read.All",
        kind: Kind::Application,
        id: "df021288-bdef-4463-88db-98f22de89214",
    },
    Permission {
        name: "User.Read",
        kind: Kind::Application,
        id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d",
    },
];

/// The wrong-type look-alike that stands for `p`, if `requested` holds one.
pub fn wrong_kind_of(p: &Permission, requested: &[(String, Kind)]) -> Option<Permission> {
    WRONG_KIND.iter().copied().find(|w| {
        w.kind != p.kind
            && w.name.starts_with(p.name)
            && requested
                .iter()
                .any(|(id, kind)| id.eq_ignore_ascii_case(w.id) && *kind == w.kind)
    })
}
