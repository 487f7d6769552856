//! The support and follow box of the idea page: plain form posts, each answered with the
//! idea page again.

use crate::api::participation::{FollowIdea, SetSupport};
use crate::components::feedback::{done_here, use_done};
use crate::domain::feedback::Done;
use crate::domain::ideas::IdeaView;
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn SupportBox(idea: IdeaView) -> impl IntoView {
    let t = use_texts();
    let done = use_done();
    let support = ServerAction::<SetSupport>::new();
    let follow = ServerAction::<FollowIdea>::new();
    // Refusals name the field "vote" (own idea, limit reached, closed).
    let refusal = move || match support.value().get() {
        Some(Err(AppError::Validation(fields))) => fields.get("vote").map(|e| (t.validation)(e)),
        Some(Err(other)) => Some(t.error_message(&other)),
        _ => None,
    };
    let support_form = if idea.closed.is_some() {
        view! { <p class="hint">{t.support_closed}</p> }.into_any()
    } else if idea.viewer_is_author {
        view! { <p class="hint">{t.support_own}</p> }.into_any()
    } else if idea.viewer_may_participate {
        let (label, value) = if idea.viewer_supports {
            (t.support_withdraw, "false")
        } else {
            (t.support_submit, "true")
        };
        view! {
            {idea.viewer_supports.then(|| view! { <p>{t.support_given}</p> })}
            <ActionForm action=support attr:class="inline-form">
                <input type="hidden" name="idea_id" value=idea.id/>
                <input type="hidden" name="support" value=value/>
                <button type="submit" class="button" class:button-secondary=idea.viewer_supports>{label}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        ().into_any()
    };
    let left = match (idea.supports_left, idea.support_limit) {
        (Some(left), Some(limit)) if idea.viewer_may_participate => {
            Some(view! { <p class="hint">{(t.supports_left)(left, limit)}</p> })
        }
        _ => None,
    };
    let follow_form = idea.viewer_may_participate.then(|| {
        let (label, value) = if idea.viewer_follows {
            (t.unfollow_submit, "false")
        } else {
            (t.follow_submit, "true")
        };
        view! {
            <div id="folgen" tabindex="-1">
                {done_here(done, |d| matches!(d, Done::Followed | Done::Unfollowed))}
                {idea.viewer_follows.then(|| view! { <p class="hint">{t.following_note}</p> })}
                <ActionForm action=follow attr:class="inline-form">
                    <input type="hidden" name="idea_id" value=idea.id/>
                    <input type="hidden" name="follow" value=value/>
                    <button type="submit" class="button button-secondary button-small">{label}</button>
                </ActionForm>
            </div>
        }
    });
    view! {
        <section id="unterstuetzen" class="support-box" aria-labelledby="support-title" tabindex="-1">
            <h2 id="support-title">{t.support_title}</h2>
            {done_here(done, |d| matches!(d, Done::Supported | Done::SupportWithdrawn))}
            <p class="support-count"><strong>{(t.support_count)(idea.vote_count)}</strong></p>
            <div role="status" aria-live="polite">
                {move || refusal().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            {support_form}
            {left}
            {follow_form}
        </section>
    }
}
