//! Interface texts. German is the default, English the second language.
//!
//! Every user-facing string of the interface lives in one `Texts` value per language, so a
//! missing translation is a compile error rather than a blank on the page.

mod de;
mod en;
pub mod mails;
pub mod moderation;
pub mod workshops;

use crate::domain::accounts::Role;
use crate::domain::comments::ClosedReason;
use crate::domain::ideas::{IdeaSort, IdeaStatus, MatchCount};
use crate::domain::notifications::{Delivery, NotificationKind};
use crate::domain::projects::{LocalizedName, Phase};
use crate::domain::validation::ValidationError;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The interface language of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    De,
    En,
}

/// Name of the cookie that keeps the chosen language.
pub const LOCALE_COOKIE: &str = "lang";

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];

    /// BCP 47 code, as used in `<html lang>`, the cookie and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Chooses the language: an explicit choice (cookie) wins, then the browser's
    /// `Accept-Language` in order of preference, then German.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Self {
        if let Some(locale) = cookie.and_then(Locale::from_code) {
            return locale;
        }
        let mut ranges: Vec<(f32, &str)> = accept_language
            .unwrap_or_default()
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let range = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                Some((quality, range))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        // Stable sort keeps the header's order among equal qualities.
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges
            .into_iter()
            .find_map(|(_, range)| Locale::from_code(range.split('-').next().unwrap_or(range)))
            .unwrap_or_default()
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::De => &de::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }

    /// Picks this language's variant of a name stored in both.
    pub fn pick(self, name: &LocalizedName) -> &str {
        match self {
            Locale::De => &name.de,
            Locale::En => &name.en,
        }
    }
}

/// The locale of the current page (provided by the app shell).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The interface texts of the current page.
pub fn use_texts() -> &'static Texts {
    use_locale().texts()
}

