//! Workshops: everyone reads the list and the pages; verified accounts register and give up
//! their place (also by the signed link in their mails, without a login); staff create,
//! change and cancel workshops and see who registered. Each function checks the role itself.
#![allow(clippy::too_many_arguments)]

use crate::domain::validation::ValidationError;
use crate::domain::workshops::{
    Attendee, MyRegistration, Question, QuestionDraft, RegistrationStatus, WorkshopDraft,
    WorkshopListItem, WorkshopView,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The list's filters as they appear in the URL (`/workshops?projekt=…&zielgruppe=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopQuery {
    pub projekt: Option<String>,
    pub zielgruppe: Option<String>,
}

/// The list page: the workshops (drafts too for staff) and whether the viewer is staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopList {
    pub workshops: Vec<WorkshopListItem>,
    pub staff: bool,
}

#[server(endpoint = "workshops/list")]
pub async fn list_workshops(
    #[server(default)] query: WorkshopQuery,
) -> Result<WorkshopList, AppError> {
    use crate::server::db::workshops::{list_workshops, WorkshopFilter};
    use crate::server::request::serve;
    let non_empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    serve(|ctx| async move {
        let staff = ctx.viewer().await?.is_some_and(|v| v.role.is_staff());
        let filter = WorkshopFilter {
            project: non_empty(query.projekt),
            // Unknown values in a hand-edited URL mean "no filter".
            audience: non_empty(query.zielgruppe).and_then(|a| a.parse().ok()),
            with_drafts: staff,
        };
        let workshops = list_workshops(&ctx.state.db, &filter, ctx.now).await?;
        Ok(WorkshopList { workshops, staff })
    })
    .await
}

/// What a workshop page shows the viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopPageData {
    pub workshop: WorkshopView,
    pub signed_in: bool,
    pub verified: bool,
    pub staff: bool,
    /// Why the viewer cannot register now, if they cannot.
    pub refusal: Option<ValidationError>,
}

#[server(endpoint = "workshops/get")]
pub async fn get_workshop(slug: String) -> Result<WorkshopPageData, AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let viewer = ctx.viewer().await?;
        let (workshop, refusal) =
            workshops::workshop_view(&ctx.state, &slug, viewer.as_ref(), ctx.now).await?;
        Ok(WorkshopPageData {
            workshop,
            signed_in: viewer.is_some(),
            verified: viewer
                .as_ref()
                .is_some_and(|v| v.email_verified_at.is_some()),
            staff: viewer.as_ref().is_some_and(|v| v.role.is_staff()),
            refusal,
        })
    })
    .await
}

/// The workshops of one project, for its page (published only).
#[server(endpoint = "workshops/of-project")]
pub async fn project_workshops(project: String) -> Result<Vec<WorkshopListItem>, AppError> {
    use crate::server::db::workshops::{list_workshops, WorkshopFilter};
    use crate::server::request::serve;
    serve(|ctx| async move {
        let filter = WorkshopFilter {
            project: Some(project),
            ..WorkshopFilter::default()
        };
        Ok(list_workshops(&ctx.state.db, &filter, ctx.now).await?)
    })
    .await
}

/// The empty form of a new workshop (staff only): in person, for everyone, with a waitlist.
#[server(endpoint = "workshops/new-draft")]
pub async fn new_workshop_draft() -> Result<WorkshopDraft, AppError> {
    use crate::domain::workshops::{Audience, Confirmation, WorkshopFormat};
    use crate::server::request::serve;
    serve(|ctx| async move {
        ctx.staff().await?;
        Ok(WorkshopDraft {
            format: WorkshopFormat::InPerson.as_str().to_owned(),
            audience: Audience::Everyone.as_str().to_owned(),
            confirmation: Confirmation::Automatic.as_str().to_owned(),
            places_per_registration: "1".to_owned(),
            waitlist: true,
            ..WorkshopDraft::default()
        })
    })
    .await
}

