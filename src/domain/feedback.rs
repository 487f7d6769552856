//! What a person just did, carried in the redirect after an action
//! (`/ideen/5?erledigt=kommentiert-12#kommentar-12`), so that the page they land on confirms
//! it where they land: visibly without JavaScript, and with it also announced to screen
//! readers with the focus moved there (WCAG 4.1.3, 2.4.3). Only the kind of action and an id
//! travel, never anything typed.

/// The query parameter that names the action.
pub const PARAM: &str = "erledigt";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Supported,
    SupportWithdrawn,
    Followed,
    Unfollowed,
    Commented(i64),
    /// Pre-moderation holds the comment until staff approve it.
    CommentHeld(i64),
    CommentEdited(i64),
    CommentDeleted(i64),
}

impl Done {
    /// The parameter's value: a word, and the comment's id where one is meant.
    pub fn param(self) -> String {
        match self {
            Done::Supported => "unterstuetzt".to_owned(),
            Done::SupportWithdrawn => "zurueckgenommen".to_owned(),
            Done::Followed => "gefolgt".to_owned(),
            Done::Unfollowed => "entfolgt".to_owned(),
            Done::Commented(id) => format!("kommentiert-{id}"),
            Done::CommentHeld(id) => format!("wartet-{id}"),
            Done::CommentEdited(id) => format!("bearbeitet-{id}"),
            Done::CommentDeleted(id) => format!("geloescht-{id}"),
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        let simple = match value {
            "unterstuetzt" => Some(Done::Supported),
            "zurueckgenommen" => Some(Done::SupportWithdrawn),
            "gefolgt" => Some(Done::Followed),
            "entfolgt" => Some(Done::Unfollowed),
            _ => None,
        };
        simple.or_else(|| {
            let (word, id) = value.rsplit_once('-')?;
            let id = id.parse().ok().filter(|id: &i64| *id > 0)?;
            match word {
                "kommentiert" => Some(Done::Commented(id)),
                "wartet" => Some(Done::CommentHeld(id)),
                "bearbeitet" => Some(Done::CommentEdited(id)),
                "geloescht" => Some(Done::CommentDeleted(id)),
                _ => None,
            }
        })
    }

    /// The id of the element the page lands on (and that takes the focus).
    pub fn anchor(self) -> String {
        match self.comment_id() {
            Some(id) => format!("kommentar-{id}"),
            None if matches!(self, Done::Followed | Done::Unfollowed) => "folgen".to_owned(),
            None => "unterstuetzen".to_owned(),
        }
    }

    /// The comment the action was about, if any.
    pub fn comment_id(self) -> Option<i64> {
        match self {
            Done::Commented(id)
            | Done::CommentHeld(id)
            | Done::CommentEdited(id)
            | Done::CommentDeleted(id) => Some(id),
            _ => None,
        }
    }

    /// Where the action leads: `path` (without query or fragment) confirming it.
    pub fn redirect(self, path: &str) -> String {
        format!("{path}?{PARAM}={}#{}", self.param(), self.anchor())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_survives_its_round_trip_through_the_url() {
        for done in [
            Done::Supported,
            Done::SupportWithdrawn,
            Done::Followed,
            Done::Unfollowed,
            Done::Commented(12),
            Done::CommentHeld(3),
            Done::CommentEdited(7),
            Done::CommentDeleted(99),
        ] {
            assert_eq!(Done::from_param(&done.param()), Some(done));
        }
        assert_eq!(
            Done::Commented(12).redirect("/ideen/5"),
            "/ideen/5?erledigt=kommentiert-12#kommentar-12"
        );
        assert_eq!(
            Done::Followed.redirect("/projekte/x"),
            "/projekte/x?erledigt=gefolgt#folgen"
        );
    }

    #[test]
    fn anything_else_is_no_action() {
        for value in [
            "",
            "kommentiert",
            "kommentiert-",
            "kommentiert-0",
            "kommentiert--4",
            "x-5",
            "<script>",
        ] {
            assert_eq!(Done::from_param(value), None, "{value}");
        }
    }
}