/// All interface texts of one language. Formatting that depends on the language (numbers,
/// money, dates, plurals) is a function here too.
pub struct Texts {
    /// Moderation's texts, kept in their own file.
    pub moderation: &'static moderation::ModerationTexts,
    pub workshops: &'static workshops::WorkshopTexts,
    pub mails: &'static mails::MailTexts,
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    /// On every page of an installation with the invented demo participation.
    pub demo_notice: &'static str,
    /// The phone header's toggle that shows the navigation.
    pub menu_toggle: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_projects: &'static str,
    pub footer_label: &'static str,
    pub footer_operator: &'static str,
    pub footer_imprint: &'static str,
    pub footer_privacy: &'static str,
    pub footer_accessibility: &'static str,
    pub language_label: &'static str,
    /// Each language's own name, shown in the switch in that language.
    pub language_name: &'static str,
    /// The name in the header: the platform and its city lab (titles use the short
    /// `site_name`).
    pub header_name: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_how_title: &'static str,
    pub home_how_steps: &'static [&'static str],
    pub home_projects_title: &'static str,
    pub home_all_projects: &'static str,
    /// Below the programme's figures: how many of its projects are presented here.
    pub home_projects_listed: fn(usize) -> String,
    pub home_submit_idea: &'static str,
    pub home_search_label: &'static str,
    pub home_search_submit: &'static str,
    pub home_newest_title: &'static str,
    pub home_supported_title: &'static str,
    pub home_no_ideas: &'static str,
    pub home_all_ideas: &'static str,
    pub home_workshops_title: &'static str,
    pub home_all_workshops: &'static str,
    pub facts_title: &'static str,
    pub facts_funded_projects: &'static str,
    pub facts_funding: &'static str,
    pub facts_proposed_projects: &'static str,
    pub facts_proposed_funding: &'static str,

    pub projects_title: &'static str,
    pub projects_intro: &'static str,
    pub projects_empty: &'static str,
    pub project_facts_title: &'static str,
    pub project_description_title: &'static str,
    pub fact_phase: &'static str,
    pub fact_funding: &'static str,
    pub fact_responsible: &'static str,
    pub fact_contact: &'static str,
    pub fact_districts: &'static str,
    pub fact_period: &'static str,
    pub fact_category: &'static str,
    pub fact_ideas: &'static str,
    pub not_specified: &'static str,
    pub accepts_ideas: &'static str,
    pub closed_for_ideas: &'static str,
    pub archived: &'static str,
    pub back_to_projects: &'static str,
    pub phase_planned: &'static str,
    pub phase_running: &'static str,
    pub phase_completed: &'static str,

    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub to_home: &'static str,
    pub error_title: &'static str,
    pub error_text: &'static str,

    pub imprint_title: &'static str,
    pub imprint_body: &'static [&'static str],
    pub privacy_title: &'static str,
    pub privacy_body: &'static [&'static str],
    pub accessibility_title: &'static str,
    pub accessibility_body: &'static [&'static str],

    pub nav_login: &'static str,
    pub nav_register: &'static str,
    pub nav_account: &'static str,
    pub nav_admin: &'static str,
    pub logout: &'static str,
    pub register_title: &'static str,
    pub register_intro: &'static str,
    pub account_type_legend: &'static str,
    pub account_citizen: &'static str,
    pub account_business: &'static str,
    pub field_display_name: &'static str,
    pub field_display_name_hint: &'static str,
    pub field_email: &'static str,
    pub field_password: &'static str,
    pub field_password_hint: &'static str,
    pub field_organisation_name: &'static str,
    pub field_organisation_hint: &'static str,
    pub field_organisation_website: &'static str,
    pub privacy_consent_label: &'static str,
    pub honeypot_label: &'static str,
    pub register_submit: &'static str,
    pub register_done_title: &'static str,
    pub register_done_text: &'static str,
    pub login_title: &'static str,
    pub login_submit: &'static str,
    pub forgot_password_link: &'static str,
    pub no_account: &'static str,
    pub password_reset_done: &'static str,
    pub verify_title: &'static str,
    pub verify_success: &'static str,
    /// The page behind the verification link asks before it confirms (link scanners).
    pub verify_intro: &'static str,
    pub email_confirm_intro: &'static str,
    pub email_confirm_submit: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_sent: &'static str,
    pub reset_title: &'static str,
    pub field_new_password: &'static str,
    pub reset_submit: &'static str,
    pub account_title: &'static str,
    pub profile_title: &'static str,
    pub field_language: &'static str,
    pub profile_submit: &'static str,
    pub password_title: &'static str,
    pub field_current_password: &'static str,
    pub password_submit: &'static str,
    pub email_title: &'static str,
    pub current_email_label: &'static str,
    pub field_new_email: &'static str,
    pub email_submit: &'static str,
    pub saved_profile: &'static str,
    pub saved_password: &'static str,
    pub saved_email: &'static str,
    pub email_changed: &'static str,
    pub unverified_notice: &'static str,
    pub resend_submit: &'static str,
    pub resent: &'static str,
    pub notifications_title: &'static str,
    pub role_label: &'static str,
    pub role_citizen: &'static str,
    pub role_business: &'static str,
    pub role_moderator: &'static str,
    pub role_admin: &'static str,
    pub admin_users_title: &'static str,
    pub col_name: &'static str,
    pub col_email: &'static str,
    pub col_verified: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub change_role_submit: &'static str,
    pub role_saved: &'static str,
    pub next_page: &'static str,
    pub login_required: &'static str,
    pub forbidden: &'static str,
    pub form_has_errors: &'static str,
    /// Before the page title while a form shows errors ("Fehler: ").
    pub error_title_prefix: &'static str,
    pub organisation_label: &'static str,

    pub nav_ideas: &'static str,
    pub ideas_title: &'static str,
    pub ideas_intro: &'static str,
    pub ideas_empty: &'static str,
    /// The empty first entry of a select whose choice matters.
    pub choose_option: &'static str,
    /// Under "no ideas found" when a search or filter is active.
    pub ideas_empty_filtered: &'static str,
    pub filter_reset: &'static str,
    pub first_ideas: &'static str,
    pub filter_label: &'static str,
    /// On phones the choices fold behind this toggle (the search field stays).
    pub filter_toggle: &'static str,
    pub filter_search: &'static str,
    pub filter_project: &'static str,
    pub filter_status: &'static str,
    pub filter_sort: &'static str,
    pub all_option: &'static str,
    pub filter_submit: &'static str,
    pub sort_newest: &'static str,
    pub sort_supported: &'static str,
    pub sort_discussed: &'static str,
    pub status_submitted: &'static str,
    pub status_under_review: &'static str,
    pub status_accepted: &'static str,
    pub status_rejected: &'static str,
    pub status_implemented: &'static str,
    pub status_withdrawn: &'static str,
    pub new_idea: &'static str,
    pub idea_form_title: &'static str,
    pub field_title: &'static str,
    pub field_body: &'static str,
    pub field_body_hint: &'static str,
    pub field_category: &'static str,
    pub field_project: &'static str,
    pub no_project: &'static str,
    pub field_location: &'static str,
    pub preview_button: &'static str,
    pub preview_title: &'static str,
    /// The preview could not be made (limit reached, session ended).
    pub preview_failed: &'static str,
    pub submit_idea: &'static str,
    pub by_author: &'static str,
    pub edited_marker: &'static str,
    /// A verified organisation beside its member's name: "für Firma X".
    pub author_organisation: fn(&str) -> String,
    pub staff_badge: &'static str,
    pub login_to_submit: &'static str,
    pub next_ideas: &'static str,
    pub idea_facts_title: &'static str,
    pub field_location_label: &'static str,
    pub search_results_for: &'static str,

    pub official_answer_title: &'static str,
    pub history_title: &'static str,
    pub staff_form_title: &'static str,
    pub field_status: &'static str,
    pub field_answer: &'static str,
    pub status_submit: &'static str,
    pub withdraw_submit: &'static str,
    pub withdraw_hint: &'static str,
    pub edit_link: &'static str,
    pub edit_title: &'static str,
    pub save_idea: &'static str,
    pub frozen_note: &'static str,
    pub your_idea: &'static str,

    pub projects_none_match: &'static str,

    pub have_account: &'static str,

    pub project_new_title: &'static str,
    pub project_edit_title: &'static str,
    pub project_new_link: &'static str,
    pub project_edit_link: &'static str,
    pub project_save: &'static str,
    pub image_section_title: &'static str,
    pub image_intro: &'static str,
    pub image_later: &'static str,
    pub image_current: &'static str,
    pub field_image: &'static str,
    pub field_image_hint: &'static str,
    pub field_image_alt: &'static str,
    pub field_image_alt_hint: &'static str,
    pub image_submit: &'static str,
    pub image_remove: &'static str,
    pub image_saved: &'static str,
    pub image_removed: &'static str,
    pub field_slug: &'static str,
    pub field_slug_hint: &'static str,
    pub field_project_title: &'static str,
    pub field_summary: &'static str,
    pub field_summary_hint: &'static str,
    pub field_description: &'static str,
    pub field_funding: &'static str,
    pub field_funding_hint: &'static str,
    pub field_responsible: &'static str,
    pub field_contact: &'static str,
    pub field_starts_on: &'static str,
    pub field_ends_on: &'static str,
    pub field_date_hint: &'static str,
    pub field_districts: &'static str,
    pub field_support_limit: &'static str,
    pub field_support_limit_hint: &'static str,
    pub field_accepts_ideas: &'static str,
    pub field_archived: &'static str,
    pub field_archived_hint: &'static str,
    pub no_category: &'static str,
    pub project_ideas_title: &'static str,
    pub project_ideas_all: &'static str,
    pub project_ideas_none: &'static str,
    pub project_submit_idea: &'static str,
    pub staff_only: &'static str,
    pub discussion_title: &'static str,
    pub discussion_empty: &'static str,
    pub closed_withdrawn: &'static str,
    pub closed_project_completed: &'static str,
    pub comment_login_hint: &'static str,
    pub comment_verify_hint: &'static str,
    pub field_comment: &'static str,
    pub field_reply: &'static str,
    pub comment_submit: &'static str,
    pub reply_summary: &'static str,
    pub reply_submit: &'static str,
    pub comment_edit_summary: &'static str,
    pub comment_save: &'static str,
    pub comment_delete: &'static str,
    pub comment_deleted: &'static str,
    pub comment_hidden: &'static str,
    pub comment_edited: &'static str,
    pub comment_permalink: &'static str,
    pub replies_label: &'static str,
    pub support_title: &'static str,
    pub support_submit: &'static str,
    pub support_withdraw: &'static str,
    pub support_given: &'static str,
    /// "Meine Beteiligung" on `/konto`.
    pub mine_title: &'static str,
    pub field_profile_public: &'static str,
    pub field_profile_public_hint: &'static str,
    /// The public profile page (`/personen/:id`).
    pub profile_page_intro: fn(&str) -> String,
    pub profile_ideas: &'static str,
    pub profile_comments: &'static str,
    pub profile_link_title: &'static str,
    pub mine_intro: &'static str,
    pub mine_ideas: &'static str,
    pub mine_comments: &'static str,
    pub mine_supported: &'static str,
    pub mine_followed: &'static str,
    pub mine_none: &'static str,
    pub mine_comment_on: fn(&str) -> String,
    /// Destructive actions ask once more, on the page (a disclosure, so without JavaScript too).
    pub withdraw_confirm: &'static str,
    pub withdraw_confirm_submit: &'static str,
    pub comment_delete_confirm: &'static str,
    pub comment_delete_confirm_submit: &'static str,
    /// Confirmations after an action (`domain::feedback::Done`), shown and announced.
    pub done_supported: &'static str,
    pub done_support_withdrawn: &'static str,
    pub done_followed: &'static str,
    pub done_unfollowed: &'static str,
    pub done_commented: &'static str,
    pub done_comment_held: &'static str,
    pub done_comment_edited: &'static str,
    pub done_comment_deleted: &'static str,
    pub support_own: &'static str,
    pub support_closed: &'static str,
    pub follow_submit: &'static str,
    pub unfollow_submit: &'static str,
    pub following_note: &'static str,
    pub follow_project_submit: &'static str,
    pub following_project_note: &'static str,
    pub notifications_empty: &'static str,
    pub notifications_mark_all: &'static str,
    pub notifications_settings_link: &'static str,
    pub notification_unread: &'static str,
    /// In place of a notification about content that moderation hid.
    pub notification_hidden: &'static str,
    pub notification_settings_title: &'static str,
    pub notification_settings_intro: &'static str,
    pub notification_settings_saved: &'static str,
    pub notification_settings_save: &'static str,
    pub follow_on_comment_label: &'static str,
    pub follow_on_vote_label: &'static str,
    pub kind_comment_on_followed: &'static str,
    pub kind_reply_to_comment: &'static str,
    pub kind_status_change: &'static str,
    pub kind_new_idea_in_project: &'static str,
    pub delivery_immediate: &'static str,
    pub delivery_daily: &'static str,
    pub delivery_weekly: &'static str,
    pub delivery_off: &'static str,
    pub unsubscribe_title: &'static str,
    pub unsubscribe_intro: &'static str,
    pub unsubscribe_digest_daily: &'static str,
    pub unsubscribe_digest_weekly: &'static str,
    pub unsubscribe_submit: &'static str,
    pub unsubscribe_done: &'static str,
    pub unsubscribe_settings_hint: &'static str,
    pub nav_notifications: &'static str,
    pub someone: &'static str,
    pub fact_response: &'static str,
    pub idea_count: fn(i64) -> String,
    /// How many ideas a list's filters match ("23 Ideen", "Mehr als 1.000 Ideen").
    pub ideas_found: fn(MatchCount) -> String,
    pub unread_count: fn(i64) -> String,
    /// A notification as a sentence: kind, actor, idea title, project title.
    pub notification_text: fn(NotificationKind, &str, &str, &str) -> String,
    pub supports_left: fn(i64, i64) -> String,
    pub support_count: fn(i64) -> String,
    pub comment_count: fn(i64) -> String,
    pub validation: fn(&ValidationError) -> String,
    pub rate_limited: fn(u64) -> String,
    pub project_count: fn(usize) -> String,
    pub money: fn(i64) -> String,
    pub date: fn(NaiveDate) -> String,
}

