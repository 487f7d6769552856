//! `/verwaltung/benutzer/:id/sperren`: staff block an account (rule, reason, duration, and
//! whether everything the person wrote is hidden), or lift a running block.

use crate::api::moderation::{get_block_target, BlockAccount, UnblockAccount};
use crate::components::form::{
    action_error, CheckboxField, FormAlert, RadioGroup, SelectField, SuccessNotice, TextArea,
};
use crate::domain::moderation::{
    BlockDuration, BlockTarget, DecisionRule, DECISION_REASON_MAX_CHARS,
};
use crate::i18n::use_texts;
use crate::pages::moderation_queue::{refused_view, rule_choices};
use crate::pages::use_number_param;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BlockAccountPage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let param = use_number_param("id");
    let user_id = move || param().unwrap_or(0);
    let target = Resource::new(user_id, get_block_target);
    let saved = move || use_query_map().read().get("gespeichert").is_some();
    view! {
        <Title text=m.block_title/>
        <div class="container page narrow">
            <p><a href="/verwaltung/moderation">{m.back_to_queue}</a></p>
            <h1>{m.block_title}</h1>
            <Show when=saved>
                <SuccessNotice message=m.block_saved/>
            </Show>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match target.await {
                        Ok(target) if target.block.is_some() => view! { <Unblock target/> }.into_any(),
                        Ok(target) => view! { <Block target/> }.into_any(),
                        Err(error) => {
                            let back = format!("/verwaltung/benutzer/{}/sperren", user_id());
                            refused_view(error, &back)
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Block(target: BlockTarget) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let block = ServerAction::<BlockAccount>::new();
    let error = action_error(block.value());
    let durations = BlockDuration::CHOICES
        .into_iter()
        .map(|d| (d.as_param(), (m.duration)(d)))
        .collect();
    view! {
        <p class="lead">{(m.block_intro)(&target.name)}</p>
        {target.is_staff.then(|| view! { <p class="notice" role="note">{m.block_staff_note}</p> })}
        <FormAlert error fields=vec![("rule", m.rule_label), ("reason", m.reason_label), ("duration", m.duration_legend), ("hide_content", m.hide_content_label)]/>
        <ActionForm action=block>
            <input type="hidden" name="user_id" value=target.id/>
            <SelectField name="rule" label=m.rule_label options=rule_choices(
                DecisionRule::ALL.into_iter().filter(|r| *r != DecisionRule::NoViolation)
            ) error/>
            <TextArea name="reason" label=m.reason_label hint=m.reason_hint
                maxlength=DECISION_REASON_MAX_CHARS rows=4 required=false error/>
            <RadioGroup name="duration" legend=m.duration_legend options=durations error/>
            <CheckboxField name="hide_content" label=m.hide_content_label error/>
            <button type="submit" class="button">{m.block_submit}</button>
        </ActionForm>
    }
}

#[component]
fn Unblock(target: BlockTarget) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let unblock = ServerAction::<UnblockAccount>::new();
    let error = action_error(unblock.value());
    let notice = target
        .block
        .map(|b| t.error_message(&crate::error::AppError::Blocked(b)))
        .unwrap_or_default();
    let lift_rules = rule_choices([DecisionRule::NoViolation, DecisionRule::Other]);
    view! {
        <p class="lead">{(m.blocked_intro)(&target.name)}</p>
        <blockquote class="quoted-text">{notice}</blockquote>
        <FormAlert error fields=vec![("rule", m.rule_label), ("reason", m.reason_label)]/>
        <ActionForm action=unblock>
            <input type="hidden" name="user_id" value=target.id/>
            <SelectField name="rule" label=m.rule_label options=lift_rules error/>
            <TextArea name="reason" label=m.reason_label hint=m.reason_hint
                maxlength=DECISION_REASON_MAX_CHARS rows=3 required=false error/>
            <button type="submit" class="button">{m.unblock_submit}</button>
        </ActionForm>
    }
}
