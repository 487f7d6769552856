//! `/verwaltung/benutzer`: admins see all accounts and change roles.

use crate::api::admin::{list_users, ChangeRole, USERS_PER_PAGE};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, SuccessNotice};
use crate::domain::accounts::{Role, UserListItem};
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let after = move || {
        query
            .read()
            .get("nach")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let users = Resource::new(after, list_users);
    let saved = move || query.read().get("gespeichert").is_some();
    let change = ServerAction::<ChangeRole>::new();
    let error = action_error(change.value());
    view! {
        <Title text=t.admin_users_title/>
        <div class="container page">
            <h1>{t.admin_users_title}</h1>
            <Show when=saved>
                <SuccessNotice message=t.role_saved/>
            </Show>
            <FormAlert error/>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(list) => view! { <UserTable users=list change/> }.into_any(),
                        Err(AppError::Unauthenticated) => {
                            view! { <Redirect path="/anmelden?weiter=/verwaltung/benutzer"/> }.into_any()
                        }
                        Err(AppError::Forbidden) => view! {
                            <div class="notice notice-error" role="alert"><p>{t.forbidden}</p></div>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn UserTable(users: Vec<UserListItem>, change: ServerAction<ChangeRole>) -> impl IntoView {
    let t = use_texts();
    let next = (users.len() as i64 == USERS_PER_PAGE)
        .then(|| {
            users
                .last()
                .map(|u| format!("/verwaltung/benutzer?nach={}", u.id))
        })
        .flatten();
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t.col_name}</th>
                        <th scope="col">{t.col_email}</th>
                        <th scope="col">{t.col_verified}</th>
                        <th scope="col">{t.role_label}</th>
                    </tr>
                </thead>
                <tbody>
                    {users.into_iter().map(|user| {
                        let select_id = format!("role-{}", user.id);
                        let block_label = format!(" ({})", user.display_name);
                        view! {
                            <tr>
                                <td>
                                    {user.display_name.clone()}
                                    {user.organisation_name.clone().map(|o| view! { <br/><span class="muted">{o}</span> })}
                                </td>
                                <td>{user.email.clone()}</td>
                                <td>{if user.email_verified { t.yes } else { t.no }}</td>
                                <td>
                                    <ActionForm action=change attr:class="inline-form">
                                        <input type="hidden" name="user_id" value=user.id/>
                                        <label class="visually-hidden" for=select_id.clone()>
                                            {format!("{} – {}", t.role_label, user.display_name)}
                                        </label>
                                        <select id=select_id name="role">
                                            {Role::ALL.into_iter().map(|role| view! {
                                                <option value=role.as_str() selected=role == user.role>{t.role(role)}</option>
                                            }).collect_view()}
                                        </select>
                                        <button type="submit" class="button button-small">{t.change_role_submit}</button>
                                    </ActionForm>
                                    " "<a href=format!("/verwaltung/benutzer/{}/sperren", user.id)>
                                        {t.moderation.block_link}<span class="visually-hidden">{block_label}</span>
                                    </a>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|href| view! { <p><a href=href>{t.next_page}</a></p> })}
    }
}
