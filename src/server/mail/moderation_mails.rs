//! The statement of reasons an author gets when moderation hides or restores their content
//! (EU Digital Services Act Art. 17: what, why, when, by whom — a person —, how to object).
//! The words live with the interface texts (`i18n::moderation`).

use super::templates::{compose, ComposedMail};
use crate::domain::moderation::{DecisionReason, ObjectionOutcome};
use crate::domain::organisations::{OrganisationDecision, OrganisationVerdict};
use crate::i18n::Locale;
use chrono::{DateTime, Utc};

/// What was decided about an author's content.
pub struct Decided<'a> {
    /// Hidden, or visible again.
    pub hidden: bool,
    /// By the reports themselves (automatic hiding), not by a person.
    pub automatic: bool,
    pub excerpt: &'a str,
    pub at: DateTime<Utc>,
}

pub fn decision_mail(
    locale: Locale,
    name: &str,
    decided: &Decided<'_>,
    reason: &DecisionReason,
    notices_url: &str,
) -> ComposedMail {
    let Decided {
        hidden,
        automatic,
        excerpt,
        at,
    } = *decided;
    let texts = locale.texts();
    let m = &texts.moderation.mail;
    let subject = if hidden {
        m.hidden_subject
    } else {
        m.restored_subject
    };
    let rule = (texts.moderation.rule)(reason.rule);
    compose(
        "moderation_decision",
        locale,
        subject.to_owned(),
        name,
        &[
            (m.what)(hidden, excerpt, &texts.day_of(at)),
            (m.why)(rule, reason.text.as_deref()),
            if automatic { m.automatic } else { m.by_people }.to_owned(),
            m.objection.to_owned(),
        ],
        Some((m.notices_link, notices_url)),
        m.footer,
    )
}

/// The statement of reasons of a block (Art. 17 DSA: what is restricted, until when, why,
/// by a person, how to object).
pub fn block_mail(
    locale: Locale,
    name: &str,
    until: Option<DateTime<Utc>>,
    hidden: usize,
    reason: &DecisionReason,
    now: DateTime<Utc>,
) -> ComposedMail {
    let texts = locale.texts();
    let m = &texts.moderation.mail;
    let until = until.map(|u| texts.day_of(u - chrono::Duration::seconds(1)));
    compose(
        "moderation_block",
        locale,
        m.block_subject.to_owned(),
        name,
        &[
            (m.block_what)(&texts.day_of(now), until.as_deref(), hidden),
            (m.why)((texts.moderation.rule)(reason.rule), reason.text.as_deref()),
            m.by_people.to_owned(),
            m.block_objection.to_owned(),
        ],
        None,
        m.footer,
    )
}

pub fn unblock_mail(locale: Locale, name: &str) -> ComposedMail {
    let m = &locale.texts().moderation.mail;
    compose(
        "moderation_unblock",
        locale,
        m.unblock_subject.to_owned(),
        name,
        &[m.unblock_text.to_owned()],
        None,
        m.footer,
    )
}

/// The outcome of an objection.
pub fn objection_mail(
    locale: Locale,
    name: &str,
    outcome: ObjectionOutcome,
    excerpt: &str,
    reason: &DecisionReason,
) -> ComposedMail {
    let texts = locale.texts();
    let m = &texts.moderation.mail;
    compose(
        "moderation_objection",
        locale,
        m.objection_subject.to_owned(),
        name,
        &[
            (m.objection_outcome)(outcome == ObjectionOutcome::Grant, excerpt),
            (m.why)((texts.moderation.rule)(reason.rule), reason.text.as_deref()),
        ],
        None,
        m.footer,
    )
}

/// What staff decided about a business account's organisation, and why.
pub fn organisation_mail(
    locale: Locale,
    name: &str,
    organisation: &str,
    verdict: &OrganisationVerdict,
    account_url: &str,
) -> ComposedMail {
    let m = &locale.texts().moderation.mail;
    let verified = verdict.decision == OrganisationDecision::Verify;
    let mut paragraphs = vec![(m.organisation_outcome)(verified, organisation)];
    if let Some(reason) = &verdict.reason {
        paragraphs.push((m.organisation_reason)(reason));
    }
    if !verified {
        paragraphs.push(m.organisation_again.to_owned());
    }
    compose(
        "moderation_organisation",
        locale,
        m.organisation_subject.to_owned(),
        name,
        &paragraphs,
        Some((m.account_link, account_url)),
        m.footer,
    )
}
