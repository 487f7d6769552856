//! The queue's list of contributions waiting for approval (pre-moderation): the text, who
//! wrote it where, and a form per contribution to approve it or hide it with a reason (a
//! plain POST, so it works without JavaScript).

use crate::api::moderation::DecideHeld;
use crate::components::form::{
    action_error, kept_value, FieldIds, FormAlert, RadioGroup, SelectField, TextArea,
};
use crate::domain::content::ContentRef;
use crate::domain::moderation::{DecisionRule, HeldDecision, HeldItem, DECISION_REASON_MAX_CHARS};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::moderation_queue::rule_choices;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn HeldContributions(items: Vec<HeldItem>) -> impl IntoView {
    let m = use_texts().moderation;
    let decide = ServerAction::<DecideHeld>::new();
    let error = action_error(decide.value());
    view! {
        <section id="freigabe" aria-labelledby="held-heading">
            <h2 id="held-heading">{m.held_heading}</h2>
            <p>{m.held_intro}</p>
            <ol class="queue">
                {items.into_iter().map(|item| view! { <HeldEntry item decide error/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn HeldEntry(
    item: HeldItem,
    decide: ServerAction<DecideHeld>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let param = item.target.param();
    // A refusal belongs to the form of the contribution it names.
    let own = param.clone();
    let error = Signal::derive(move || {
        error
            .get()
            .filter(|e| kept_value(Some(e.clone()), "item").as_deref() == Some(own.as_str()))
    });
    let heading = match item.target {
        ContentRef::Idea(_) => format!("{} „{}“", m.item_idea, item.idea_title),
        ContentRef::Comment(_) => format!("{} {} „{}“", m.item_comment, m.on_idea, item.idea_title),
    };
    let decisions = HeldDecision::ALL
        .into_iter()
        .map(|d| (d.as_param().to_owned(), (m.held_decision)(d).to_owned()))
        .collect();
    let prefix = format!("freigabe-{param}");
    view! {
        <li class="card queue-item">
            <h3>{heading.clone()}</h3>
            <p class="meta">
                {m.by_author}" "{item.author.clone()}" · "{t.day_of(item.held_at)}
            </p>
            <blockquote class="quoted-text">{item.text.clone()}</blockquote>
            <FormAlert error ids=FieldIds::Prefixed(prefix.clone()) fields=vec![("decision", m.decision_legend), ("rule", m.rule_label), ("reason", m.reason_label)]/>
            <ActionForm action=decide>
                <input type="hidden" name="item" value=param.clone()/>
                <RadioGroup name="decision" id=format!("{prefix}-decision")
                    legend=m.decision_legend options=decisions error/>
                <SelectField name="rule" id=format!("{prefix}-rule") label=m.rule_label
                    options=rule_choices(DecisionRule::ALL) error/>
                <TextArea name="reason" id=format!("{prefix}-reason") label=m.reason_label
                    hint=m.reason_hint maxlength=DECISION_REASON_MAX_CHARS rows=3
                    required=false error/>
                <button type="submit" class="button">
                    {m.held_submit}<span class="visually-hidden">": "{heading}</span>
                </button>
            </ActionForm>
        </li>
    }
}
