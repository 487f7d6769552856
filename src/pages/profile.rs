//! `/personen/:id`: a person's public profile — their name as authors show it and their
//! visible ideas and comments; never their e-mail address. People can choose to show none
//! (`/konto`), and then this page does not exist.

use crate::api::participation::public_profile;
use crate::components::author_name::AuthorName;
use crate::components::contributions::{comment_entry, idea_entry, EntryList};
use crate::components::error_notice::ErrorNotice;
use crate::domain::participation::PublicProfile;
use crate::i18n::use_texts;
use crate::pages::{fetch_by_id, use_number_param};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let profile = Resource::new(use_number_param("id"), |id| fetch_by_id(id, public_profile));
    view! {
        <Suspense fallback=move || view! { <p class="container">{use_texts().loading}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <ProfileDetails profile/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileDetails(profile: PublicProfile) -> impl IntoView {
    let t = use_texts();
    let ideas = profile.ideas.into_iter().map(idea_entry).collect();
    let comments = profile.comments.into_iter().map(comment_entry).collect();
    // The name without its link: this is the page it links to.
    let author = crate::domain::ideas::AuthorView {
        profile_id: None,
        ..profile.author
    };
    view! {
        <Title text=author.name.clone()/>
        <div class="container page narrow">
            <h1><AuthorName author/></h1>
            <p>{(t.profile_page_intro)(&t.day_of(profile.since))}</p>
            <section aria-labelledby="profile-ideas">
                <h2 id="profile-ideas">{t.profile_ideas}</h2>
                <EntryList items=ideas/>
            </section>
            <section aria-labelledby="profile-comments">
                <h2 id="profile-comments">{t.profile_comments}</h2>
                <EntryList items=comments/>
            </section>
        </div>
    }
}