impl Texts {
    /// The Berlin calendar day of `at`, formatted (never the UTC date).
    pub fn day_of(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        (self.date)(crate::domain::time::berlin_date(at))
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Citizen => self.role_citizen,
            Role::Business => self.role_business,
            Role::Moderator => self.role_moderator,
            Role::Admin => self.role_admin,
        }
    }

    /// The message a form shows above its fields for `error`.
    pub fn error_message(&self, error: &AppError) -> String {
        match error {
            AppError::Validation(fields) => match fields.whole_form() {
                Some(form_error) => (self.validation)(form_error),
                None => self.form_has_errors.to_owned(),
            },
            AppError::RateLimited { retry_after_secs } | AppError::Busy { retry_after_secs } => {
                (self.rate_limited)(*retry_after_secs)
            }
            AppError::Unauthenticated => self.login_required.to_owned(),
            AppError::Forbidden => self.forbidden.to_owned(),
            AppError::EmailNotVerified => self.unverified_notice.to_owned(),
            AppError::NotFound => self.not_found_text.to_owned(),
            AppError::Blocked(notice) => {
                let m = self.moderation;
                // The block's last day: it ends at the start of the instant `until`.
                let until = notice
                    .until
                    .map(|u| self.day_of(u - chrono::Duration::seconds(1)));
                (m.blocked_notice)(
                    until.as_deref(),
                    (m.rule)(notice.rule),
                    notice.reason.as_deref(),
                )
            }
            AppError::BadRequest | AppError::Conflict | AppError::Internal => {
                self.error_text.to_owned()
            }
        }
    }

    pub fn idea_status(&self, status: IdeaStatus) -> &'static str {
        match status {
            IdeaStatus::Submitted => self.status_submitted,
            IdeaStatus::UnderReview => self.status_under_review,
            IdeaStatus::Accepted => self.status_accepted,
            IdeaStatus::Rejected => self.status_rejected,
            IdeaStatus::Implemented => self.status_implemented,
            IdeaStatus::Withdrawn => self.status_withdrawn,
        }
    }

    pub fn idea_sort(&self, sort: IdeaSort) -> &'static str {
        match sort {
            IdeaSort::Newest => self.sort_newest,
            IdeaSort::MostSupported => self.sort_supported,
            IdeaSort::MostDiscussed => self.sort_discussed,
        }
    }

    pub fn notification_kind(&self, kind: NotificationKind) -> &'static str {
        match kind {
            NotificationKind::CommentOnFollowed => self.kind_comment_on_followed,
            NotificationKind::ReplyToComment => self.kind_reply_to_comment,
            NotificationKind::StatusChange => self.kind_status_change,
            NotificationKind::NewIdeaInProject => self.kind_new_idea_in_project,
        }
    }

    pub fn delivery(&self, delivery: Delivery) -> &'static str {
        match delivery {
            Delivery::Immediate => self.delivery_immediate,
            Delivery::Daily => self.delivery_daily,
            Delivery::Weekly => self.delivery_weekly,
            Delivery::Off => self.delivery_off,
        }
    }

    pub fn done(&self, done: crate::domain::feedback::Done) -> &'static str {
        use crate::domain::feedback::Done;
        match done {
            Done::Supported => self.done_supported,
            Done::SupportWithdrawn => self.done_support_withdrawn,
            Done::Followed => self.done_followed,
            Done::Unfollowed => self.done_unfollowed,
            Done::Commented(_) => self.done_commented,
            Done::CommentHeld(_) => self.done_comment_held,
            Done::CommentEdited(_) => self.done_comment_edited,
            Done::CommentDeleted(_) => self.done_comment_deleted,
        }
    }

    pub fn closed_reason(&self, reason: ClosedReason) -> &'static str {
        match reason {
            ClosedReason::Withdrawn => self.closed_withdrawn,
            ClosedReason::ProjectCompleted => self.closed_project_completed,
        }
    }

    pub fn phase(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::Planned => self.phase_planned,
            Phase::Running => self.phase_running,
            Phase::Completed => self.phase_completed,
        }
    }
}

