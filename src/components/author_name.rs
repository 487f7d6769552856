//! Who wrote something, as cards, idea pages and comments show it: the name, the
//! organisation once staff verified it ("für Firma X") and the administration badge.

use crate::domain::ideas::AuthorView;
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn AuthorName(author: AuthorView) -> impl IntoView {
    let t = use_texts();
    view! {
        {match author.profile_id {
            Some(id) => view! {
                <a class="author-name" href=format!("/personen/{id}")>{author.name}</a>
            }.into_any(),
            None => view! { <span class="author-name">{author.name}</span> }.into_any(),
        }}
        {author.organisation.map(|organisation| view! {
            " "<span class="author-organisation">{(t.author_organisation)(&organisation)}</span>
        })}
        {author.is_staff.then(|| view! { " "<span class="badge">{t.staff_badge}</span> })}
    }
}
