//! The texts of moderation: reporting, the queue, decisions, the log, the notices and the
//! statement-of-reasons mail, German and English.

use crate::domain::accounts::OrganisationStatus;
use crate::domain::moderation::{
    BlockDuration, Decision, DecisionRule, HeldDecision, LogAction, ReportReason,
};
use crate::domain::organisations::OrganisationDecision;

pub struct ModerationTexts {
    pub report_link: &'static str,
    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub report_login: &'static str,
    pub reported_item: &'static str,
    pub reason_legend: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub good_faith_label: &'static str,
    pub report_submit: &'static str,
    pub report_done: &'static str,
    pub back_to_idea: &'static str,

    pub nav_moderation: &'static str,
    pub queue_title: &'static str,
    pub queue_intro: &'static str,
    pub queue_empty: &'static str,
    pub filter_legend: &'static str,
    pub filter_kind: &'static str,
    pub kind_all: &'static str,
    pub kind_ideas: &'static str,
    pub kind_comments: &'static str,
    pub filter_reason: &'static str,
    pub all_reasons: &'static str,
    pub filter_project: &'static str,
    pub all_projects: &'static str,
    pub filter_submit: &'static str,
    pub item_idea: &'static str,
    pub item_comment: &'static str,
    pub on_idea: &'static str,
    pub by_author: &'static str,
    pub oldest_report: &'static str,
    pub hidden_badge: &'static str,
    pub pending_badge: &'static str,
    pub kind_pending: &'static str,
    pub review_link: &'static str,
    pub select_item: &'static str,
    pub bulk_legend: &'static str,
    pub decision_legend: &'static str,
    pub rule_label: &'static str,
    pub reason_label: &'static str,
    pub reason_hint: &'static str,
    pub decide_submit: &'static str,
    pub bulk_submit: &'static str,
    pub next_page: &'static str,
    pub review_title: &'static str,
    pub current_text: &'static str,
    pub snapshot_text: &'static str,
    pub snapshot_changed: &'static str,
    pub open_reports: &'static str,
    pub no_open_reports: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub conflict_notice: &'static str,
    pub back_to_queue: &'static str,

    pub log_title: &'static str,
    pub log_intro: &'static str,
    pub log_empty: &'static str,
    pub log_action_filter: &'static str,
    pub all_actions: &'static str,
    pub log_csv: &'static str,
    pub col_when: &'static str,
    pub col_actor: &'static str,
    pub col_action: &'static str,
    pub col_item: &'static str,
    pub col_subject: &'static str,
    pub col_rule: &'static str,
    pub col_reason: &'static str,
    pub deleted_account: &'static str,

    pub notices_heading: &'static str,

    pub own_hidden_notice: &'static str,
    pub objection_title: &'static str,
    pub objection_link: &'static str,
    pub objection_decision: &'static str,
    pub objection_intro: &'static str,
    pub objection_label: &'static str,
    pub objection_hint: &'static str,
    pub objection_submit: &'static str,
    pub objection_sent: &'static str,
    pub objection_done: &'static str,
    pub objections_heading: &'static str,
    pub objection_by: &'static str,
    pub objection_decided_by: &'static str,
    pub objection_conflict: &'static str,
    pub objection_outcome_legend: &'static str,
    pub objection_uphold: &'static str,
    pub objection_grant: &'static str,
    pub objection_decide_submit: &'static str,
    pub objection_decided: &'static str,

    pub block_title: &'static str,
    pub block_link: &'static str,
    pub block_staff_note: &'static str,
    pub duration_legend: &'static str,
    pub hide_content_label: &'static str,
    pub block_submit: &'static str,
    pub unblock_submit: &'static str,
    pub block_saved: &'static str,
    pub block_intro: fn(&str) -> String,
    pub blocked_intro: fn(&str) -> String,
    pub duration: fn(BlockDuration) -> String,

    pub report_count: fn(usize) -> String,
    /// The automatic-hiding setting, read-only (`None`: off).
    pub settings_auto_hide: fn(Option<i64>) -> String,
    pub auto_hidden_notice: fn(&str) -> String,
    pub open_items: fn(i64) -> String,
    pub overdue_items: fn(i64) -> String,
    pub decided: fn(usize, usize) -> String,
    /// A notice as a sentence: the audience is the author (`true`) or a reporter, the
    /// action, and the excerpt of the content.
    pub notice_text: fn(bool, LogAction, &str) -> String,
    pub reason: fn(ReportReason) -> &'static str,
    pub decision: fn(Decision) -> &'static str,
    pub rule: fn(DecisionRule) -> &'static str,
    pub action: fn(LogAction) -> &'static str,
    /// What a blocked person sees when logging in: until (date, or unlimited), rule, reason.
    pub blocked_notice: fn(Option<&str>, &str, Option<&str>) -> String,

    pub held_heading: &'static str,
    pub held_intro: &'static str,
    pub held_decision: fn(HeldDecision) -> &'static str,
    pub held_submit: &'static str,
    pub held_decided: &'static str,
    /// On the author's own idea page, and beside their own comment.
    pub own_held_notice: &'static str,
    pub held_badge: &'static str,
    /// The pre-moderation setting, read-only (`None`: off).
    pub settings_premoderation: fn(Option<i64>) -> String,

