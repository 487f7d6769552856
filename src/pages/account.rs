//! `/konto`: profile, language, password, email address, and the verification state.

use crate::api::accounts::{ChangeEmail, ChangePassword, UpdateProfile};
use crate::api::participation::my_participation;
use crate::api::workshops::my_registrations;
use crate::components::contributions::{comment_entry, idea_entry, EntryList};
use crate::components::form::{action_error, FormAlert, SuccessNotice, TextField};
use crate::components::unverified_notice::UnverifiedNotice;
use crate::domain::accounts::{
    CurrentUser, Role, EMAIL_MAX_CHARS, NAME_MAX_CHARS, ORGANISATION_MAX_CHARS, PASSWORD_MAX_CHARS,
    WEBSITE_MAX_CHARS,
};
use crate::domain::participation::LinkedIdea;
use crate::i18n::{use_texts, Locale};
use crate::pages::use_current_user;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Title text=t.account_title/>
        <div class="container page narrow">
            <h1>{t.account_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => view! { <AccountForms user/> }.into_any(),
                        _ => view! { <Redirect path="/anmelden?weiter=/konto"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn AccountForms(user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let saved = move || query.read().get("gespeichert");
    let notice = move || {
        saved().and_then(|what| match what.as_str() {
            "profil" => Some(t.saved_profile),
            "passwort" => Some(t.saved_password),
            "email" => Some(t.saved_email),
            "bestaetigung" => Some(t.resent),
            _ => None,
        })
    };
    let profile = ServerAction::<UpdateProfile>::new();
    let profile_error = action_error(profile.value());
    let password = ServerAction::<ChangePassword>::new();
    let password_error = action_error(password.value());
    let email = ServerAction::<ChangeEmail>::new();
    let email_error = action_error(email.value());
    let business = user.role == Role::Business;
    let user_locale = Locale::from_code(&user.locale).unwrap_or_default();
    let username = user.email.clone();
    let email_address = user.email.clone();
    view! {
        {move || notice().map(|message| view! { <SuccessNotice message/> })}
        <p>{t.role_label}": "{t.role(user.role)}</p>
        {(!user.email_verified).then(|| view! { <UnverifiedNotice/> })}

        <section aria-labelledby="profile-title">
            <h2 id="profile-title">{t.profile_title}</h2>
            {business.then(|| {
                let organisation = user.organisation_name.clone().unwrap_or_default();
                let reason = user.organisation_review_reason.as_deref();
                let status = (t.moderation.account_organisation)(user.organisation_status, &organisation, reason);
                view! { <p class="notice" role="note">{status}</p> }
            })}
            <FormAlert error=profile_error fields=vec![
                ("display_name", t.field_display_name),
                ("organisation_name", t.field_organisation_name),
                ("organisation_website", t.field_organisation_website),
            ]/>
            <ActionForm action=profile attr:class="form" attr:novalidate=true>
                <TextField name="display_name" label=t.field_display_name hint=t.field_display_name_hint
                    autocomplete="nickname" maxlength=NAME_MAX_CHARS initial=user.display_name.clone()
                    error=profile_error/>
                {business.then(|| view! {
                    <TextField name="organisation_name" label=t.field_organisation_name
                        autocomplete="organization" maxlength=ORGANISATION_MAX_CHARS
                        initial=user.organisation_name.clone().unwrap_or_default() error=profile_error/>
                    <TextField name="organisation_website" label=t.field_organisation_website kind="url"
                        autocomplete="url" required=false maxlength=WEBSITE_MAX_CHARS
                        initial=user.organisation_website.clone().unwrap_or_default() error=profile_error/>
                })}
                <div class="field">
                    <label for="locale">{t.field_language}</label>
                    <select id="locale" name="locale">
                        {Locale::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=l == user_locale>{l.texts().language_name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="choice">
                        <input type="checkbox" id="profile_public" name="profile_public" value="ja"
                            checked=user.profile_public aria-describedby="profile_public-hint"/>
                        <span>{t.field_profile_public}</span>
                    </label>
                    <p class="hint" id="profile_public-hint">{t.field_profile_public_hint}</p>
                </div>
                <button type="submit" class="button">{t.profile_submit}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="password-title">
            <h2 id="password-title">{t.password_title}</h2>
            <FormAlert error=password_error
                fields=vec![("current_password", t.field_current_password), ("new_password", t.field_new_password)]/>
            <ActionForm action=password attr:class="form" attr:novalidate=true>
                // Lets password managers tie the new password to the account.
                <input type="hidden" name="username" autocomplete="username" value=username/>
                <TextField name="current_password" label=t.field_current_password kind="password"
                    autocomplete="current-password" maxlength=PASSWORD_MAX_CHARS error=password_error/>
                <TextField name="new_password" label=t.field_new_password kind="password"
                    hint=t.field_password_hint autocomplete="new-password" maxlength=PASSWORD_MAX_CHARS
                    error=password_error/>
                <button type="submit" class="button">{t.password_submit}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="email-title">
            <h2 id="email-title">{t.email_title}</h2>
            <p>{t.current_email_label}": "<strong>{email_address}</strong></p>
            <FormAlert error=email_error
                fields=vec![("new_email", t.field_new_email), ("email_password", t.field_current_password)]/>
            <ActionForm action=email attr:class="form" attr:novalidate=true>
                <TextField name="new_email" label=t.field_new_email kind="email" autocomplete="email"
                    maxlength=EMAIL_MAX_CHARS error=email_error/>
                <TextField name="email_password" label=t.field_current_password kind="password"
                    autocomplete="current-password" maxlength=PASSWORD_MAX_CHARS error=email_error/>
                <button type="submit" class="button">{t.email_submit}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="notifications-title">
            <h2 id="notifications-title">{t.notifications_title}</h2>
            <p>
                <a href="/konto/benachrichtigungen">{t.notification_settings_title}</a>
                " · "
                <a href="/benachrichtigungen">{t.notifications_title}</a>
            </p>
        </section>

        <MyParticipationSection/>
        <MyWorkshops/>
    }
}

/// "Meine Beteiligung": the person's ideas, comments, supports and follows, each a link.
#[component]
fn MyParticipationSection() -> impl IntoView {
    let t = use_texts();
    let mine = Resource::new(|| (), |_| my_participation());
    view! {
        <section aria-labelledby="mine-title">
            <h2 id="mine-title">{t.mine_title}</h2>
            <p class="hint">{t.mine_intro}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let mine = mine.await.unwrap_or_default();
                    let ideas = mine.ideas.into_iter().map(idea_entry).collect();
                    let comments = mine.comments.into_iter().map(comment_entry).collect();
                    let idea_links = |ideas: Vec<LinkedIdea>| ideas.into_iter().map(|i| view! {
                        <li><a href=format!("/ideen/{}", i.id)>{i.title}</a></li>
                    }.into_any()).collect::<Vec<_>>();
                    let supported = idea_links(mine.supported);
                    let mut followed = idea_links(mine.followed_ideas);
                    followed.extend(mine.followed_projects.into_iter().map(|p| view! {
                        <li><a href=format!("/projekte/{}", p.slug)>{p.title}</a>" ("{t.filter_project}")"</li>
                    }.into_any()));
                    view! {
                        <MineList heading=t.mine_ideas items=ideas/>
                        <MineList heading=t.mine_comments items=comments/>
                        <MineList heading=t.mine_supported items=supported/>
                        <MineList heading=t.mine_followed items=followed/>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// One list of "Meine Beteiligung" under its heading.
#[component]
fn MineList(heading: &'static str, items: Vec<AnyView>) -> impl IntoView {
    view! {
        <h3>{heading}</h3>
        <EntryList items/>
    }
}

/// The person's workshop registrations, with status and waitlist position; each links to
/// its workshop, where the button to give the place up is.
#[component]
fn MyWorkshops() -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let mine = Resource::new(|| (), |_| my_registrations());
    view! {
        <section aria-labelledby="workshops-title">
            <h2 id="workshops-title">{w.my_heading}</h2>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let mine = mine.await.unwrap_or_default();
                    if mine.is_empty() {
                        return view! { <p>{w.my_empty}</p> }.into_any();
                    }
                    view! {
                        <ul>
                            {mine.into_iter().map(|r| view! {
                                <li>
                                    <a href=format!("/workshops/{}#anmeldung", r.workshop_slug)>{r.workshop_title}</a>
                                    " – "{(w.when)(r.starts_at, r.ends_at)}" – "
                                    {if r.workshop_cancelled {
                                        w.badge_cancelled.to_owned()
                                    } else {
                                        (w.mine)(r.status, r.places, r.waitlist_position)
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