/// A workshop's fields for its edit form (staff only).
#[server(endpoint = "workshops/draft")]
pub async fn get_workshop_draft(slug: String) -> Result<WorkshopDraft, AppError> {
    use crate::domain::time::berlin_local;
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        let w = db::workshops::find_workshop_by_slug(&ctx.state.db, &slug).await?;
        let questions = db::workshops::list_questions(&ctx.state.db, w.id)
            .await?
            .into_iter()
            .map(|q| QuestionDraft {
                prompt: q.prompt,
                kind: q.kind.as_str().to_owned(),
                choices: q.choices.join("\n"),
                required: q.required.then(|| "on".to_owned()),
            })
            .collect();
        let questions_locked = db::workshops::has_answers(&ctx.state.db, w.id).await?;
        let day = |at| berlin_local(at).format("%Y-%m-%d").to_string();
        let time = |at| berlin_local(at).format("%H:%M").to_string();
        Ok(WorkshopDraft {
            slug: w.slug.clone(),
            title: w.title.clone(),
            project: w.project_slug.clone().unwrap_or_default(),
            description: w.description_md.clone(),
            format: w.format.as_str().to_owned(),
            location: w.location.clone(),
            online_url: w.online_url.clone(),
            start_date: day(w.starts_at),
            start_time: time(w.starts_at),
            end_date: day(w.ends_at),
            end_time: time(w.ends_at),
            capacity: w.capacity.to_string(),
            places_per_registration: w.places_per_registration.to_string(),
            audience: w.audience.as_str().to_owned(),
            opens_date: w.registration_opens_at.map(day).unwrap_or_default(),
            opens_time: w.registration_opens_at.map(time).unwrap_or_default(),
            closes_date: w.registration_closes_at.map(day).unwrap_or_default(),
            closes_time: w.registration_closes_at.map(time).unwrap_or_default(),
            waitlist: w.waitlist,
            confirmation: w.confirmation.as_str().to_owned(),
            published: w.published_at.is_some(),
            questions,
            questions_locked,
        })
    })
    .await
}

/// Staff save a new workshop (`current_slug` empty) or the one at `current_slug`. One
/// argument per form field; unticked boxes are absent from the post; question rows come as
/// `questions[i][prompt]`, `questions[i][kind]`, ….
#[server(endpoint = "workshops/save")]
pub async fn save_workshop(
    #[server(default)] current_slug: String,
    #[server(default)] slug: String,
    #[server(default)] title: String,
    #[server(default)] project: String,
    #[server(default)] description: String,
    #[server(default)] format: String,
    #[server(default)] location: String,
    #[server(default)] online_url: String,
    #[server(default)] start_date: String,
    #[server(default)] start_time: String,
    #[server(default)] end_date: String,
    #[server(default)] end_time: String,
    #[server(default)] capacity: String,
    #[server(default)] places_per_registration: String,
    #[server(default)] audience: String,
    #[server(default)] opens_date: String,
    #[server(default)] opens_time: String,
    #[server(default)] closes_date: String,
    #[server(default)] closes_time: String,
    #[server(default)] waitlist: Option<String>,
    #[server(default)] confirmation: String,
    #[server(default)] published: Option<String>,
    #[server(default)] questions: Vec<QuestionDraft>,
) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    let draft = WorkshopDraft {
        slug,
        title,
        project,
        description,
        format,
        location,
        online_url,
        start_date,
        start_time,
        end_date,
        end_time,
        capacity,
        places_per_registration,
        audience,
        opens_date,
        opens_time,
        closes_date,
        closes_time,
        waitlist: waitlist.is_some(),
        confirmation,
        published: published.is_some(),
        questions,
        questions_locked: false,
    };
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        let saved = match current_slug.trim() {
            "" => workshops::create_workshop(&ctx.state, &staff, &draft, ctx.now).await?,
            current => workshops::update_workshop(&ctx.state, current, &draft, ctx.now).await?,
        };
        leptos_axum::redirect(&format!("/workshops/{saved}"));
        Ok(())
    })
    .await
}

/// Staff cancel a workshop with a message to everyone registered.
#[server(endpoint = "workshops/cancel-workshop")]
pub async fn cancel_workshop(
    slug: String,
    #[server(default)] message: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        ctx.staff().await?;
        workshops::cancel_workshop(&ctx.state, &slug, &message, confirm.is_some(), ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}"));
        Ok(())
    })
    .await
}

/// A verified account registers (or joins the waitlist); answers where it landed. The
/// answers to the workshop's questions come as `answers[<question id>]`.
#[server(endpoint = "workshops/register")]
pub async fn register_for_workshop(
    slug: String,
    #[server(default)] places: String,
    #[server(default)] access_needs: String,
    #[server(default)] answers: BTreeMap<String, String>,
    #[server(default)] consent: Option<String>,
) -> Result<RegistrationStatus, AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let user = ctx.verified_user().await?;
        let status = workshops::register(
            &ctx.state,
            &user,
            &slug,
            &workshops::RegistrationForm {
                places: &places,
                access_needs: &access_needs,
                answers: &answers,
                consent: consent.is_some(),
            },
            ctx.now,
        )
        .await?;
        leptos_axum::redirect(&format!("/workshops/{slug}?erfolg={}", status.as_str()));
        Ok(status)
    })
    .await
}

/// The signed-in person gives up their place or waitlist position.
#[server(endpoint = "workshops/cancel-registration")]
pub async fn cancel_registration(slug: String) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        workshops::cancel_own(&ctx.state, &user, &slug, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}?erfolg=cancelled"));
        Ok(())
    })
    .await
}

