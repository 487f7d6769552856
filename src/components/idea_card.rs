//! An idea as a card in lists.

use crate::components::author_name::AuthorName;
use crate::domain::ideas::IdeaListItem;
use crate::i18n::{use_locale, use_texts};
use leptos::prelude::*;

#[component]
pub fn IdeaCard(idea: IdeaListItem) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let href = format!("/ideen/{}", idea.id);
    view! {
        <article class="card idea-card">
            // Title and excerpt are escaped on the server; <mark> shows search matches.
            <h3><a href=href inner_html=idea.title_html></a></h3>
            <p class="badges">
                <span class=format!("badge status-{}", idea.status.as_str())>{t.idea_status(idea.status)}</span>
                <span class="badge badge-muted">{locale.pick(&idea.category).to_owned()}</span>
            </p>
            <p class="excerpt" inner_html=idea.excerpt_html></p>
            <p class="meta">
                {t.by_author}" "<AuthorName author=idea.author/>
                " · "{t.day_of(idea.created_at)}
                {idea.project_title.map(|p| view! { " · "{p} })}
            </p>
            <p class="meta">
                {(t.support_count)(idea.vote_count)}" · "{(t.comment_count)(idea.comment_count)}
            </p>
        </article>
    }
}