    pub organisations_heading: &'static str,
    pub organisations_intro: &'static str,
    pub organisation_by: &'static str,
    pub organisation_registered: &'static str,
    pub organisation_decision_legend: &'static str,
    pub organisation_decision: fn(OrganisationDecision) -> &'static str,
    pub organisation_reason_label: &'static str,
    pub organisation_reason_hint: &'static str,
    pub organisation_submit: &'static str,
    pub organisation_decided: &'static str,
    /// On the account page of a business account: where its organisation stands.
    pub account_organisation: fn(OrganisationStatus, &str, Option<&str>) -> String,

    pub mail: ModerationMailTexts,
}

/// The statement of reasons (EU Digital Services Act Art. 17) sent to an author.
pub struct ModerationMailTexts {
    pub hidden_subject: &'static str,
    pub restored_subject: &'static str,
    /// What was decided about which content, and when: (hidden?, excerpt, date).
    pub what: fn(bool, &str, &str) -> String,
    /// The rule and, if given, the staff member's words.
    pub why: fn(&str, Option<&str>) -> String,
    pub by_people: &'static str,
    /// Instead of `by_people` when reports hid the content automatically.
    pub automatic: &'static str,
    pub objection: &'static str,
    /// How a blocked person objects (they cannot log in): by replying.
    pub block_objection: &'static str,
    pub notices_link: &'static str,
    pub footer: &'static str,
    pub block_subject: &'static str,
    /// The block: since (date), until (date, or `None`: unlimited), how many contributions
    /// were hidden with it.
    pub block_what: fn(&str, Option<&str>, usize) -> String,
    pub unblock_subject: &'static str,
    pub unblock_text: &'static str,
    pub objection_subject: &'static str,
    /// The outcome: granted (`true`) or upheld, and the content's excerpt.
    pub objection_outcome: fn(bool, &str) -> String,
    pub organisation_subject: &'static str,
    /// Verified (`true`) or rejected, and the organisation's name.
    pub organisation_outcome: fn(bool, &str) -> String,
    pub organisation_reason: fn(&str) -> String,
    /// After a rejection: how to have it checked again.
    pub organisation_again: &'static str,
    pub account_link: &'static str,
}

