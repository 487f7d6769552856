//! The queue's list of business accounts whose organisation waits for staff: what the
//! account states, and a form per account to verify or reject it (a plain POST, so it works
//! without JavaScript).

use crate::api::moderation::DecideOrganisation;
use crate::components::form::{
    action_error, kept_value, FieldIds, FormAlert, RadioGroup, TextArea,
};
use crate::domain::moderation::DECISION_REASON_MAX_CHARS;
use crate::domain::organisations::{OrganisationClaim, OrganisationDecision};
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn OrganisationClaims(claims: Vec<OrganisationClaim>) -> impl IntoView {
    let m = use_texts().moderation;
    let decide = ServerAction::<DecideOrganisation>::new();
    let error = action_error(decide.value());
    view! {
        <section id="unternehmen" aria-labelledby="organisations-heading">
            <h2 id="organisations-heading">{m.organisations_heading}</h2>
            <p>{m.organisations_intro}</p>
            <ol class="queue">
                {claims.into_iter().map(|claim| view! { <ClaimEntry claim decide error/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn ClaimEntry(
    claim: OrganisationClaim,
    decide: ServerAction<DecideOrganisation>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let user_id = claim.user_id;
    // A refusal belongs to the form of the account it names, not to every form on the page.
    let error = Signal::derive(move || {
        error
            .get()
            .filter(|e| kept_value(Some(e.clone()), "user_id") == Some(user_id.to_string()))
    });
    let prefix = format!("unternehmen-{user_id}");
    let decisions = OrganisationDecision::ALL
        .into_iter()
        .map(|d| {
            (
                d.as_param().to_owned(),
                (m.organisation_decision)(d).to_owned(),
            )
        })
        .collect();
    view! {
        <li class="card queue-item">
            <h3>{claim.organisation_name.clone()}</h3>
            <p class="meta">
                {m.organisation_by}" "{claim.display_name.clone()}" · "{claim.email.clone()}
                " · "{m.organisation_registered}" "{t.day_of(claim.registered_at)}
            </p>
            {claim.organisation_website.clone().map(|site| {
                let href = site.clone();
                view! { <p><a href=href rel="noopener noreferrer nofollow">{site}</a></p> }
            })}
            <FormAlert error ids=FieldIds::Prefixed(prefix.clone()) fields=vec![("decision", m.organisation_decision_legend), ("reason", m.organisation_reason_label)]/>
            <ActionForm action=decide>
                <input type="hidden" name="user_id" value=user_id/>
                <RadioGroup name="decision" id=format!("{prefix}-decision")
                    legend=m.organisation_decision_legend options=decisions error/>
                <TextArea name="reason" id=format!("{prefix}-reason") label=m.organisation_reason_label
                    hint=m.organisation_reason_hint maxlength=DECISION_REASON_MAX_CHARS rows=3
                    required=false error/>
                <button type="submit" class="button">
                    {m.organisation_submit}
                    <span class="visually-hidden">": "{claim.organisation_name}</span>
                </button>
            </ActionForm>
        </li>
    }
}
