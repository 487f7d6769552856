//! Workshop flows: staff create, change and cancel workshops; people register and give up
//! their place; every freed place promotes from the waitlist in the same transaction.
//!
//! Each flow that touches places locks the workshop first (`db::lock_workshop`), then
//! checks, then writes, then queues its mails — all in one transaction, so a place is never
//! lost or given twice, and a mail goes out exactly when its change was committed.

use crate::domain::accounts::Role;
use crate::domain::projects::parse_slug;
use crate::domain::validation::{parse_line, parse_markdown, FieldErrors, ValidationError};
use crate::domain::workshops::{
    berlin_instant, first_fitting, parse_count, parse_day, parse_meeting_url, parse_time,
    shows_online_link, Audience, Confirmation, QuestionDraft, QuestionSpec, RegistrationStatus,
    WorkshopDraft, WorkshopFormat, WorkshopView, ACCESS_NEEDS_MAX_CHARS, ANSWERS_KEPT_DAYS,
    CANCEL_MESSAGE_MAX_CHARS, CAPACITY_MAX, CONSENT_VERSION, LOCATION_MAX_CHARS, MESSAGE_MAX_CHARS,
    NO_PROMOTION_HOURS_BEFORE_START, QUESTIONS_MAX, WORKSHOP_DESCRIPTION_MAX_CHARS,
    WORKSHOP_TITLE_MAX_CHARS,
};
use crate::error::AppError;
use crate::server::calendar::{self, Method, Recipient};
use crate::server::db::follows::{set_following, Followed};
use crate::server::db::projects;
use crate::server::db::users::UserRow;
use crate::server::db::workshops::{
    self as db, NewRegistration, NewWorkshop, Participant, RegistrationRow, Threshold, WorkshopRow,
};
use crate::server::db::{DbError, Tx};
use crate::server::mail::templates::CalendarAttachment;
use crate::server::mail::workshop_mails::{workshop_mail, Links, WorkshopNews};
use crate::server::state::AppState;
use crate::server::{mail, markdown};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// Path segments below `/workshops/` that are pages, not workshops.
const RESERVED_SLUGS: [&str; 2] = ["neu", "abmelden"];

/// A workshop form that passed every check.
struct ValidWorkshop {
    slug: String,
    project_id: Option<i64>,
    title: String,
    description_md: String,
    format: WorkshopFormat,
    location: String,
    online_url: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    capacity: i64,
    places_per_registration: i64,
    audience: Audience,
    waitlist: bool,
    confirmation: Confirmation,
    registration_opens_at: Option<DateTime<Utc>>,
    registration_closes_at: Option<DateTime<Utc>>,
    published: bool,
    /// `None`: keep the stored questions (someone answered them already).
    questions: Option<Vec<QuestionSpec>>,
}

impl ValidWorkshop {
    fn as_new(&self) -> NewWorkshop<'_> {
        NewWorkshop {
            slug: &self.slug,
            project_id: self.project_id,
            title: &self.title,
            description_md: &self.description_md,
            format: self.format,
            location: &self.location,
            online_url: &self.online_url,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            capacity: self.capacity,
            places_per_registration: self.places_per_registration,
            audience: self.audience,
            waitlist: self.waitlist,
            registration_closes_at: self.registration_closes_at,
            registration_opens_at: self.registration_opens_at,
            confirmation: self.confirmation,
            published: self.published,
        }
    }

    /// Whether calendars and people must hear of the change: time or place moved.
    fn moves(&self, before: &WorkshopRow) -> bool {
        self.starts_at != before.starts_at
            || self.ends_at != before.ends_at
            || self.format != before.format
            || self.location != before.location
    }
}

/// The typed values, kept so that a refused form shows them again (also without JavaScript).
fn kept_values(draft: &WorkshopDraft) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("slug", &draft.slug),
        ("title", &draft.title),
        ("project", &draft.project),
        ("description", &draft.description),
        ("format", &draft.format),
        ("location", &draft.location),
        ("online_url", &draft.online_url),
        ("start_date", &draft.start_date),
        ("start_time", &draft.start_time),
        ("end_date", &draft.end_date),
        ("end_time", &draft.end_time),
        ("capacity", &draft.capacity),
        ("places_per_registration", &draft.places_per_registration),
        ("audience", &draft.audience),
        ("opens_date", &draft.opens_date),
        ("opens_time", &draft.opens_time),
        ("closes_date", &draft.closes_date),
        ("closes_time", &draft.closes_time),
        ("confirmation", &draft.confirmation),
    ] {
        errors.keep(field, value);
    }
    for (i, question) in draft.questions.iter().enumerate() {
        errors.keep(&QuestionDraft::field(i, "prompt"), &question.prompt);
        errors.keep(&QuestionDraft::field(i, "kind"), &question.kind);
        errors.keep(&QuestionDraft::field(i, "choices"), &question.choices);
        let required = if question.required.is_some() {
            "on"
        } else {
            ""
        };
        errors.keep(&QuestionDraft::field(i, "required"), required);
    }
    errors.keep("waitlist", if draft.waitlist { "on" } else { "" });
    errors.keep("published", if draft.published { "on" } else { "" });
    errors
}