pub const DE: ModerationTexts = ModerationTexts {
    report_link: "Melden",
    report_title: "Beitrag melden",
    report_intro: "Verstößt dieser Beitrag gegen die Regeln der Plattform oder gegen geltendes \
        Recht? Die Moderation prüft jede Meldung. Die Person, die den Beitrag geschrieben hat, \
        erfährt nicht, wer gemeldet hat.",
    report_login: "Bitte melden Sie sich an, um einen Beitrag zu melden.",
    reported_item: "Der Beitrag",
    reason_legend: "Warum melden Sie diesen Beitrag?",
    note_label: "Ihre Erläuterung",
    note_hint: "Freiwillig, höchstens 1.000 Zeichen. Bei „Rechtswidrig“ und „Etwas anderes“ \
        bitte angeben, was Sie beanstanden (bei „Rechtswidrig“ möglichst mit dem Gesetz).",
    good_faith_label: "Ich versichere, dass meine Angaben nach bestem Wissen richtig und \
        vollständig sind (nur bei „Rechtswidrig“ nötig).",
    report_submit: "Meldung senden",
    report_done: "Danke. Ihre Meldung ist bei der Moderation eingegangen. Sie erfahren unter \
        „Benachrichtigungen“, wie entschieden wurde.",
    back_to_idea: "Zurück zur Idee",

    nav_moderation: "Moderation",
    queue_title: "Moderation: offene Meldungen",
    queue_intro: "Gemeldete Beiträge, die meistgemeldeten und am längsten wartenden zuerst. \
        Wählen Sie mehrere aus, um eine Entscheidung auf alle anzuwenden, oder prüfen Sie \
        einen einzeln.",
    queue_empty: "Keine offenen Meldungen. Gut gemacht!",
    filter_legend: "Meldungen filtern",
    filter_kind: "Art",
    kind_all: "Ideen und Kommentare",
    kind_ideas: "Ideen",
    kind_comments: "Kommentare",
    filter_reason: "Grund",
    all_reasons: "Alle Gründe",
    filter_project: "Projekt",
    all_projects: "Alle Projekte",
    filter_submit: "Filtern",
    item_idea: "Idee",
    item_comment: "Kommentar",
    on_idea: "zur Idee",
    by_author: "von",
    oldest_report: "Erste offene Meldung",
    hidden_badge: "ausgeblendet",
    pending_badge: "automatisch ausgeblendet",
    kind_pending: "Automatisch ausgeblendet",
    review_link: "Prüfen und entscheiden",
    select_item: "Auswählen",
    bulk_legend: "Entscheidung für alle ausgewählten Beiträge",
    decision_legend: "Entscheidung",
    rule_label: "Regel",
    reason_label: "Begründung in eigenen Worten",
    reason_hint: "Die Person, die den Beitrag geschrieben hat, erhält sie mit der Regel. Bei \
        „Anderer Grund“ mindestens 15 Zeichen.",
    decide_submit: "Entscheidung speichern",
    bulk_submit: "Auf die Auswahl anwenden",
    next_page: "Weitere Meldungen",
    review_title: "Meldung prüfen",
    current_text: "Aktueller Text",
    snapshot_text: "Text zum Zeitpunkt der Meldung",
    snapshot_changed: "Der Text wurde nach der Meldung geändert.",
    open_reports: "Offene Meldungen",
    no_open_reports: "Keine offenen Meldungen.",
    history: "Bisherige Entscheidungen",
    no_history: "Noch keine.",
    conflict_notice: "Sie haben diesen Beitrag geschrieben oder gemeldet. Darüber entscheidet \
        eine andere Person der Moderation.",
    back_to_queue: "Zurück zu den offenen Meldungen",

    log_title: "Moderationsprotokoll",
    log_intro: "Jede Meldung, jede Entscheidung und jede Rollenänderung, die neuesten zuerst. \
        Einträge werden nie geändert oder gelöscht; gelöschte Konten erscheinen ohne Namen.",
    log_empty: "Keine Einträge.",
    log_action_filter: "Aktion",
    all_actions: "Alle Aktionen",
    log_csv: "Als CSV herunterladen",
    col_when: "Zeitpunkt",
    col_actor: "Wer",
    col_action: "Aktion",
    col_item: "Beitrag",
    col_subject: "Betroffen",
    col_rule: "Regel",
    col_reason: "Begründung",
    deleted_account: "(gelöschtes Konto)",

    notices_heading: "Mitteilungen der Moderation",

    own_hidden_notice: "Die Moderation hat diese Idee ausgeblendet: Nur Sie sehen sie noch. Die \
        Begründung und die Möglichkeit zu widersprechen finden Sie in Ihren Benachrichtigungen.",
    objection_title: "Widerspruch gegen eine Entscheidung",
    objection_link: "Widerspruch einlegen",
    objection_decision: "Die Entscheidung",
    objection_intro: "Schreiben Sie, warum die Entscheidung aus Ihrer Sicht falsch ist. Eine \
        andere Person der Moderation als die, die entschieden hat, prüft Ihren Widerspruch; \
        Sie erfahren das Ergebnis. Sie können einer Entscheidung einmal widersprechen.",
    objection_label: "Ihr Widerspruch",
    objection_hint: "Höchstens 2.000 Zeichen.",
    objection_submit: "Widerspruch senden",
    objection_sent: "Ihr Widerspruch ist eingegangen. Sie erfahren das Ergebnis unter \
        „Benachrichtigungen“ und per E-Mail.",
    objection_done: "Sie haben dieser Entscheidung widersprochen. Die Moderation prüft Ihren \
        Widerspruch.",
    objections_heading: "Offene Widersprüche",
    objection_by: "Widerspruch von",
    objection_decided_by: "entschieden von",
    objection_conflict: "Ihre eigene Entscheidung: Darüber entscheidet eine andere Person der \
        Moderation oder die Administration.",
    objection_outcome_legend: "Ergebnis",
    objection_uphold: "Entscheidung bestätigen",
    objection_grant: "Widerspruch stattgeben (Beitrag wieder einblenden)",
    objection_decide_submit: "Über den Widerspruch entscheiden",
    objection_decided: "Die Entscheidung über den Widerspruch ist gespeichert; die Person wurde \
        informiert.",

    block_title: "Konto sperren",
    block_link: "Konto sperren",
    block_staff_note: "Dies ist ein Konto der Verwaltung: Nur die Administration kann es sperren.",
    duration_legend: "Dauer",
    hide_content_label: "Zusätzlich alle Beiträge der Person ausblenden",
    block_submit: "Konto sperren",
    unblock_submit: "Sperre aufheben",
    block_saved: "Gespeichert. Die Person wurde per E-Mail informiert.",
    block_intro: |name| {
        format!(
            "Sie sperren das Konto von {name}. Die Person wird sofort abgemeldet, kann nichts \
             mehr schreiben, unterstützen oder melden und erhält die Begründung per E-Mail."
        )
    },
    blocked_intro: |name| format!("Das Konto von {name} ist gesperrt."),
    duration: |d| match d {
        BlockDuration::Days(1) => "1 Tag".to_owned(),
        BlockDuration::Days(n) => format!("{n} Tage"),
        BlockDuration::Unlimited => "Unbefristet".to_owned(),
    },

    settings_auto_hide: |n| match n {
        None => "Automatisches Ausblenden: aus (STADTLABOR_AUTO_HIDE_REPORTS).".to_owned(),
        Some(n) => format!(
            "Automatisches Ausblenden: ab {n} Meldungen verschiedener bestätigter Konten, die \
             älter als einen Tag sind (STADTLABOR_AUTO_HIDE_REPORTS)."
        ),
    },
    auto_hidden_notice: |excerpt| {
        format!(
            "Ihr Beitrag „{excerpt}“ wurde nach mehreren Meldungen automatisch ausgeblendet. \
             Die Moderation prüft ihn und entscheidet endgültig."
        )
    },
    report_count: |n| match n {
        1 => "1 Meldung".to_owned(),
        n => format!("{n} Meldungen"),
    },
    open_items: |n| format!("{n} offen"),
    overdue_items: |n| match n {
        1 => "1 Eintrag wartet länger als 24 Stunden".to_owned(),
        n => format!("{n} Einträge warten länger als 24 Stunden"),
    },
    decided: |done, skipped| match skipped {
        0 => format!("Entscheidung gespeichert ({done})."),
        s => format!(
            "Entscheidung für {done} gespeichert; {s} waren schon entschieden oder sind von \
             einer anderen Person zu entscheiden."
        ),
    },
    notice_text: |author, action, excerpt| match (author, action) {
        (true, LogAction::Hide) => {
            format!("Ihr Beitrag „{excerpt}“ wurde von der Moderation ausgeblendet.")
        }
        (true, LogAction::Restore) => {
            format!("Ihr Beitrag „{excerpt}“ ist wieder für alle sichtbar.")
        }
        (true, LogAction::Approve) => {
            format!("Ihr Beitrag „{excerpt}“ wurde freigegeben und ist jetzt für alle sichtbar.")
        }
        (true, LogAction::ObjectionGranted) => {
            format!("Ihr Widerspruch war erfolgreich: „{excerpt}“ ist wieder für alle sichtbar.")
        }
        (true, LogAction::ObjectionUpheld) => format!(
            "Ihr Widerspruch zu „{excerpt}“ wurde geprüft: Die Entscheidung bleibt bestehen."
        ),
        (false, LogAction::Hide) => format!(
            "Ihre Meldung zu „{excerpt}“ wurde geprüft: Der Beitrag wurde ausgeblendet. Danke!"
        ),
        (false, _) => format!(
            "Ihre Meldung zu „{excerpt}“ wurde geprüft: Die Moderation hat keinen Verstoß \
             festgestellt, der Beitrag bleibt sichtbar."
        ),
        (true, _) => format!("Die Moderation hat über Ihren Beitrag „{excerpt}“ entschieden."),
    },
    reason: |r| match r {
        ReportReason::Spam => "Spam oder Werbung",
        ReportReason::Offensive => "Beleidigend oder herabwürdigend",
        ReportReason::PersonalData => "Enthält personenbezogene Daten",
        ReportReason::OffTopic => "Gehört nicht zum Thema",
        ReportReason::Illegal => "Rechtswidrig",
        ReportReason::Other => "Etwas anderes",
    },
    decision: |d| match d {
        Decision::Hide => "Ausblenden",
        Decision::Keep => "Beibehalten (Meldungen zurückweisen)",
        Decision::Restore => "Wieder einblenden",
    },
    rule: |r| match r {
        DecisionRule::Offensive => "Beleidigung oder Herabwürdigung (Netiquette)",
        DecisionRule::Spam => "Spam oder Werbung",
        DecisionRule::PersonalData => "Personenbezogene Daten Dritter",
        DecisionRule::OffTopic => "Kein Bezug zum Thema",
        DecisionRule::Illegal => "Rechtswidriger Inhalt",
        DecisionRule::NoViolation => "Kein Verstoß festgestellt",
        DecisionRule::Other => "Anderer Grund",
    },
    action: |a| match a {
        LogAction::Report => "Meldung",
        LogAction::Hide => "Ausgeblendet",
        LogAction::Restore => "Wieder eingeblendet",
        LogAction::Keep => "Beibehalten",
        LogAction::ChangeRole => "Rolle geändert",
        LogAction::Block => "Konto gesperrt",
        LogAction::Unblock => "Sperre aufgehoben",
        LogAction::Objection => "Widerspruch",
        LogAction::ObjectionUpheld => "Widerspruch zurückgewiesen",
        LogAction::ObjectionGranted => "Widerspruch stattgegeben",
        LogAction::VerifyOrganisation => "Unternehmen bestätigt",
        LogAction::RejectOrganisation => "Unternehmen nicht bestätigt",
        LogAction::Approve => "Freigegeben",
    },
    blocked_notice: |until, rule, reason| {
        let until = match until {
            Some(until) => format!("bis einschließlich {until}"),
            None => "ohne zeitliche Begrenzung".to_owned(),
        };
        let reason = reason
            .map(|r| format!(" Begründung: {r}"))
            .unwrap_or_default();
        format!(
            "Ihr Konto ist gesperrt, {until}. Grund: {rule}.{reason} Lesen können Sie alles \
             ohne Anmeldung. Wenn Sie nicht einverstanden sind, antworten Sie bitte auf die \
             E-Mail, die wir Ihnen zur Sperre geschickt haben: Eine andere Person der \
             Moderation prüft Ihren Widerspruch."
        )
    },

    held_heading: "Wartet auf Freigabe",
    held_intro: "Diese Beiträge neuer Konten (oder erste Beiträge mit vielen Links) sieht \
        noch niemand außer ihren Verfasserinnen und Verfassern. Geben Sie sie frei oder blenden \
        Sie sie mit Begründung aus.",
    held_decision: |d| match d {
        HeldDecision::Approve => "Freigeben",
        HeldDecision::Hide => "Ausblenden",
    },
    held_submit: "Entscheidung speichern",
    held_decided: "Gespeichert.",
    own_held_notice: "Ihr Beitrag wartet auf Freigabe durch die Moderation. Erst danach sehen \
        ihn andere. Sie erhalten eine Benachrichtigung.",
    held_badge: "wartet auf Freigabe",
    settings_premoderation: |n| match n {
        None => "Vorab-Moderation: aus; nur ein erster Beitrag mit mehr als zwei Links wartet \
            auf Freigabe (STADTLABOR_PREMODERATION_FIRST)."
            .to_owned(),
        Some(n) => format!(
            "Vorab-Moderation: Die ersten {n} Beiträge jedes Kontos warten auf Freigabe \
             (STADTLABOR_PREMODERATION_FIRST)."
        ),
    },

    organisations_heading: "Unternehmen bestätigen",
    organisations_intro: "Diese Unternehmenskonten nennen ein Unternehmen. Es erscheint erst \
        bei ihren Beiträgen („für …“) und öffnet Workshops für Unternehmen, wenn Sie es \
        bestätigt haben. Prüfen Sie zum Beispiel Website, Impressum und die E-Mail-Adresse.",
    organisation_by: "Konto von",
    organisation_registered: "registriert am",
    organisation_decision_legend: "Entscheidung",
    organisation_decision: |d| match d {
        OrganisationDecision::Verify => "Unternehmen bestätigen",
        OrganisationDecision::Reject => "Nicht bestätigen",
    },
    organisation_reason_label: "Begründung",
    organisation_reason_hint: "Beim Nicht-Bestätigen nötig (mindestens 15 Zeichen). Die Person \
        erhält sie per E-Mail.",
    organisation_submit: "Entscheidung speichern",
    organisation_decided: "Gespeichert. Die Person wurde per E-Mail informiert.",
    account_organisation: |status, organisation, reason| match status {
        OrganisationStatus::Pending => format!(
            "Die Verwaltung prüft Ihr Unternehmen „{organisation}“. Bis dahin erscheinen Ihre \
             Beiträge unter Ihrem Namen ohne Unternehmen."
        ),
        OrganisationStatus::Verified => {
            format!("Ihr Unternehmen ist bestätigt: Ihre Beiträge zeigen „für {organisation}“.")
        }
        OrganisationStatus::Rejected => {
            format!(
            "Die Verwaltung konnte Ihr Unternehmen „{organisation}“ nicht bestätigen.{} Wenn Sie \
             den Namen berichtigen, wird er erneut geprüft.",
            reason.map(|r| format!(" Begründung: {r}")).unwrap_or_default()
        )
        }
    },

    mail: ModerationMailTexts {
        hidden_subject: "Ihr Beitrag wurde ausgeblendet",
        restored_subject: "Ihr Beitrag ist wieder sichtbar",
        what: |hidden, excerpt, date| {
            if hidden {
                format!(
                    "die Moderation hat am {date} Ihren Beitrag „{excerpt}“ ausgeblendet. Er \
                     ist für andere nicht mehr sichtbar; Sie selbst sehen ihn weiterhin."
                )
            } else {
                format!(
                    "die Moderation hat am {date} Ihren Beitrag „{excerpt}“ wieder \
                     eingeblendet. Er ist wieder für alle sichtbar."
                )
            }
        },
        why: |rule, words| match words {
            Some(words) => format!("Grund: {rule}. Begründung: {words}"),
            None => format!("Grund: {rule}."),
        },
        by_people: "Die Entscheidung hat eine Person der Moderation getroffen, nicht ein \
            automatisches Verfahren.",
        automatic: "Der Beitrag wurde automatisch ausgeblendet, weil ihn mehrere Personen \
            unabhängig voneinander gemeldet haben. Die Moderation prüft ihn und entscheidet \
            endgültig; Sie erfahren das Ergebnis.",
        objection: "Wenn Sie mit der Entscheidung nicht einverstanden sind, können Sie \
            widersprechen: Öffnen Sie Ihre Mitteilungen (Link unten) und wählen Sie \
            „Widerspruch einlegen“. Eine andere Person der Moderation prüft Ihren Widerspruch.",
        block_objection: "Wenn Sie mit der Entscheidung nicht einverstanden sind, antworten Sie \
            bitte auf diese E-Mail und schildern Sie, warum. Eine andere Person der Moderation \
            prüft Ihren Widerspruch.",
        notices_link: "Ihre Mitteilungen ansehen",
        footer: "Sie erhalten diese E-Mail, weil über einen Ihrer Beiträge oder Ihr Konto bei \
            Stadtlabor entschieden wurde. Solche Mitteilungen erhalten Sie immer, unabhängig \
            von Ihren Benachrichtigungseinstellungen.",
        block_subject: "Ihr Konto wurde gesperrt",
        block_what: |since, until, hidden| {
            let until = match until {
                Some(until) => format!("bis einschließlich {until}"),
                None => "ohne zeitliche Begrenzung".to_owned(),
            };
            let hidden = match hidden {
                0 => String::new(),
                1 => " Außerdem wurde Ihr Beitrag ausgeblendet.".to_owned(),
                n => format!(" Außerdem wurden Ihre {n} Beiträge ausgeblendet."),
            };
            format!(
                "die Moderation hat am {since} Ihr Konto bei Stadtlabor gesperrt, {until}. \
                 Solange die Sperre läuft, können Sie sich nicht anmelden, nichts schreiben, \
                 unterstützen oder melden und erhalten keine Benachrichtigungen. Lesen können \
                 Sie alles weiterhin ohne Anmeldung.{hidden}"
            )
        },
        unblock_subject: "Ihr Konto ist wieder freigegeben",
        unblock_text: "die Sperre Ihres Kontos bei Stadtlabor wurde aufgehoben. Sie können sich \
            wieder anmelden und mitmachen.",
        objection_subject: "Ihr Widerspruch wurde geprüft",
        objection_outcome: |granted, excerpt| {
            if granted {
                format!(
                    "Ihr Widerspruch zu Ihrem Beitrag „{excerpt}“ war erfolgreich: Der Beitrag \
                     ist wieder für alle sichtbar."
                )
            } else {
                format!(
                    "Ihr Widerspruch zu Ihrem Beitrag „{excerpt}“ wurde von einer anderen \
                     Person der Moderation geprüft: Die Entscheidung bleibt bestehen."
                )
            }
        },
        organisation_subject: "Ihr Unternehmen auf dem Stadtlabor",
        organisation_outcome: |verified, organisation| {
            if verified {
                format!(
                    "die Verwaltung hat Ihr Unternehmen „{organisation}“ bestätigt. Ihre \
                     Beiträge zeigen es nun neben Ihrem Namen, und Workshops für Unternehmen \
                     stehen Ihnen offen."
                )
            } else {
                format!(
                    "die Verwaltung konnte Ihr Unternehmen „{organisation}“ nicht bestätigen. \
                     Sie nehmen weiter mit Ihrem Namen teil, ohne Unternehmen."
                )
            }
        },
        organisation_reason: |reason| format!("Begründung: {reason}"),
        organisation_again: "Wenn Sie den Namen in Ihrem Konto berichtigen, prüft die \
            Verwaltung ihn erneut. Bei Fragen antworten Sie bitte auf diese E-Mail.",
        account_link: "Zu Ihrem Konto",
    },
};

