//! A person's ideas and comments as lists of links, for "Meine Beteiligung" (`/konto`) and
//! the public profile (`/personen/:id`), which differ only in what they list.

use crate::domain::participation::{CommentEntry, IdeaEntry, OwnVisibility};
use crate::i18n::use_texts;
use leptos::prelude::*;

/// A list of entries, or "Noch nichts."
#[component]
pub fn EntryList(items: Vec<AnyView>) -> impl IntoView {
    let t = use_texts();
    if items.is_empty() {
        view! { <p>{t.mine_none}</p> }.into_any()
    } else {
        view! { <ul class="mine-list">{items}</ul> }.into_any()
    }
}

/// An idea: its title as a link, status and day, and a badge when others do not see it.
pub fn idea_entry(idea: IdeaEntry) -> AnyView {
    let t = use_texts();
    view! {
        <li>
            <a href=format!("/ideen/{}", idea.id)>{idea.title}</a>
            " – "{t.idea_status(idea.status)}", "{t.day_of(idea.created_at)}
            {visibility_badge(idea.visibility)}
        </li>
    }
    .into_any()
}

/// A comment: its excerpt as a link to it, the idea it is on, the day, and the badge.
pub fn comment_entry(comment: CommentEntry) -> AnyView {
    let t = use_texts();
    view! {
        <li>
            <a href=format!("/ideen/{}#kommentar-{}", comment.idea_id, comment.id)>{comment.excerpt}</a>
            " "{(t.mine_comment_on)(&comment.idea_title)}", "{t.day_of(comment.created_at)}
            {visibility_badge(comment.visibility)}
        </li>
    }
    .into_any()
}

/// Only the person themselves see their waiting or hidden contributions, marked so.
fn visibility_badge(visibility: OwnVisibility) -> Option<impl IntoView> {
    let m = use_texts().moderation;
    let text = match visibility {
        OwnVisibility::Public => return None,
        OwnVisibility::Waiting => m.held_badge,
        OwnVisibility::Hidden => m.hidden_badge,
    };
    Some(view! { " "<span class="badge badge-warning">{text}</span> })
}