/// An instant from a date field and a time field, each error under its own field.
fn instant(
    errors: &mut FieldErrors,
    (date_field, date): (&str, &str),
    (time_field, time): (&str, &str),
) -> Option<DateTime<Utc>> {
    let day = errors.check(date_field, parse_day(date));
    let time = errors.check(time_field, parse_time(time));
    let (day, time) = day.zip(time)?;
    errors.check(time_field, berlin_instant(day, time))
}

/// Checks every field; all errors at once. `before` is the stored workshop when editing.
async fn validate(
    tx: &mut Tx,
    draft: &WorkshopDraft,
    before: Option<&WorkshopRow>,
    now: DateTime<Utc>,
) -> Result<ValidWorkshop, AppError> {
    let mut errors = kept_values(draft);
    let slug = errors.check(
        "slug",
        parse_slug(&draft.slug).and_then(|s| {
            if RESERVED_SLUGS.contains(&s.as_str()) {
                Err(ValidationError::SlugTaken)
            } else {
                Ok(s)
            }
        }),
    );
    let title = errors.check("title", parse_line(&draft.title, WORKSHOP_TITLE_MAX_CHARS));
    let description_md = errors.check(
        "description",
        parse_markdown(&draft.description, WORKSHOP_DESCRIPTION_MAX_CHARS),
    );
    let project_id = match draft.project.trim() {
        "" => None,
        project => {
            let id = projects::find_project_id_in(tx, project).await?;
            if id.is_none() {
                errors.add("project", ValidationError::Invalid);
            }
            id
        }
    };
    let format: Option<WorkshopFormat> = errors.check(
        "format",
        draft.format.parse().map_err(|_| ValidationError::Invalid),
    );
    let location = match format {
        Some(f) if f.has_place() => {
            errors.check("location", parse_line(&draft.location, LOCATION_MAX_CHARS))
        }
        _ => Some(String::new()),
    };
    let online_url = match format {
        Some(f) if f.has_link() => errors.check("online_url", parse_meeting_url(&draft.online_url)),
        _ => Some(String::new()),
    };
    let starts_at = instant(
        &mut errors,
        ("start_date", &draft.start_date),
        ("start_time", &draft.start_time),
    );
    let end_date = match draft.end_date.trim() {
        "" => draft.start_date.as_str(),
        given => given,
    };
    let ends_at = instant(
        &mut errors,
        ("end_date", end_date),
        ("end_time", &draft.end_time),
    );
    if let Some(start) = starts_at {
        // A new workshop cannot start in the past; an existing one keeps its (past) time.
        let moved = before.is_none_or(|b| b.starts_at != start);
        if moved && start <= now {
            errors.add("start_date", ValidationError::StartInPast);
        }
    }
    if let (Some(start), Some(end)) = (starts_at, ends_at) {
        if end <= start {
            errors.add("end_time", ValidationError::EndBeforeStart);
        }
    }
    let capacity = errors.check("capacity", parse_count(&draft.capacity, CAPACITY_MAX));
    if let (Some(capacity), Some(before)) = (capacity, before) {
        if capacity < before.places_taken {
            errors.add(
                "capacity",
                ValidationError::CapacityBelowTaken {
                    taken: before.places_taken,
                },
            );
        }
    }
    let per_registration = match draft.places_per_registration.trim() {
        "" => Some(1),
        raw => errors.check("places_per_registration", parse_count(raw, CAPACITY_MAX)),
    };
    if let (Some(per), Some(capacity)) = (per_registration, capacity) {
        if per > capacity {
            errors.add(
                "places_per_registration",
                ValidationError::PlacesAboveCapacity,
            );
        }
    }
    let audience = errors.check(
        "audience",
        draft.audience.parse().map_err(|_| ValidationError::Invalid),
    );
    let closes_at = match (draft.closes_date.trim(), draft.closes_time.trim()) {
        ("", "") => None,
        (date, time) => instant(&mut errors, ("closes_date", date), ("closes_time", time)),
    };
    if let (Some(closes), Some(start)) = (closes_at, starts_at) {
        if closes > start {
            errors.add("closes_date", ValidationError::DeadlineAfterStart);
        }
    }
    let opens_at = match (draft.opens_date.trim(), draft.opens_time.trim()) {
        ("", "") => None,
        (date, "") => instant(&mut errors, ("opens_date", date), ("opens_time", "00:00")),
        (date, time) => instant(&mut errors, ("opens_date", date), ("opens_time", time)),
    };
    if let (Some(opens), Some(closes)) = (opens_at, closes_at.or(starts_at)) {
        if opens >= closes {
            errors.add("opens_date", ValidationError::OpeningAfterDeadline);
        }
    }
    let confirmation: Option<Confirmation> = match draft.confirmation.trim() {
        "" => Some(Confirmation::Automatic),
        raw => errors.check(
            "confirmation",
            raw.parse().map_err(|_| ValidationError::Invalid),
        ),
    };
    let questions = questions(tx, draft, before, &mut errors).await?;
    match (
        slug,
        title,
        description_md,
        format,
        location,
        online_url,
        starts_at,
        ends_at,
        capacity,
        per_registration,
        audience,
        confirmation,
    ) {
        (
            Some(slug),
            Some(title),
            Some(description_md),
            Some(format),
            Some(location),
            Some(online_url),
            Some(starts_at),
            Some(ends_at),
            Some(capacity),
            Some(places_per_registration),
            Some(audience),
            Some(confirmation),
        ) if errors.is_empty() => Ok(ValidWorkshop {
            slug,
            project_id,
            title,
            description_md,
            format,
            location,
            online_url,
            starts_at,
            ends_at,
            capacity,
            places_per_registration,
            audience,
            waitlist: draft.waitlist,
            confirmation,
            registration_opens_at: opens_at,
            registration_closes_at: closes_at,
            published: draft.published,
            questions,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// The question rows that are not blank, checked; `None` when the stored questions stay
/// because someone answered them already (an answer must keep the question it answers).
async fn questions(
    tx: &mut Tx,
    draft: &WorkshopDraft,
    before: Option<&WorkshopRow>,
    errors: &mut FieldErrors,
) -> Result<Option<Vec<QuestionSpec>>, AppError> {
    if let Some(before) = before {
        if db::has_answers_in(tx, before.id).await? {
            return Ok(None);
        }
    }
    let filled: Vec<(usize, &QuestionDraft)> = draft
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.is_blank())
        .collect();
    if filled.len() > QUESTIONS_MAX {
        errors.add("questions", ValidationError::Invalid);
    }
    Ok(Some(
        filled
            .into_iter()
            .filter_map(|(i, q)| q.parse(i, errors))
            .collect(),
    ))
}

fn slug_taken(draft: &WorkshopDraft) -> AppError {
    let mut errors = kept_values(draft);
    errors.add("slug", ValidationError::SlugTaken);
    AppError::Validation(errors)
}

/// Staff publish (or draft) a new workshop; returns its slug.
pub async fn create_workshop(
    state: &AppState,
    staff: &UserRow,
    draft: &WorkshopDraft,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let mut tx = state.db.begin().await?;
    let workshop = validate(&mut tx, draft, None, now).await?;
    let Some(id) =
        db::insert_workshop_unless_exists(&mut tx, &workshop.as_new(), Some(staff.id), now).await?
    else {
        return Err(slug_taken(draft));
    };
    if let Some(questions) = &workshop.questions {
        db::replace_questions(&mut tx, id, questions).await?;
    }
    tx.commit().await?;
    Ok(workshop.slug)
}

/// Staff change the workshop at `current_slug`; returns its (possibly new) slug. A moved
/// time or place tells everyone registered or waitlisted (with the updated calendar entry);
/// more places promote from the waitlist at once.
pub async fn update_workshop(
    state: &AppState,
    current_slug: &str,
    draft: &WorkshopDraft,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let mut tx = state.db.begin().await?;
    let before = db::lock_workshop(&mut tx, current_slug).await?;
    let workshop = validate(&mut tx, draft, Some(&before), now).await?;
    let announce = before.published_at.is_some() && workshop.moves(&before);
    match db::update_workshop(&mut tx, before.id, &workshop.as_new(), announce, now).await {
        Err(DbError::Conflict { .. }) => return Err(slug_taken(draft)),
        other => other?,
    }
    if let Some(questions) = &workshop.questions {
        db::replace_questions(&mut tx, before.id, questions).await?;
    }
    if announce {
        let after = db::lock_workshop_by_id(&mut tx, before.id).await?;
        for person in db::list_participants(&mut tx, before.id).await? {
            let calendar =
                (person.status == RegistrationStatus::Registered).then_some(Method::Request);
            // People with an open offer hear of it too; their calendar entry comes with
            // the confirmation.
            queue_news(
                &mut tx,
                state,
                &after,
                &person,
                &WorkshopNews::Changed,
                calendar,
                now,
            )
            .await?;
        }
    }
    promote_waitlist(&mut tx, state, before.id, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(workshop.slug)
}

/// Staff cancel the workshop at `slug`: everyone registered or waitlisted is told, and the
/// calendar entries they got are cancelled (`METHOD:CANCEL`, same UID, next SEQUENCE).
pub async fn cancel_workshop(
    state: &AppState,
    slug: &str,
    message_raw: &str,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    errors.keep("message", message_raw);
    let message = errors.check(
        "message",
        parse_markdown(message_raw, CANCEL_MESSAGE_MAX_CHARS),
    );
    if !confirmed {
        errors.add("confirm", ValidationError::ConfirmationRequired);
    }
    let (Some(message), true) = (message, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    if !db::cancel_workshop(&mut tx, workshop.id, &message, now).await? {
        return Err(AppError::invalid(
            "form",
            ValidationError::WorkshopCancelled,
        ));
    }
    let cancelled = db::lock_workshop_by_id(&mut tx, workshop.id).await?;
    let news = WorkshopNews::WorkshopCancelled { message: &message };
    for person in db::list_participants(&mut tx, workshop.id).await? {
        let calendar = (person.status == RegistrationStatus::Registered).then_some(Method::Cancel);
        queue_news(&mut tx, state, &cancelled, &person, &news, calendar, now).await?;
    }
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Why `viewer` cannot register for `workshop` now, if they cannot. One home for the rule:
/// the page shows it, registration enforces it.
pub fn registration_refusal(
    workshop: &WorkshopRow,
    viewer: &UserRow,
    now: DateTime<Utc>,
) -> Option<ValidationError> {
    if workshop.cancelled_at.is_some() {
        Some(ValidationError::WorkshopCancelled)
    } else if now >= workshop.starts_at {
        Some(ValidationError::WorkshopOver)
    } else if now >= workshop.closes_at() || workshop.published_at.is_none() {
        Some(ValidationError::RegistrationClosed)
    } else if let Some(opens_at) = workshop.registration_opens_at.filter(|at| now < *at) {
        Some(ValidationError::RegistrationNotOpen { opens_at })
    } else if workshop.audience == Audience::Businesses && viewer.role != Role::Business {
        Some(ValidationError::BusinessesOnly)
    } else if workshop.audience == Audience::Businesses && viewer.verified_organisation().is_none()
    {
        Some(ValidationError::OrganisationNotVerified)
    } else if !workshop.waitlist && workshop.places().free() == 0 {
        Some(ValidationError::WorkshopFull)
    } else {
        None
    }
}

/// Whether freed places are given away automatically now (not in the last hours before the
/// start, when nobody could still plan to come).
fn promotes_now(workshop: &WorkshopRow, now: DateTime<Utc>) -> bool {
    workshop.cancelled_at.is_none()
        && now < workshop.starts_at - Duration::hours(NO_PROMOTION_HOURS_BEFORE_START)
}

/// The registration form as posted.
pub struct RegistrationForm<'a> {
    pub places: &'a str,
    pub access_needs: &'a str,
    /// Answers by question id (`answers[<id>]`).
    pub answers: &'a BTreeMap<String, String>,
    pub consent: bool,
}

/// `user` registers for the workshop at `slug` with the places asked for: registered if the
/// places are free, else waitlisted (if the workshop has a waitlist).
pub async fn register(
    state: &AppState,
    user: &UserRow,
    slug: &str,
    form: &RegistrationForm<'_>,
    now: DateTime<Utc>,
) -> Result<RegistrationStatus, AppError> {
    let RegistrationForm {
        places: places_raw,
        access_needs: access_needs_raw,
        answers: answers_raw,
        consent,
    } = *form;
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    if workshop.published_at.is_none() && !user.role.is_staff() {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::new();
    errors.keep("places", places_raw);
    errors.keep("access_needs", access_needs_raw);
    let places = match places_raw.trim() {
        "" => Some(1),
        raw => errors.check("places", parse_count(raw, workshop.places_per_registration)),
    };
    let access_needs = match access_needs_raw.trim() {
        "" => Some(String::new()),
        raw => errors.check("access_needs", parse_markdown(raw, ACCESS_NEEDS_MAX_CHARS)),
    };
    let mut answers = Vec::new();
    for question in db::list_questions_in(&mut tx, workshop.id).await? {
        // Posted as `answers[<question id>]`; kept and reported under `answer_<id>`.
        let raw = answers_raw
            .get(&question.id.to_string())
            .map_or("", String::as_str);
        errors.keep(&question.field(), raw);
        if let Some(Some(answer)) = errors.check(&question.field(), question.parse_answer(raw)) {
            answers.push((question.id, answer));
        }
    }
    if !consent {
        errors.add("consent", ValidationError::ConfirmationRequired);
    }
    if let Some(refusal) = registration_refusal(&workshop, user, now) {
        errors.add("form", refusal);
    }
    let (Some(places), Some(access_needs), true) = (places, access_needs, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    // While promotions pause before the start, a free place is not taken past the people
    // already waiting for it.
    let queue_waits = workshop.waitlisted > 0 && !promotes_now(&workshop, now);
    let status = if places <= workshop.places().free() && !queue_waits {
        RegistrationStatus::Registered
    } else if workshop.waitlist {
        RegistrationStatus::Waitlisted
    } else {
        return Err(AppError::invalid("form", ValidationError::WorkshopFull));
    };
    let registration = NewRegistration {
        workshop_id: workshop.id,
        user_id: user.id,
        status,
        places,
        organisation: user.organisation_name.as_deref(),
        access_needs: &access_needs,
        consent_version: CONSENT_VERSION,
    };
    let Some(id) = db::upsert_registration(&mut tx, &registration, now).await? else {
        return Err(AppError::invalid(
            "form",
            ValidationError::AlreadyRegistered,
        ));
    };
    db::replace_answers(&mut tx, id, &answers).await?;
    let (news, calendar) = match status {
        RegistrationStatus::Registered => {
            db::add_places_taken(&mut tx, workshop.id, places).await?;
            tell_thresholds(&mut tx, state, workshop.id, now).await?;
            (WorkshopNews::Registered { places }, Some(Method::Request))
        }
        _ => (
            WorkshopNews::Waitlisted {
                position: workshop.waitlisted + 1,
            },
            None,
        ),
    };
    // Taking part follows the project, like commenting follows the idea, unless the person
    // turned that automatic following off.
    if user.follow_on_comment {
        if let Some(project_id) = workshop.project_id {
            set_following(&mut tx, user.id, Followed::Project(project_id), true, now).await?;
        }
    }
    let person = db::find_participant(&mut tx, id).await?;
    queue_news(&mut tx, state, &workshop, &person, &news, calendar, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(status)
}

/// `user` gives up their place (or waitlist position) for the workshop at `slug`.
pub async fn cancel_own(
    state: &AppState,
    user: &UserRow,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (mut tx, workshop, registration) =
        lock_own_registration(state, user, slug, ValidationError::NotRegistered).await?;
    withdraw(
        &mut tx,
        state,
        &workshop,
        &registration,
        &WorkshopNews::Cancelled,
        now,
    )
    .await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// The registration a signed mail link stands for, with its workshop (for the page that
/// asks before giving the place up).
pub async fn link_target(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(RegistrationRow, WorkshopRow), AppError> {
    let invalid = || AppError::invalid("token", ValidationError::InvalidLink);
    let id = state
        .unsubscribe_key
        .verify_registration(token, now)
        .ok_or_else(invalid)?;
    // Reads only: the page behind a link (that scanners also fetch) takes no write lock.
    let registration = match db::find_registration_row(&state.db, id).await {
        Err(DbError::NotFound) => return Err(invalid()),
        other => other?,
    };
    let workshop = db::find_workshop_by_id(&state.db, registration.workshop_id).await?;
    Ok((registration, workshop))
}

/// Gives up the place a signed mail link stands for, without a login.
pub async fn cancel_by_link(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let (mut tx, workshop, registration) = lock_link_target(state, token, now).await?;
    withdraw(
        &mut tx,
        state,
        &workshop,
        &registration,
        &WorkshopNews::Cancelled,
        now,
    )
    .await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(workshop.slug)
}

/// Cancels `registration` of the locked `workshop`, frees its places and promotes from the
/// waitlist; the person is told by `news` (with a calendar cancellation if they had the
/// calendar entry).
async fn withdraw(
    tx: &mut Tx,
    state: &AppState,
    workshop: &WorkshopRow,
    registration: &RegistrationRow,
    news: &WorkshopNews<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if registration.status == RegistrationStatus::Cancelled
        || !db::cancel_registration(tx, registration.id, registration.status, now).await?
    {
        return Err(AppError::invalid("form", ValidationError::NotRegistered));
    }
    if registration.status.holds_places() {
        db::add_places_taken(tx, workshop.id, -registration.places).await?;
    }
    let person = db::find_participant(tx, registration.id).await?;
    // Only a registered person got the calendar entry that now needs cancelling.
    let calendar =
        (registration.status == RegistrationStatus::Registered).then_some(Method::Cancel);
    queue_news(tx, state, workshop, &person, news, calendar, now).await?;
    promote_waitlist(tx, state, workshop.id, now).await?;
    Ok(())
}

/// Gives the free places of the locked workshop `workshop_id` to the waitlist by the rule of
/// [`first_fitting`], each promoted person with a mail and the calendar entry. Returns how
/// many were promoted.
async fn promote_waitlist(
    tx: &mut Tx,
    state: &AppState,
    workshop_id: i64,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let workshop = db::lock_workshop_by_id(tx, workshop_id).await?;
    let free = workshop.places().free();
    if workshop.waitlisted == 0 || free == 0 || workshop.cancelled_at.is_some() {
        return tell_thresholds(tx, state, workshop_id, now)
            .await
            .map(|()| 0);
    }
    if !promotes_now(&workshop, now) {
        let news = WorkshopNews::NoAutomaticPromotion {
            free,
            waiting: workshop.waitlisted,
        };
        queue_organiser_news(tx, state, &workshop, &news, now).await?;
        return tell_thresholds(tx, state, workshop_id, now)
            .await
            .map(|()| 0);
    }
    let waiting = db::waitlist(tx, workshop_id).await?;
    let promoted = first_fitting(free, &waiting);
    // In claim mode the place is held for the person until they confirm, at most until the
    // start; automatic mode registers them at once.
    let offered_until = (workshop.confirmation == Confirmation::Claim).then(|| {
        (now + Duration::hours(state.settings.workshop_claim_hours)).min(workshop.starts_at)
    });
    for &id in &promoted {
        let places = waiting
            .iter()
            .find(|(w, _)| *w == id)
            .map_or(0, |(_, p)| *p);
        if db::promote(tx, id, offered_until, now).await? {
            db::add_places_taken(tx, workshop_id, places).await?;
            let person = db::find_participant(tx, id).await?;
            let (news, calendar) = match offered_until {
                Some(until) => (WorkshopNews::Offered { until }, None),
                None => (WorkshopNews::Promoted, Some(Method::Request)),
            };
            queue_news(tx, state, &workshop, &person, &news, calendar, now).await?;
        }
    }
    tell_thresholds(tx, state, workshop_id, now).await?;
    Ok(promoted.len())
}

/// Tells the organiser once when the taken places reach 80 % and 100 % (also when a change
/// jumps over a threshold); a threshold the share falls below again is re-armed.
async fn tell_thresholds(
    tx: &mut Tx,
    state: &AppState,
    workshop_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let workshop = db::lock_workshop_by_id(tx, workshop_id).await?;
    // The highest threshold reached is the one worth a mail.
    let mut reached = None;
    for threshold in Threshold::ALL {
        if workshop.places_taken * 100 >= threshold.percent() * workshop.capacity {
            if db::mark_threshold_told(tx, workshop_id, threshold, now).await? {
                reached = Some(threshold);
            }
        } else {
            db::clear_threshold(tx, workshop_id, threshold).await?;
        }
    }
    if let Some(threshold) = reached {
        let news = WorkshopNews::PlacesTaken {
            percent: threshold.percent(),
        };
        queue_organiser_news(tx, state, &workshop, &news, now).await?;
    }
    Ok(())
}

/// When a person is blocked, their places in workshops that have not ended go to the
/// waitlist (a blocked account cannot come, and should not hold a place others wait for).
pub async fn withdraw_registrations_of(
    tx: &mut Tx,
    state: &AppState,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let registrations = db::list_upcoming_of_user(tx, user_id, now).await?;
    for (id, slug) in &registrations {
        let workshop = db::lock_workshop(tx, slug).await?;
        let registration = db::find_registration_by_id(tx, *id).await?;
        if db::cancel_registration(tx, *id, registration.status, now).await? {
            if registration.status.holds_places() {
                db::add_places_taken(tx, workshop.id, -registration.places).await?;
            }
            promote_waitlist(tx, state, workshop.id, now).await?;
        }
    }
    Ok(registrations.len())
}

/// The person takes the place held for them (claim mode): registered, with the calendar
/// entry. `registration` was read under the lock of `workshop`.
async fn confirm_place(
    tx: &mut Tx,
    state: &AppState,
    workshop: &WorkshopRow,
    registration: &RegistrationRow,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if workshop.cancelled_at.is_some() {
        return Err(AppError::invalid(
            "form",
            ValidationError::WorkshopCancelled,
        ));
    }
    if registration.status != RegistrationStatus::Offered
        || !db::confirm_offer(tx, registration.id, now).await?
    {
        return Err(AppError::invalid("form", ValidationError::NoOffer));
    }
    let person = db::find_participant(tx, registration.id).await?;
    let news = WorkshopNews::Registered {
        places: registration.places,
    };
    queue_news(
        tx,
        state,
        workshop,
        &person,
        &news,
        Some(Method::Request),
        now,
    )
    .await?;
    Ok(())
}

/// `user` confirms the place offered to them for the workshop at `slug`.
pub async fn confirm_own(
    state: &AppState,
    user: &UserRow,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (mut tx, workshop, registration) =
        lock_own_registration(state, user, slug, ValidationError::NoOffer).await?;
    confirm_place(&mut tx, state, &workshop, &registration, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Confirms the offered place a signed mail link stands for, without a login.
pub async fn confirm_by_link(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let (mut tx, workshop, registration) = lock_link_target(state, token, now).await?;
    confirm_place(&mut tx, state, &workshop, &registration, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(workshop.slug)
}

/// `user`'s registration for the workshop at `slug`, read under the workshop's lock;
/// `missing` if they never registered.
async fn lock_own_registration(
    state: &AppState,
    user: &UserRow,
    slug: &str,
    missing: ValidationError,
) -> Result<(Tx, WorkshopRow, RegistrationRow), AppError> {
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    let registration = db::find_registration(&mut tx, workshop.id, user.id)
        .await?
        .ok_or_else(|| AppError::invalid("form", missing))?;
    Ok((tx, workshop, registration))
}

/// The registration a signed link stands for, read again under its workshop's lock.
async fn lock_link_target(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Tx, WorkshopRow, RegistrationRow), AppError> {
    let invalid = || AppError::invalid("token", ValidationError::InvalidLink);
    let id = state
        .unsubscribe_key
        .verify_registration(token, now)
        .ok_or_else(invalid)?;
    let mut tx = state.db.begin().await?;
    let workshop_id = match db::find_registration_by_id(&mut tx, id).await {
        Err(DbError::NotFound) => return Err(invalid()),
        other => other?.workshop_id,
    };
    let workshop = db::lock_workshop_by_id(&mut tx, workshop_id).await?;
    // Read again under the lock: the status may have changed since.
    let registration = db::find_registration_by_id(&mut tx, id).await?;
    Ok((tx, workshop, registration))
}

/// Offers nobody confirmed in time move on: the registration is cancelled (the person is
/// told), its places go to the next on the waitlist. Run by the scheduled job; each expired
/// offer is handled once, under its workshop's lock.
pub async fn expire_offers(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut tx = state.db.begin().await?;
    let expired = db::list_expired_offers(&mut tx, now).await?;
    for (id, workshop_id) in &expired {
        let workshop = db::lock_workshop_by_id(&mut tx, *workshop_id).await?;
        let registration = db::find_registration_by_id(&mut tx, *id).await?;
        if registration.status == RegistrationStatus::Offered {
            withdraw(
                &mut tx,
                state,
                &workshop,
                &registration,
                &WorkshopNews::OfferExpired,
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    if !expired.is_empty() {
        state.mail_signal.wake();
    }
    Ok(expired.len())
}

/// A message of staff to participants (the `message` field): markdown of at most
/// [`MESSAGE_MAX_CHARS`], refused with the typed text kept.
fn parse_staff_message(raw: &str) -> Result<String, AppError> {
    parse_markdown(raw, MESSAGE_MAX_CHARS).map_err(|error| {
        let mut errors = FieldErrors::new();
        errors.keep("message", raw);
        errors.add("message", error);
        AppError::Validation(errors)
    })
}

/// Staff remove registration `registration_id` from the workshop at `slug` (e.g. a double
/// registration of one company); the person is told, with `message_raw` if given, and the
/// places go to the waitlist.
pub async fn remove_registration(
    state: &AppState,
    slug: &str,
    registration_id: i64,
    message_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let message = match message_raw.trim() {
        "" => String::new(),
        _ => parse_staff_message(message_raw)?,
    };
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    let registration = match db::find_registration_by_id(&mut tx, registration_id).await {
        Ok(r) if r.workshop_id == workshop.id => r,
        // Another workshop's registration is not found here.
        Ok(_) | Err(DbError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    };
    let news = WorkshopNews::Removed { message: &message };
    withdraw(&mut tx, state, &workshop, &registration, &news, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Sends the reminders of workshops starting within the configured hours; each
/// registration is claimed once (see `db::claim_due_reminders`).
pub async fn send_due_reminders(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let until = now + Duration::hours(state.settings.workshop_reminder_hours);
    let mut tx = state.db.begin().await?;
    let due = db::claim_due_reminders(&mut tx, now, until).await?;
    for (registration_id, workshop_id) in &due {
        let workshop = db::lock_workshop_by_id(&mut tx, *workshop_id).await?;
        let person = db::find_participant(&mut tx, *registration_id).await?;
        queue_news(
            &mut tx,
            state,
            &workshop,
            &person,
            &WorkshopNews::Reminder,
            None,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    if !due.is_empty() {
        state.mail_signal.wake();
    }
    Ok(due.len())
}

fn page_url(state: &AppState, slug: &str) -> String {
    format!(
        "{}/workshops/{slug}",
        state.settings.base_url.as_str().trim_end_matches('/')
    )
}

/// The address of the signed "give up my place" page for registration `id`.
pub fn cancel_link_url(state: &AppState, id: i64, workshop: &WorkshopRow) -> String {
    let token = state
        .unsubscribe_key
        .registration_token(id, workshop.ends_at);
    format!(
        "{}/workshops/abmelden?t={token}",
        state.settings.base_url.as_str().trim_end_matches('/')
    )
}

/// A calendar file of `workshops` for the public (feeds, downloads): no method, no link.
pub fn public_calendar(state: &AppState, workshops: &[WorkshopRow], title: &str) -> String {
    calendar::calendar(
        workshops,
        None,
        None,
        state.settings.base_url.as_str(),
        state.settings.mail_from.email.as_ref(),
        title,
    )
}

/// Queues a mail about `news` to the workshop's organiser (staff), if the account still
/// exists; it links the participant list.
async fn queue_organiser_news(
    tx: &mut Tx,
    state: &AppState,
    workshop: &WorkshopRow,
    news: &WorkshopNews<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (Some(email), Some(name)) = (&workshop.organiser_email, &workshop.organiser) else {
        return Ok(());
    };
    let locale = workshop
        .organiser_locale
        .as_deref()
        .and_then(crate::i18n::Locale::from_code)
        .unwrap_or_default();
    let page = format!("{}/teilnehmende", page_url(state, &workshop.slug));
    let links = Links {
        page: &page,
        cancel: None,
    };
    let mail = workshop_mail(locale, name, workshop, news, &links, None);
    mail::queue(tx, None, email, &mail, now).await?;
    Ok(())
}

/// Staff write to everyone registered (not the waitlist); returns how many get the mail.
pub async fn message_participants(
    state: &AppState,
    slug: &str,
    text_raw: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let text = parse_staff_message(text_raw)?;
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    let registered: Vec<Participant> = db::list_participants(&mut tx, workshop.id)
        .await?
        .into_iter()
        .filter(|p| p.status == RegistrationStatus::Registered)
        .collect();
    let news = WorkshopNews::Message { text: &text };
    for person in &registered {
        queue_news(&mut tx, state, &workshop, person, &news, None, now).await?;
    }
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(registered.len())
}

/// Staff mark who came (from the start of the workshop on).
pub async fn mark_attendance(
    state: &AppState,
    slug: &str,
    present: &[i64],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let workshop = db::lock_workshop(&mut tx, slug).await?;
    if now < workshop.starts_at {
        return Err(AppError::invalid("form", ValidationError::NotAllowed));
    }
    db::mark_attendance(&mut tx, workshop.id, present, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes the registration answers of workshops that ended more than
/// [`ANSWERS_KEPT_DAYS`] ago (run by the scheduled job).
pub async fn delete_old_answers(state: &AppState, now: DateTime<Utc>) -> Result<u64, AppError> {
    let mut tx = state.db.begin().await?;
    let cleared =
        db::delete_old_answers(&mut tx, now - Duration::days(ANSWERS_KEPT_DAYS), now).await?;
    tx.commit().await?;
    Ok(cleared)
}

/// Queues the mail about `news` to `person`, with the calendar entry for `method`.
async fn queue_news(
    tx: &mut Tx,
    state: &AppState,
    workshop: &WorkshopRow,
    person: &Participant,
    news: &WorkshopNews<'_>,
    method: Option<Method>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let page = page_url(state, &workshop.slug);
    let holds_place = matches!(
        news,
        WorkshopNews::Registered { .. }
            | WorkshopNews::Waitlisted { .. }
            | WorkshopNews::Offered { .. }
            | WorkshopNews::Promoted
            | WorkshopNews::Changed
            | WorkshopNews::Reminder
    );
    let cancel = holds_place.then(|| cancel_link_url(state, person.registration_id, workshop));
    let calendar = method.map(|method| CalendarAttachment {
        ics: calendar::calendar(
            std::slice::from_ref(workshop),
            Some(method),
            Some(&Recipient {
                name: &person.display_name,
                email: &person.email,
            }),
            state.settings.base_url.as_str(),
            state.settings.mail_from.email.as_ref(),
            &workshop.title,
        ),
        method: method.as_str(),
    });
    let mail = workshop_mail(
        person.mail_locale(),
        &person.display_name,
        workshop,
        news,
        &Links {
            page: &page,
            cancel: cancel.as_deref(),
        },
        calendar,
    );
    mail::queue(tx, Some(person.user_id), &person.email, &mail, now).await?;
    Ok(())
}

/// The workshop page's view for `viewer` (drafts only for staff; the online link only for
/// registered people shortly before the start, and for staff).
pub async fn workshop_view(
    state: &AppState,
    slug: &str,
    viewer: Option<&UserRow>,
    now: DateTime<Utc>,
) -> Result<(WorkshopView, Option<ValidationError>), AppError> {
    let workshop = db::find_workshop_by_slug(&state.db, slug).await?;
    let staff = viewer.is_some_and(|v| v.role.is_staff());
    if workshop.published_at.is_none() && !staff {
        return Err(AppError::NotFound);
    }
    let mine = match viewer {
        Some(v) => db::find_my_registration(&state.db, v.id, workshop.id).await?,
        None => None,
    };
    let status = mine.as_ref().map(|m| m.status);
    let link_visible = staff || shows_online_link(status, workshop.starts_at, now);
    let refusal = viewer.and_then(|v| registration_refusal(&workshop, v, now));
    let questions = db::list_questions(&state.db, workshop.id).await?;
    let view = WorkshopView {
        slug: workshop.slug.clone(),
        title: workshop.title.clone(),
        project: workshop
            .project_slug
            .clone()
            .zip(workshop.project_title.clone()),
        description_html: markdown::render(&workshop.description_md),
        format: workshop.format,
        location: workshop.location.clone(),
        online_url: (workshop.format.has_link() && link_visible)
            .then(|| workshop.online_url.clone()),
        starts_at: workshop.starts_at,
        ends_at: workshop.ends_at,
        audience: workshop.audience,
        places: workshop.places(),
        places_per_registration: workshop.places_per_registration,
        registration_closes_at: workshop.closes_at(),
        published: workshop.published_at.is_some(),
        cancelled: workshop.cancelled_at.is_some(),
        cancel_message: workshop.cancel_message.clone(),
        organiser: workshop.organiser.clone().unwrap_or_default(),
        open: workshop.cancelled_at.is_none()
            && now < workshop.closes_at()
            && now < workshop.starts_at,
        past: now >= workshop.ends_at,
        mine: mine.filter(|m| m.status != RegistrationStatus::Cancelled),
        questions,
    };
    Ok((view, refusal))
}