pub const EN: ModerationTexts = ModerationTexts {
    report_link: "Report",
    report_title: "Report a contribution",
    report_intro: "Does this contribution break the platform's rules or the law? The \
        moderators review every report. The author is not told who reported.",
    report_login: "Please log in to report a contribution.",
    reported_item: "The contribution",
    reason_legend: "Why do you report this contribution?",
    note_label: "Your explanation",
    note_hint: "Optional, at most 1,000 characters. For “Illegal” and “Something else” please \
        say what you object to (for “Illegal”, ideally with the law).",
    good_faith_label: "I confirm that to the best of my knowledge my statements are accurate \
        and complete (needed for “Illegal” only).",
    report_submit: "Send report",
    report_done: "Thank you. The moderators have received your report. You will find the \
        decision under “Notifications”.",
    back_to_idea: "Back to the idea",

    nav_moderation: "Moderation",
    queue_title: "Moderation: open reports",
    queue_intro: "Reported contributions, most reported and longest waiting first. Select \
        several to apply one decision to all, or review one at a time.",
    queue_empty: "No open reports. Well done!",
    filter_legend: "Filter reports",
    filter_kind: "Kind",
    kind_all: "Ideas and comments",
    kind_ideas: "Ideas",
    kind_comments: "Comments",
    filter_reason: "Reason",
    all_reasons: "All reasons",
    filter_project: "Project",
    all_projects: "All projects",
    filter_submit: "Filter",
    item_idea: "Idea",
    item_comment: "Comment",
    on_idea: "on the idea",
    by_author: "by",
    oldest_report: "First open report",
    hidden_badge: "hidden",
    pending_badge: "hidden automatically",
    kind_pending: "Hidden automatically",
    review_link: "Review and decide",
    select_item: "Select",
    bulk_legend: "Decision for all selected contributions",
    decision_legend: "Decision",
    rule_label: "Rule",
    reason_label: "Reason in your own words",
    reason_hint: "The author receives it with the rule. For “Other reason” at least 15 \
        characters.",
    decide_submit: "Save decision",
    bulk_submit: "Apply to the selection",
    next_page: "More reports",
    review_title: "Review a report",
    current_text: "Current text",
    snapshot_text: "Text when reported",
    snapshot_changed: "The text was changed after the report.",
    open_reports: "Open reports",
    no_open_reports: "No open reports.",
    history: "Decisions so far",
    no_history: "None yet.",
    conflict_notice: "You wrote or reported this contribution. Another moderator decides on it.",
    back_to_queue: "Back to the open reports",

    log_title: "Moderation log",
    log_intro: "Every report, decision and role change, newest first. Entries are never \
        changed or deleted; deleted accounts appear without a name.",
    log_empty: "No entries.",
    log_action_filter: "Action",
    all_actions: "All actions",
    log_csv: "Download as CSV",
    col_when: "When",
    col_actor: "Who",
    col_action: "Action",
    col_item: "Contribution",
    col_subject: "Concerned",
    col_rule: "Rule",
    col_reason: "Reason",
    deleted_account: "(deleted account)",

    notices_heading: "Messages from the moderators",

    own_hidden_notice: "The moderators hid this idea: only you can still see it. The reasons \
        and the way to object are in your notifications.",
    objection_title: "Objection to a decision",
    objection_link: "Object",
    objection_decision: "The decision",
    objection_intro: "Write why the decision is wrong in your view. Another moderator than the \
        one who decided reviews your objection; you will be told the outcome. You can object \
        to a decision once.",
    objection_label: "Your objection",
    objection_hint: "At most 2,000 characters.",
    objection_submit: "Send objection",
    objection_sent: "Your objection was received. You will find the outcome under \
        “Notifications” and by email.",
    objection_done: "You have objected to this decision. The moderators are reviewing it.",
    objections_heading: "Open objections",
    objection_by: "Objection by",
    objection_decided_by: "decided by",
    objection_conflict: "Your own decision: another moderator or an administrator decides on \
        this.",
    objection_outcome_legend: "Outcome",
    objection_uphold: "Confirm the decision",
    objection_grant: "Grant the objection (show the contribution again)",
    objection_decide_submit: "Decide on the objection",
    objection_decided: "The decision on the objection was saved; the person was told.",

    block_title: "Block an account",
    block_link: "Block the account",
    block_staff_note: "This is a staff account: only an administrator can block it.",
    duration_legend: "Duration",
    hide_content_label: "Also hide everything this person wrote",
    block_submit: "Block the account",
    unblock_submit: "Lift the block",
    block_saved: "Saved. The person was told by email.",
    block_intro: |name| {
        format!(
            "You block the account of {name}. The person is logged out at once, can no longer \
             write, support or report anything and receives the reasons by email."
        )
    },
    blocked_intro: |name| format!("The account of {name} is blocked."),
    duration: |d| match d {
        BlockDuration::Days(1) => "1 day".to_owned(),
        BlockDuration::Days(n) => format!("{n} days"),
        BlockDuration::Unlimited => "Unlimited".to_owned(),
    },

    settings_auto_hide: |n| match n {
        None => "Automatic hiding: off (STADTLABOR_AUTO_HIDE_REPORTS).".to_owned(),
        Some(n) => format!(
            "Automatic hiding: from {n} reports by distinct verified accounts older than a day \
             (STADTLABOR_AUTO_HIDE_REPORTS)."
        ),
    },
    auto_hidden_notice: |excerpt| {
        format!(
            "Your contribution “{excerpt}” was hidden automatically after several reports. \
             The moderators review it and decide."
        )
    },
    report_count: |n| match n {
        1 => "1 report".to_owned(),
        n => format!("{n} reports"),
    },
    open_items: |n| format!("{n} open"),
    overdue_items: |n| match n {
        1 => "1 item has waited more than 24 hours".to_owned(),
        n => format!("{n} items have waited more than 24 hours"),
    },
    decided: |done, skipped| match skipped {
        0 => format!("Decision saved ({done})."),
        s => format!(
            "Decision saved for {done}; {s} had been decided already or are for another \
             moderator to decide."
        ),
    },
    notice_text: |author, action, excerpt| match (author, action) {
        (true, LogAction::Hide) => {
            format!("Your contribution “{excerpt}” was hidden by the moderators.")
        }
        (true, LogAction::Restore) => {
            format!("Your contribution “{excerpt}” is visible to everyone again.")
        }
        (true, LogAction::Approve) => {
            format!("Your contribution “{excerpt}” was approved and is now visible to everyone.")
        }
        (true, LogAction::ObjectionGranted) => {
            format!("Your objection succeeded: “{excerpt}” is visible to everyone again.")
        }
        (true, LogAction::ObjectionUpheld) => {
            format!("Your objection on “{excerpt}” was reviewed: the decision stands.")
        }
        (false, LogAction::Hide) => format!(
            "Your report on “{excerpt}” was reviewed: the contribution was hidden. Thank you!"
        ),
        (false, _) => format!(
            "Your report on “{excerpt}” was reviewed: the moderators found no violation, the \
             contribution stays visible."
        ),
        (true, _) => format!("The moderators decided on your contribution “{excerpt}”."),
    },
    reason: |r| match r {
        ReportReason::Spam => "Spam or advertising",
        ReportReason::Offensive => "Offensive or degrading",
        ReportReason::PersonalData => "Contains personal data",
        ReportReason::OffTopic => "Off topic",
        ReportReason::Illegal => "Illegal",
        ReportReason::Other => "Something else",
    },
    decision: |d| match d {
        Decision::Hide => "Hide",
        Decision::Keep => "Keep (dismiss the reports)",
        Decision::Restore => "Show again",
    },
    rule: |r| match r {
        DecisionRule::Offensive => "Insult or degradation (netiquette)",
        DecisionRule::Spam => "Spam or advertising",
        DecisionRule::PersonalData => "Personal data of others",
        DecisionRule::OffTopic => "Off topic",
        DecisionRule::Illegal => "Illegal content",
        DecisionRule::NoViolation => "No violation found",
        DecisionRule::Other => "Other reason",
    },
    action: |a| match a {
        LogAction::Report => "Report",
        LogAction::Hide => "Hidden",
        LogAction::Restore => "Shown again",
        LogAction::Keep => "Kept",
        LogAction::ChangeRole => "Role changed",
        LogAction::Block => "Account blocked",
        LogAction::Unblock => "Block lifted",
        LogAction::Objection => "Objection",
        LogAction::ObjectionUpheld => "Objection rejected",
        LogAction::ObjectionGranted => "Objection granted",
        LogAction::VerifyOrganisation => "Business confirmed",
        LogAction::RejectOrganisation => "Business not confirmed",
        LogAction::Approve => "Approved",
    },
    blocked_notice: |until, rule, reason| {
        let until = match until {
            Some(until) => format!("until {until} inclusive"),
            None => "without a time limit".to_owned(),
        };
        let reason = reason
            .map(|r| format!(" In the moderator's words: {r}"))
            .unwrap_or_default();
        format!(
            "Your account is blocked, {until}. Reason: {rule}.{reason} You can still read \
             everything without logging in. If you disagree, please reply to the email we sent \
             you about the block: another moderator reviews your objection."
        )
    },

    held_heading: "Waiting for approval",
    held_intro: "Nobody but their authors sees these contributions of new accounts (or first \
        contributions with many links) yet. Approve them, or hide them with a reason.",
    held_decision: |d| match d {
        HeldDecision::Approve => "Approve",
        HeldDecision::Hide => "Hide",
    },
    held_submit: "Save decision",
    held_decided: "Saved.",
    own_held_notice: "Your contribution waits for approval by the moderators. Others see it \
        only then. You will get a notification.",
    held_badge: "waiting for approval",
    settings_premoderation: |n| match n {
        None => "Pre-moderation: off; only a first contribution with more than two links waits \
            for approval (STADTLABOR_PREMODERATION_FIRST)."
            .to_owned(),
        Some(n) => format!(
            "Pre-moderation: the first {n} contributions of every account wait for approval \
             (STADTLABOR_PREMODERATION_FIRST)."
        ),
    },

    organisations_heading: "Confirm businesses",
    organisations_intro: "These business accounts name a business. It appears with their \
        contributions (“for …”) and opens workshops for businesses only once you confirmed \
        it. Check for example the website, its imprint and the email address.",
    organisation_by: "Account of",
    organisation_registered: "registered on",
    organisation_decision_legend: "Decision",
    organisation_decision: |d| match d {
        OrganisationDecision::Verify => "Confirm the business",
        OrganisationDecision::Reject => "Do not confirm",
    },
    organisation_reason_label: "Reason",
    organisation_reason_hint: "Needed when not confirming (at least 15 characters). The \
        person receives it by email.",
    organisation_submit: "Save decision",
    organisation_decided: "Saved. The person was told by email.",
    account_organisation: |status, organisation, reason| match status {
        OrganisationStatus::Pending => format!(
            "The administration is checking your business “{organisation}”. Until then your \
             contributions appear under your name without the business."
        ),
        OrganisationStatus::Verified => {
            format!("Your business is confirmed: your contributions show “for {organisation}”.")
        }
        OrganisationStatus::Rejected => format!(
            "The administration could not confirm your business “{organisation}”.{} If you \
             correct the name, it is checked again.",
            reason.map(|r| format!(" Reason: {r}")).unwrap_or_default()
        ),
    },

    mail: ModerationMailTexts {
        hidden_subject: "Your contribution was hidden",
        restored_subject: "Your contribution is visible again",
        what: |hidden, excerpt, date| {
            if hidden {
                format!(
                    "on {date} the moderators hid your contribution “{excerpt}”. Others can no \
                     longer see it; you still can."
                )
            } else {
                format!(
                    "on {date} the moderators showed your contribution “{excerpt}” again. It \
                     is visible to everyone."
                )
            }
        },
        why: |rule, words| match words {
            Some(words) => format!("Reason: {rule}. In the moderator's words: {words}"),
            None => format!("Reason: {rule}."),
        },
        by_people: "A person of the moderation team made this decision, not an automated \
            process.",
        automatic: "The contribution was hidden automatically because several people reported \
            it independently. The moderators review it and decide; you will be told the \
            outcome.",
        objection: "If you disagree with the decision, you can object: open your messages (link \
            below) and choose “Object”. Another moderator reviews your objection.",
        block_objection: "If you disagree with the decision, please reply to this email and \
            explain why. Another moderator reviews your objection.",
        notices_link: "See your messages",
        footer: "You receive this email because a decision was made about one of your \
            contributions or your account at Stadtlabor. You always receive such messages, \
            whatever your notification settings.",
        block_subject: "Your account was blocked",
        block_what: |since, until, hidden| {
            let until = match until {
                Some(until) => format!("until {until} inclusive"),
                None => "without a time limit".to_owned(),
            };
            let hidden = match hidden {
                0 => String::new(),
                1 => " Your contribution was hidden as well.".to_owned(),
                n => format!(" Your {n} contributions were hidden as well."),
            };
            format!(
                "on {since} the moderators blocked your account at Stadtlabor, {until}. While \
                 the block lasts you cannot log in, write, support or report anything, and you \
                 receive no notifications. You can still read everything without logging \
                 in.{hidden}"
            )
        },
        unblock_subject: "Your account is open again",
        unblock_text: "the block of your account at Stadtlabor was lifted. You can log in and \
            take part again.",
        objection_subject: "Your objection was reviewed",
        objection_outcome: |granted, excerpt| {
            if granted {
                format!(
                    "your objection concerning your contribution “{excerpt}” succeeded: it is \
                     visible to everyone again."
                )
            } else {
                format!(
                    "your objection concerning your contribution “{excerpt}” was reviewed by \
                     another moderator: the decision stands."
                )
            }
        },
        organisation_subject: "Your business on the Stadtlabor",
        organisation_outcome: |verified, organisation| {
            if verified {
                format!(
                    "the administration confirmed your business “{organisation}”. Your \
                     contributions now show it beside your name, and workshops for businesses \
                     are open to you."
                )
            } else {
                format!(
                    "the administration could not confirm your business “{organisation}”. You \
                     keep taking part under your name, without the business."
                )
            }
        },
        organisation_reason: |reason| format!("Reason: {reason}"),
        organisation_again: "If you correct the name in your account, the administration checks \
            it again. If you have questions, please reply to this email.",
        account_link: "To your account",
    },
};