/// Groups the digits of a whole number in threes with `separator` (1234567 → 1.234.567).
fn group_thousands(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Money in whole euros; amounts of a million or more are shown as millions with one decimal,
/// the way funding figures are usually quoted.
fn euros(cents: i64, thousands: char, decimal: char, million_word: &str) -> String {
    let euros = cents / 100;
    if euros.abs() >= 1_000_000 {
        // Millions with up to two decimals, trailing zeros dropped: 4,8 / 1,25 / 9.
        let hundredths = (euros.abs() + 5_000) / 10_000;
        let sign = if euros < 0 { "-" } else { "" };
        let fraction = format!("{:02}", hundredths % 100);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            format!("{sign}{} {million_word}", hundredths / 100)
        } else {
            format!(
                "{sign}{}{decimal}{fraction} {million_word}",
                hundredths / 100
            )
        }
    } else {
        group_thousands(euros, thousands)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_the_browser_language() {
        assert_eq!(Locale::negotiate(Some("en"), Some("de-DE")), Locale::En);
        assert_eq!(Locale::negotiate(Some("de"), Some("en")), Locale::De);
    }

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(Locale::negotiate(None, Some("en-GB,en;q=0.9")), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some("fr;q=0.9, en;q=0.5, de;q=0.8")),
            Locale::De
        );
        assert_eq!(Locale::negotiate(None, Some("fr, en;q=0")), Locale::De);
    }

    #[test]
    fn unknown_or_garbage_input_falls_back_to_german() {
        assert_eq!(Locale::negotiate(Some("xx"), None), Locale::De);
        assert_eq!(Locale::negotiate(None, Some(";;;q=,")), Locale::De);
        assert_eq!(Locale::negotiate(None, None), Locale::De);
    }

    #[test]
    fn money_is_formatted_per_language() {
        assert_eq!((de::TEXTS.money)(480_000_000), "4,8 Mio. €");
        assert_eq!((en::TEXTS.money)(480_000_000), "€4.8 million");
        assert_eq!((de::TEXTS.money)(900_000_000), "9 Mio. €");
        assert_eq!((de::TEXTS.money)(125_000_050), "1,25 Mio. €");
        assert_eq!((de::TEXTS.money)(100_500_000), "1,01 Mio. €");
        assert_eq!((de::TEXTS.money)(12_345_600), "123.456 €");
        assert_eq!((en::TEXTS.money)(12_345_600), "€123,456");
    }

    #[test]
    fn dates_are_formatted_per_language() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 7).unwrap();
        assert_eq!((de::TEXTS.date)(d), "07.03.2025");
        assert_eq!((en::TEXTS.date)(d), "7 March 2025");
    }
}