/// The signed-in person takes the place held for them (claim mode).
#[server(endpoint = "workshops/confirm-place")]
pub async fn confirm_place(slug: String) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        workshops::confirm_own(&ctx.state, &user, &slug, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}?erfolg=confirmed"));
        Ok(())
    })
    .await
}

/// Takes the held place a signed mail link stands for (no login: the token authorises).
#[server(endpoint = "workshops/confirm-by-link")]
pub async fn confirm_by_link(token: String) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let slug = workshops::confirm_by_link(&ctx.state, &token, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}?erfolg=confirmed"));
        Ok(())
    })
    .await
}

/// What the page behind a mail's "give up my place" link shows before asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelLinkView {
    pub workshop_title: String,
    pub workshop_slug: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    /// Already cancelled: nothing left to give up.
    pub cancelled: bool,
    /// A place held for the person until then (claim mode): the page asks to confirm it.
    pub offered_until: Option<chrono::DateTime<chrono::Utc>>,
}

#[server(endpoint = "workshops/link-target")]
pub async fn cancel_link_target(token: String) -> Result<CancelLinkView, AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let (registration, workshop) = workshops::link_target(&ctx.state, &token, ctx.now).await?;
        Ok(CancelLinkView {
            workshop_title: workshop.title,
            workshop_slug: workshop.slug,
            starts_at: workshop.starts_at,
            ends_at: workshop.ends_at,
            cancelled: registration.status == RegistrationStatus::Cancelled,
            offered_until: registration.offered_until,
        })
    })
    .await
}

/// Gives up the place a signed mail link stands for (no login: the token authorises).
#[server(endpoint = "workshops/cancel-by-link")]
pub async fn cancel_by_link(token: String) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        let slug = workshops::cancel_by_link(&ctx.state, &token, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}?erfolg=cancelled"));
        Ok(())
    })
    .await
}

/// The staff view of a workshop's registrations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeList {
    pub title: String,
    /// The registration questions; each attendee's answers follow their order.
    pub questions: Vec<Question>,
    pub attendees: Vec<Attendee>,
    /// Attendance can be marked from the start on.
    pub started: bool,
}

/// Who registered for a workshop (staff only).
#[server(endpoint = "workshops/attendees")]
pub async fn workshop_attendees(slug: String) -> Result<AttendeeList, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        let workshop = db::workshops::find_workshop_by_slug(&ctx.state.db, &slug).await?;
        let questions = db::workshops::list_questions(&ctx.state.db, workshop.id).await?;
        let attendees =
            db::workshops::list_attendees(&ctx.state.db, workshop.id, &questions).await?;
        Ok(AttendeeList {
            title: workshop.title,
            questions,
            attendees,
            started: ctx.now >= workshop.starts_at,
        })
    })
    .await
}

/// The signed-in person's registrations, for `/konto`.
#[server(endpoint = "workshops/mine")]
pub async fn my_registrations() -> Result<Vec<MyRegistration>, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        Ok(db::workshops::list_my_registrations(&ctx.state.db, user.id).await?)
    })
    .await
}

/// Staff write to everyone registered for a workshop (by mail).
#[server(endpoint = "workshops/message")]
pub async fn message_participants(
    slug: String,
    #[server(default)] message: String,
) -> Result<usize, AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        ctx.staff().await?;
        let sent = workshops::message_participants(&ctx.state, &slug, &message, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}/teilnehmende?erfolg=nachricht"));
        Ok(sent)
    })
    .await
}

/// Staff mark who came; `attended` holds the registration ids of those present (ticked
/// boxes, `attended[i]`), every other registered person counts as absent.
#[server(endpoint = "workshops/attendance")]
pub async fn mark_attendance(
    slug: String,
    #[server(default)] attended: Vec<String>,
) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        ctx.staff().await?;
        let present: Vec<i64> = attended.iter().filter_map(|id| id.parse().ok()).collect();
        workshops::mark_attendance(&ctx.state, &slug, &present, ctx.now).await?;
        leptos_axum::redirect(&format!(
            "/workshops/{slug}/teilnehmende?erfolg=anwesenheit"
        ));
        Ok(())
    })
    .await
}

/// Staff remove one registration (the person is told, with the message if given; the places
/// go to the waitlist).
#[server(endpoint = "workshops/remove-registration")]
pub async fn remove_registration(
    slug: String,
    #[server(default)] registration: String,
    #[server(default)] message: String,
) -> Result<(), AppError> {
    use crate::server::{request::serve, workshops};
    serve(|ctx| async move {
        ctx.staff().await?;
        let id = registration
            .trim()
            .parse()
            .map_err(|_| AppError::invalid("registration", ValidationError::Required))?;
        workshops::remove_registration(&ctx.state, &slug, id, &message, ctx.now).await?;
        leptos_axum::redirect(&format!("/workshops/{slug}/teilnehmende?erfolg=entfernt"));
        Ok(())
    })
    .await
}
