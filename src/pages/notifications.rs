//! `/benachrichtigungen` (the in-app list), `/konto/benachrichtigungen` (mail choices) and
//! `/abmelden` (the page behind a mail's unsubscribe link, usable without logging in).

use crate::api::moderation::moderation_notices;
use crate::api::notifications::{
    check_unsubscribe_link, get_notification_settings, list_notifications, MarkNotificationsRead,
    SaveNotificationSettings, Unsubscribe,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, CheckboxField, FormAlert, SelectField, SuccessNotice};
use crate::domain::moderation::{LogAction, ModerationNotice, NoticeAudience};
use crate::domain::notifications::{
    Delivery, DigestPeriod, NotificationSettings, NotificationView, UnsubscribeScope,
};
use crate::i18n::{use_texts, Texts};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = use_texts();
    let mark_read = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(|| (), |_| list_notifications());
    let notices = Resource::new(|| (), |_| moderation_notices());
    view! {
        <Title text=t.notifications_title/>
        <div class="container page narrow">
            <h1>{t.notifications_title}</h1>
            <p><a href="/konto/benachrichtigungen">{t.notifications_settings_link}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    notices.await.ok().filter(|n| !n.is_empty()).map(|notices| view! {
                        <ModerationNotices notices mark_read/>
                    })
                })}
            </Suspense>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p>{t.notifications_empty}</p> }.into_any(),
                        Ok(items) => {
                            let unread = items.iter().filter(|n| !n.read).count() as i64;
                            view! {
                                {(unread > 0).then(|| view! {
                                    <p role="status">{(t.unread_count)(unread)}</p>
                                    <ActionForm action=mark_read attr:class="inline-form">
                                        <button type="submit" class="button button-secondary button-small">{t.notifications_mark_all}</button>
                                    </ActionForm>
                                })}
                                <ul class="notifications">
                                    {items.into_iter().map(|n| view! { <NotificationItem n/> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// What moderation decided about the person's contributions or reports (a statement of
/// reasons for authors; the outcome only for reporters).
#[component]
fn ModerationNotices(
    notices: Vec<ModerationNotice>,
    mark_read: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let unread = notices.iter().any(|n| !n.read);
    view! {
        <section aria-labelledby="notices-heading" class="card">
            <h2 id="notices-heading">{m.notices_heading}</h2>
            <ul class="notifications">
                {notices.into_iter().map(|n| {
                    let author = n.audience == NoticeAudience::Author;
                    let excerpt = n.excerpt.clone().unwrap_or_default();
                    let text = if n.automatic && author {
                        (m.auto_hidden_notice)(&excerpt)
                    } else {
                        (m.notice_text)(author, n.action, &excerpt)
                    };
                    let why = n.rule.map(|rule| (m.mail.why)((m.rule)(rule), n.reason.as_deref()));
                    let object = (author && n.action == LogAction::Hide).then(|| view! {
                        <br/><a href=format!("/widerspruch/{}", n.log_id)>{m.objection_link}</a>
                    });
                    view! {
                        <li class="notification" class:unread=!n.read>
                            {text}
                            {why.map(|why| view! { <br/>{why} })}
                            {object}
                            <span class="meta">
                                " · "{t.day_of(n.created_at)}
                                {(!n.read).then(|| view! { " · "<span class="badge">{t.notification_unread}</span> })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {unread.then(|| view! {
                <ActionForm action=mark_read attr:class="inline-form">
                    <button type="submit" class="button button-secondary button-small">{t.notifications_mark_all}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// What happened, in a sentence.
fn describe(t: &Texts, n: &NotificationView) -> String {
    let someone = t.someone;
    let actor = n.actor.as_deref().unwrap_or(someone);
    let idea = n.idea_title.as_deref().unwrap_or_default();
    let project = n.project_title.as_deref().unwrap_or_default();
    (t.notification_text)(n.kind, actor, idea, project)
}

#[component]
fn NotificationItem(n: NotificationView) -> impl IntoView {
    let t = use_texts();
    let text = describe(t, &n);
    view! {
        <li class="notification" class:unread=!n.read>
            {if n.hidden {
                view! { <span class="muted">{t.notification_hidden}</span> }.into_any()
            } else {
                view! { <a href=n.href()>{text}</a> }.into_any()
            }}
            <span class="meta">
                " · "{t.day_of(n.created_at)}
                {(!n.read).then(|| view! { " · "<span class="badge">{t.notification_unread}</span> })}
            </span>
        </li>
    }
}

#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    let t = use_texts();
    let settings = Resource::new(|| (), |_| get_notification_settings());
    let saved = move || use_query_map().read().get("gespeichert").is_some();
    view! {
        <Title text=t.notification_settings_title/>
        <div class="container page narrow">
            <h1>{t.notification_settings_title}</h1>
            {move || saved().then(|| view! { <SuccessNotice message=t.notification_settings_saved/> })}
            <p>{t.notification_settings_intro}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(settings) => view! { <SettingsForm settings/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn SettingsForm(settings: NotificationSettings) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveNotificationSettings>::new();
    let error = action_error(save.value());
    let options: Vec<(String, String)> = Delivery::ALL
        .into_iter()
        .map(|d| (d.as_str().to_owned(), t.delivery(d).to_owned()))
        .collect();
    view! {
        <FormAlert error/>
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            {settings.deliveries.into_iter().map(|(kind, delivery)| view! {
                <SelectField name=kind.delivery_field() label=t.notification_kind(kind) options=options.clone()
                    initial=delivery.as_str().to_owned() error/>
            }).collect_view()}
            <CheckboxField name="follow_on_comment" label=t.follow_on_comment_label
                initial=settings.follow_on_comment error/>
            <CheckboxField name="follow_on_vote" label=t.follow_on_vote_label
                initial=settings.follow_on_vote error/>
            <button type="submit" class="button">{t.notification_settings_save}</button>
        </ActionForm>
    }
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let token = move || query.read().get("t").unwrap_or_default();
    let done = move || query.read().get("erledigt").is_some();
    let scope = Resource::new(token, check_unsubscribe_link);
    let unsubscribe = ServerAction::<Unsubscribe>::new();
    let error = action_error(unsubscribe.value());
    view! {
        <Title text=t.unsubscribe_title/>
        <div class="container page narrow">
            <h1>{t.unsubscribe_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match scope.await {
                        Ok(_) if done() || matches!(unsubscribe.value().get(), Some(Ok(_))) => view! {
                            <SuccessNotice message=t.unsubscribe_done/>
                            <p>{t.unsubscribe_settings_hint}</p>
                        }.into_any(),
                        Ok(scope) => view! {
                            <FormAlert error/>
                            <p>{t.unsubscribe_intro}</p>
                            <p><strong>{scope_label(t, scope)}</strong></p>
                            <ActionForm action=unsubscribe attr:class="form">
                                <input type="hidden" name="t" value=token()/>
                                <button type="submit" class="button">{t.unsubscribe_submit}</button>
                            </ActionForm>
                            <p class="hint">{t.unsubscribe_settings_hint}</p>
                        }.into_any(),
                        Err(error) => view! { <FormAlert error=Signal::derive(move || Some(error.clone()))/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

fn scope_label(t: &Texts, scope: UnsubscribeScope) -> &'static str {
    match scope {
        UnsubscribeScope::Kind(kind) => t.notification_kind(kind),
        UnsubscribeScope::Digest(DigestPeriod::Daily) => t.unsubscribe_digest_daily,
        UnsubscribeScope::Digest(DigestPeriod::Weekly) => t.unsubscribe_digest_weekly,
    }
}
