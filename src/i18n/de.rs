use super::{euros, group_thousands, Texts};
use crate::domain::ideas::MatchCount;
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::ValidationError;
use chrono::{Datelike, NaiveDate};

fn idea_count(n: i64) -> String {
    match n {
        1 => "1 Idee".to_owned(),
        n => format!("{} Ideen", group_thousands(n, '.')),
    }
}

fn ideas_found(total: MatchCount) -> String {
    match total {
        MatchCount::Exactly(n) => idea_count(n),
        MatchCount::MoreThan(n) => format!("Mehr als {} Ideen", group_thousands(n, '.')),
    }
}

fn unread_count(n: i64) -> String {
    format!("{n} ungelesene")
}

fn supports_left(left: i64, limit: i64) -> String {
    format!("Sie können in diesem Projekt noch {left} von {limit} Ideen unterstützen.")
}

fn notification_text(kind: NotificationKind, actor: &str, idea: &str, project: &str) -> String {
    match kind {
        NotificationKind::CommentOnFollowed => {
            format!("{actor} hat die Idee „{idea}“ kommentiert.")
        }
        NotificationKind::ReplyToComment => {
            format!("{actor} hat auf Ihren Kommentar zur Idee „{idea}“ geantwortet.")
        }
        NotificationKind::StatusChange => format!("Die Idee „{idea}“ hat einen neuen Status."),
        NotificationKind::NewIdeaInProject => {
            format!("{actor} hat im Projekt „{project}“ die Idee „{idea}“ eingereicht.")
        }
    }
}

fn support_count(n: i64) -> String {
    match n {
        1 => "1 Unterstützung".to_owned(),
        n => format!("{} Unterstützungen", group_thousands(n, '.')),
    }
}

fn comment_count(n: i64) -> String {
    match n {
        1 => "1 Kommentar".to_owned(),
        n => format!("{} Kommentare", group_thousands(n, '.')),
    }
}

fn project_count(n: usize) -> String {
    match n {
        1 => "1 Projekt".to_owned(),
        n => format!("{n} Projekte"),
    }
}

fn money(cents: i64) -> String {
    let amount = euros(cents, '.', ',', "Mio.");
    format!("{amount} €")
}

fn date(d: NaiveDate) -> String {
    // Written out rather than `format("%d.%m.%Y")`, which parses its pattern on every call
    // (a long discussion formats hundreds of dates per page).
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

fn validation(error: &ValidationError) -> String {
    match error {
        ValidationError::Required => "Bitte füllen Sie dieses Feld aus.".to_owned(),
        ValidationError::TooShort { min } => {
            format!("Bitte geben Sie mindestens {min} Zeichen ein.")
        }
        ValidationError::TooLong { max } => format!("Bitte geben Sie höchstens {max} Zeichen ein."),
        ValidationError::InvalidCharacters => {
            "Bitte verwenden Sie keine Steuerzeichen oder Zeilenumbrüche.".to_owned()
        }
        ValidationError::InvalidEmail => {
            "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.".to_owned()
        }
        ValidationError::InvalidUrl => {
            "Bitte geben Sie eine Webadresse ein, die mit https:// beginnt.".to_owned()
        }
        ValidationError::Invalid => {
            "Bitte wählen Sie eine der angebotenen Möglichkeiten.".to_owned()
        }
        ValidationError::EmailTaken => "Diese E-Mail-Adresse wird bereits verwendet.".to_owned(),
        ValidationError::PasswordMismatch => "Die Passwörter stimmen nicht überein.".to_owned(),
        ValidationError::WrongPassword => {
            "E-Mail-Adresse oder Passwort sind nicht richtig.".to_owned()
        }
        ValidationError::ConsentRequired => {
            "Ohne Ihre Einwilligung können wir kein Konto anlegen.".to_owned()
        }
        ValidationError::NotAnImage => {
            "Bitte wählen Sie ein Bild im Format JPEG, PNG oder WebP.".to_owned()
        }
        ValidationError::FileTooLarge { max_megabytes } => {
            format!("Die Datei ist zu groß: höchstens {max_megabytes} MB.")
        }
        ValidationError::ImageTooLarge { max_side } => format!(
            "Das Bild ist zu groß: höchstens {} Bildpunkte je Seite.",
            group_thousands(i64::from(*max_side), '.')
        ),
        ValidationError::FormRejected => {
            "Die Registrierung konnte nicht abgeschlossen werden. Bitte laden Sie die Seite neu \
             und senden Sie das Formular noch einmal ab."
                .to_owned()
        }
        ValidationError::InvalidLink => {
            "Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet.".to_owned()
        }
        ValidationError::NotAllowed => "Diese Änderung ist nicht möglich.".to_owned(),
        ValidationError::InvalidSlug => {
            "Bitte verwenden Sie nur Kleinbuchstaben a–z, Ziffern und Bindestriche (z. B. 3d-stadtmodell).".to_owned()
        }
        ValidationError::SlugTaken => "Diese Adresse ist schon vergeben. Bitte wählen Sie eine andere.".to_owned(),
        ValidationError::InvalidDate => "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein, z. B. 01.03.2027.".to_owned(),
        ValidationError::EndBeforeStart => "Das Ende darf nicht vor dem Beginn liegen.".to_owned(),
        ValidationError::InvalidAmount => "Bitte geben Sie einen Betrag in Euro ein, z. B. 1.250.000 oder 980,50.".to_owned(),
        ValidationError::NumberOutOfRange { min, max } => {
            format!("Bitte geben Sie eine ganze Zahl von {min} bis {max} ein.")
        }
        ValidationError::DiscussionClosed => {
            "Die Diskussion ist geschlossen: Sie können hier nicht mehr kommentieren.".to_owned()
        }
        ValidationError::OwnIdea => "Die eigene Idee können Sie nicht unterstützen.".to_owned(),
        ValidationError::SupportLimitReached { limit } => {
            format!("Sie haben alle {limit} Unterstützungen für dieses Projekt vergeben. Nehmen Sie eine zurück, um diese Idee zu unterstützen.")
        }
        ValidationError::SupportClosed => "Diese Idee kann nicht mehr unterstützt werden.".to_owned(),
        ValidationError::ConfirmationRequired => "Bitte bestätigen Sie diese Angabe.".to_owned(),
        ValidationError::OwnContent => "Eigene Beiträge können Sie nicht melden.".to_owned(),
        ValidationError::AlreadyReported => {
            "Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft Ihre Meldung.".to_owned()
        }
        ValidationError::AlreadyDecided => {
            "Darüber wurde inzwischen schon entschieden. Bitte laden Sie die Seite neu.".to_owned()
        }
        ValidationError::ConflictOfInterest => {
            "Über eigene Beiträge und eigene Meldungen entscheidet eine andere Person der Moderation."
                .to_owned()
        }
        ValidationError::NothingSelected => "Bitte wählen Sie mindestens einen Beitrag aus.".to_owned(),
        ValidationError::RegistrationRefused => {
            "Mit dieser E-Mail-Adresse ist eine Registrierung zurzeit nicht möglich.".to_owned()
        }
        ValidationError::AlreadyObjected => {
            "Sie haben dieser Entscheidung bereits widersprochen. Die Moderation prüft Ihren Widerspruch.".to_owned()
        }
        ValidationError::InvalidTime => "Bitte geben Sie eine Uhrzeit im Format HH:MM ein, z. B. 16:00. (Die Stunde der Zeitumstellung im März gibt es nicht.)".to_owned(),
        ValidationError::StartInPast => "Der Beginn liegt in der Vergangenheit.".to_owned(),
        ValidationError::DeadlineAfterStart => "Der Anmeldeschluss darf nicht nach dem Beginn liegen.".to_owned(),
        ValidationError::PlacesAboveCapacity => "Pro Anmeldung können nicht mehr Plätze vergeben werden, als der Workshop hat.".to_owned(),
        ValidationError::CapacityBelowTaken { taken } => format!("Es sind bereits {taken} Plätze vergeben. Weniger Plätze sind nicht möglich."),
        ValidationError::RegistrationClosed => "Die Anmeldung für diesen Workshop ist geschlossen.".to_owned(),
        ValidationError::WorkshopCancelled => "Dieser Workshop wurde abgesagt.".to_owned(),
        ValidationError::WorkshopOver => "Dieser Workshop hat bereits stattgefunden.".to_owned(),
        ValidationError::WorkshopFull => "Dieser Workshop ist ausgebucht und hat keine Warteliste.".to_owned(),
        ValidationError::BusinessesOnly => "Dieser Workshop ist für Unternehmen. Bitte melden Sie sich mit einem Unternehmenskonto an.".to_owned(),
        ValidationError::OrganisationNotVerified => "Dieser Workshop ist für Unternehmen. Die Verwaltung prüft Ihr Unternehmen noch; sobald es bestätigt ist, können Sie sich anmelden.".to_owned(),
        ValidationError::AlreadyRegistered => "Sie sind für diesen Workshop bereits angemeldet oder auf der Warteliste.".to_owned(),
        ValidationError::NotRegistered => "Für diesen Workshop besteht keine Anmeldung (mehr).".to_owned(),
        ValidationError::RegistrationNotOpen { opens_at } => format!("Die Anmeldung öffnet am {}.", (crate::i18n::workshops::DE.at)(*opens_at)),
        ValidationError::OpeningAfterDeadline => "Der Beginn der Anmeldung muss vor dem Anmeldeschluss liegen.".to_owned(),
        ValidationError::TooFewChoices => "Eine Auswahlfrage braucht mindestens zwei Antworten (eine pro Zeile).".to_owned(),
        ValidationError::TooManyChoices { max } => format!("Höchstens {max} Antwortmöglichkeiten."),
        ValidationError::DuplicateChoice => "Jede Antwort darf nur einmal vorkommen.".to_owned(),
        ValidationError::NoOffer => "Für Sie ist (inzwischen) kein Platz mehr reserviert.".to_owned(),
    }
}

fn rate_limited(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    match minutes {
        1 => "Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut."
            .to_owned(),
        m => format!(
            "Zu viele Versuche. Bitte warten Sie {m} Minuten und versuchen Sie es dann erneut."
        ),
    }
}

pub(super) const TEXTS: Texts = Texts {
    moderation: &super::moderation::DE,
    workshops: &super::workshops::DE,
    mails: &super::mails::DE,
    site_name: "Stadtlabor",
    site_tagline: "Mitmachen in der Digitalen Modellregion Kreis Soest",
    skip_to_content: "Zum Inhalt springen",
    demo_notice: "Demo: Die Personen, Ideen und Kommentare auf dieser Seite sind erfunden. Sie zeigen, wie Beteiligung hier aussieht.",
    menu_toggle: "Menü",
    nav_label: "Hauptnavigation",
    nav_home: "Start",
    nav_projects: "Projekte",
    footer_label: "Service und Rechtliches",
    footer_operator: "Ein Angebot des City-Labs SO Digital im Kreis Soest.",
    footer_imprint: "Impressum",
    footer_privacy: "Datenschutz",
    footer_accessibility: "Erklärung zur Barrierefreiheit",
    language_label: "Sprache",
    language_name: "Deutsch",
    header_name: "Stadtlabor SO Digital",

    home_title: "Gestalten Sie die digitale Region mit",
    home_intro: "Der Kreis Soest ist Digitale Modellregion des Landes Nordrhein-Westfalen. \
        Im City-Lab SO Digital können Bürgerinnen und Bürger, Unternehmen und Verwaltung die \
        Digitalisierungsprojekte der Region kennenlernen, eigene Ideen einbringen, diskutieren \
        und an Workshops teilnehmen.",
    home_how_title: "So können Sie mitmachen",
    home_how_steps: &[
        "Projekte der Region ansehen und verfolgen",
        "Ideen einreichen, kommentieren und unterstützen",
        "Als Unternehmen an Workshops teilnehmen",
        "Per E-Mail erfahren, was aus Ihren Ideen wird",
    ],
    home_projects_title: "Die Digitalisierungsprojekte der Region",
    home_all_projects: "Alle Projekte ansehen",
    home_projects_listed: |n| match n {
        1 => "Ein Projekt stellt sich hier schon vor; weitere folgen.".to_owned(),
        n => format!("{n} dieser Projekte stellen sich hier schon vor; weitere folgen."),
    },
    home_submit_idea: "Idee einreichen",
    home_search_label: "Ideen durchsuchen",
    home_search_submit: "Suchen",
    home_newest_title: "Neue Ideen",
    home_supported_title: "Meistunterstützte Ideen",
    home_no_ideas: "Noch keine Ideen – reichen Sie die erste ein!",
    home_all_ideas: "Alle Ideen ansehen",
    home_workshops_title: "Nächste Workshops",
    home_all_workshops: "Alle Workshops ansehen",
    facts_title: "Das Förderprogramm in Zahlen",
    facts_funded_projects: "geförderte Projekte",
    facts_funding: "Fördersumme",
    facts_proposed_projects: "weitere Projekte vorgeschlagen",
    facts_proposed_funding: "beantragtes Volumen",

    projects_title: "Projekte",
    projects_intro: "Alle Digitalisierungsprojekte der Modellregion auf einen Blick.",
    projects_empty: "Es sind noch keine Projekte veröffentlicht.",
    project_facts_title: "Steckbrief",
    project_description_title: "Worum es geht",
    fact_phase: "Phase",
    fact_funding: "Förderung",
    fact_responsible: "Verantwortlich",
    fact_contact: "Kontakt",
    fact_districts: "Kommunen und Kreise",
    fact_period: "Laufzeit",
    fact_category: "Themenfeld",
    fact_ideas: "Ideen",
    not_specified: "keine Angabe",
    accepts_ideas: "Ideen willkommen",
    closed_for_ideas: "Nimmt derzeit keine Ideen an",
    archived: "Archiviert",
    back_to_projects: "Zurück zur Projektübersicht",
    phase_planned: "Geplant",
    phase_running: "Laufend",
    phase_completed: "Abgeschlossen",

    loading: "Wird geladen …",
    not_found_title: "Seite nicht gefunden",
    not_found_text: "Die angeforderte Seite gibt es nicht oder nicht mehr. Vielleicht hilft \
        Ihnen die Startseite weiter.",
    to_home: "Zur Startseite",
    error_title: "Ein Fehler ist aufgetreten",
    error_text: "Die Seite konnte gerade nicht geladen werden. Bitte versuchen Sie es in \
        einigen Minuten erneut.",

    imprint_title: "Impressum",
    imprint_body: &[
        "Anbieter dieser Beteiligungsplattform ist der Kreis Soest, vertreten durch die \
         Landrätin bzw. den Landrat, für das City-Lab SO Digital.",
        "Verantwortlich für die redaktionellen Inhalte sind die Mitarbeitenden der \
         Kreisverwaltung, die in den Projekten als Ansprechpartner genannt sind. Beiträge von \
         Bürgerinnen, Bürgern und Unternehmen geben deren eigene Meinung wieder.",
        "Stadtlabor ist freie Software. Betreiber einer eigenen Installation ersetzen diesen \
         Text durch ihre Anbieterkennzeichnung nach § 5 DDG.",
    ],
    privacy_title: "Datenschutz",
    privacy_body: &[
        "Wir verarbeiten nur die Daten, die für die Beteiligung nötig sind: Ihr Konto \
         (Name, E-Mail-Adresse, bei Unternehmen der Organisationsname), Ihre Beiträge und \
         Ihre Benachrichtigungseinstellungen.",
        "Die Plattform setzt nur technisch notwendige Cookies: die gewählte Sprache und, nach \
         der Anmeldung, eine Sitzungskennung. Es gibt keine Analyse- oder Werbedienste und \
         keine Inhalte von Drittanbietern.",
        "E-Mails erhalten Sie nur zu Themen, denen Sie folgen; jede Benachrichtigung lässt \
         sich mit einem Klick abbestellen. Sie können Auskunft, Berichtigung und Löschung \
         Ihrer Daten verlangen.",
    ],
    accessibility_title: "Erklärung zur Barrierefreiheit",
    accessibility_body: &[
        "Der Kreis Soest ist bemüht, diese Plattform im Einklang mit der \
         Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu \
         machen. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1, Stufe AA.",
        "Alle Seiten sind mit der Tastatur bedienbar, funktionieren ohne JavaScript und \
         werden bei jeder Änderung automatisch auf Verstöße gegen WCAG 2.1 AA geprüft.",
        "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie dem City-Lab \
         SO Digital; wir antworten innerhalb von sechs Wochen. Bleibt Ihre Anfrage \
         unbeantwortet, können Sie sich an die Ombudsstelle für barrierefreie \
         Informationstechnik des Landes Nordrhein-Westfalen wenden.",
    ],

    nav_login: "Anmelden",
    nav_register: "Registrieren",
    nav_account: "Mein Konto",
    nav_admin: "Verwaltung",
    logout: "Abmelden",
    register_title: "Registrieren",
    register_intro: "Mit einem Konto können Sie Ideen einreichen, kommentieren und unterstützen. Unternehmen melden sich außerdem zu Workshops an.",
    account_type_legend: "Ich registriere mich als",
    account_citizen: "Bürgerin oder Bürger",
    account_business: "Unternehmen oder Organisation",
    field_display_name: "Anzeigename",
    field_display_name_hint: "Wird bei Ihren Beiträgen angezeigt.",
    field_email: "E-Mail-Adresse",
    field_password: "Passwort",
    field_password_hint: "Mindestens 10 Zeichen. Ein langer Satz ist ein gutes Passwort.",
    field_organisation_name: "Name des Unternehmens oder der Organisation",
    field_organisation_hint: "Nur für Unternehmen und Organisationen; wird bei Ihren Beiträgen angezeigt.",
    field_organisation_website: "Website (optional)",
    privacy_consent_label: "Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner Daten für die Beteiligung einverstanden.",
    honeypot_label: "Bitte lassen Sie dieses Feld leer.",
    register_submit: "Konto anlegen",
    register_done_title: "Fast geschafft",
    register_done_text: "Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie Ihre Adresse mit dem Link darin. Anmelden können Sie sich schon jetzt; Ideen einreichen, kommentieren und abstimmen können Sie nach der Bestätigung.",
    login_title: "Anmelden",
    login_submit: "Anmelden",
    forgot_password_link: "Passwort vergessen?",
    no_account: "Noch kein Konto?",
    password_reset_done: "Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.",
    verify_title: "E-Mail-Adresse bestätigen",
    verify_success: "Ihre E-Mail-Adresse ist bestätigt. Jetzt können Sie mitmachen.",
    verify_intro: "Bitte bestätigen Sie mit einem Klick, dass diese E-Mail-Adresse Ihnen gehört.",
    email_confirm_intro: "Bitte bestätigen Sie mit einem Klick, dass Ihr Konto künftig diese E-Mail-Adresse verwendet. Danach melden Sie sich mit der neuen Adresse an.",
    email_confirm_submit: "Neue Adresse bestätigen",
    forgot_title: "Passwort vergessen",
    forgot_intro: "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.",
    forgot_submit: "Link anfordern",
    forgot_sent: "Wenn zu dieser Adresse ein Konto besteht, haben wir Ihnen einen Link geschickt. Er ist eine Stunde gültig.",
    reset_title: "Neues Passwort festlegen",
    field_new_password: "Neues Passwort",
    reset_submit: "Passwort speichern",
    account_title: "Mein Konto",
    profile_title: "Profil",
    field_language: "Sprache für E-Mails",
    profile_submit: "Profil speichern",
    password_title: "Passwort ändern",
    field_current_password: "Aktuelles Passwort",
    password_submit: "Passwort ändern",
    email_title: "E-Mail-Adresse ändern",
    current_email_label: "Aktuelle Adresse",
    field_new_email: "Neue E-Mail-Adresse",
    email_submit: "Bestätigungslink senden",
    saved_profile: "Ihr Profil wurde gespeichert.",
    saved_password: "Ihr Passwort wurde geändert. Andere Anmeldungen wurden beendet.",
    saved_email: "Wir haben einen Bestätigungslink an die neue Adresse geschickt. Sie gilt, sobald Sie ihn geöffnet haben.",
    email_changed: "Ihre neue E-Mail-Adresse ist bestätigt. Zu Ihrer Sicherheit wurden alle Anmeldungen beendet; bitte melden Sie sich mit der neuen Adresse an.",
    unverified_notice: "Ihre E-Mail-Adresse ist noch nicht bestätigt. Bis dahin können Sie keine Ideen einreichen, nicht kommentieren, nicht abstimmen und sich nicht zu Workshops anmelden.",
    resend_submit: "Bestätigungsmail erneut senden",
    resent: "Wir haben Ihnen eine neue Bestätigungsmail geschickt.",
    notifications_title: "Benachrichtigungen",
    role_label: "Rolle",
    role_citizen: "Bürgerin/Bürger",
    role_business: "Unternehmen",
    role_moderator: "Moderation",
    role_admin: "Administration",
    admin_users_title: "Benutzerverwaltung",
    col_name: "Name",
    col_email: "E-Mail",
    col_verified: "Bestätigt",
    yes: "ja",
    no: "nein",
    change_role_submit: "Rolle ändern",
    role_saved: "Die Rolle wurde geändert.",
    next_page: "Nächste Seite",
    login_required: "Bitte melden Sie sich an, um diese Seite zu sehen.",
    forbidden: "Diese Seite ist der Verwaltung vorbehalten.",
    form_has_errors: "Bitte korrigieren Sie die markierten Angaben.",
    error_title_prefix: "Fehler: ",
    organisation_label: "Organisation",

    nav_ideas: "Ideen",
    ideas_title: "Ideen",
    ideas_intro: "Was Bürgerinnen, Bürger und Unternehmen für die digitale Region vorschlagen.",
    ideas_empty: "Keine Ideen gefunden.",
    choose_option: "Bitte wählen",
    ideas_empty_filtered: "Versuchen Sie andere Suchwörter, setzen Sie die Filter zurück – oder \
        reichen Sie selbst eine Idee ein.",
    filter_reset: "Filter zurücksetzen",
    first_ideas: "Zurück zur ersten Seite",
    filter_label: "Ideen filtern",
    filter_toggle: "Filter und Sortierung",
    filter_search: "Suche",
    filter_project: "Projekt",
    filter_status: "Status",
    filter_sort: "Sortierung",
    all_option: "Alle",
    filter_submit: "Anzeigen",
    sort_newest: "Neueste zuerst",
    sort_supported: "Meiste Unterstützung",
    sort_discussed: "Meistdiskutiert",
    status_submitted: "Eingereicht",
    status_under_review: "In Prüfung",
    status_accepted: "Angenommen",
    status_rejected: "Abgelehnt",
    status_implemented: "Umgesetzt",
    status_withdrawn: "Zurückgezogen",
    new_idea: "Idee einreichen",
    idea_form_title: "Neue Idee",
    field_title: "Titel",
    field_body: "Beschreibung",
    field_body_hint: "Sie können Markdown verwenden: **fett**, *kursiv*, Listen mit „- “ und Links wie [Text](https://…).",
    field_category: "Themenfeld",
    field_project: "Projekt (optional)",
    no_project: "Kein bestimmtes Projekt",
    field_location: "Ort (optional)",
    preview_button: "Vorschau anzeigen",
    preview_title: "Vorschau",
    preview_failed: "Die Vorschau lässt sich gerade nicht anzeigen. Ihr Text bleibt im Formular.",
    submit_idea: "Idee veröffentlichen",
    by_author: "von",
    edited_marker: "bearbeitet",
    author_organisation: |organisation| format!("für {organisation}"),
    staff_badge: "Verwaltung",
    login_to_submit: "Melden Sie sich an oder registrieren Sie sich, um eine Idee einzureichen. Danach geht es hier weiter.",
    next_ideas: "Weitere Ideen",
    idea_facts_title: "Angaben zur Idee",
    field_location_label: "Ort",
    search_results_for: "Suchergebnisse für",

    official_answer_title: "Offizielle Antwort",
    history_title: "Verlauf",
    staff_form_title: "Status setzen und offiziell antworten",
    field_status: "Neuer Status",
    field_answer: "Offizielle Antwort",
    status_submit: "Status und Antwort veröffentlichen",
    withdraw_submit: "Idee zurückziehen",
    withdraw_hint: "Die Idee bleibt mit ihren Kommentaren sichtbar und wird als zurückgezogen markiert.",
    edit_link: "Idee bearbeiten",
    edit_title: "Idee bearbeiten",
    save_idea: "Änderungen speichern",
    frozen_note: "Seit die Idee unterstützt oder kommentiert wurde, kann sie nicht mehr bearbeitet werden.",
    your_idea: "Ihre Idee",

    projects_none_match: "Keine Projekte passen zu dieser Auswahl.",

    have_account: "Sie haben schon ein Konto?",

    project_new_title: "Neues Projekt anlegen",
    project_edit_title: "Projekt bearbeiten",
    project_new_link: "Neues Projekt",
    project_edit_link: "Projekt bearbeiten",
    project_save: "Projekt speichern",
    image_section_title: "Bild des Projekts",
    image_intro: "Ein Foto oder eine Grafik für die Projektkarte und die Projektseite. Ohne Bild zeigt das Projekt eine Illustration seines Themenfelds.",
    image_later: "Ein Bild können Sie hinzufügen, sobald das Projekt gespeichert ist.",
    image_current: "Aktuelles Bild",
    field_image: "Bilddatei",
    field_image_hint: "JPEG, PNG oder WebP, höchstens 12 MB. Das Bild wird auf das Format 16:9 zugeschnitten; Angaben wie Aufnahmeort und Kamera werden entfernt.",
    field_image_alt: "Beschreibung des Bildes (Alternativtext)",
    field_image_alt_hint: "Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können. Zum Beispiel: „Ein Linienbus an der Haltestelle Soest Bahnhof“.",
    image_submit: "Bild hochladen",
    image_remove: "Bild entfernen",
    image_saved: "Das Bild wurde gespeichert.",
    image_removed: "Das Bild wurde entfernt. Das Projekt zeigt wieder die Illustration seines Themenfelds.",
    field_slug: "Adresse (Kurzname)",
    field_slug_hint: "Teil der Adresse /projekte/…: Kleinbuchstaben, Ziffern und Bindestriche.",
    field_project_title: "Titel",
    field_summary: "Kurzbeschreibung",
    field_summary_hint: "Ein bis zwei Sätze für die Projektübersicht.",
    field_description: "Beschreibung",
    field_funding: "Fördersumme in Euro (optional)",
    field_funding_hint: "Zum Beispiel 1.250.000 oder 980,50.",
    field_responsible: "Verantwortliche Stelle",
    field_contact: "Ansprechperson oder Kontakt",
    field_starts_on: "Beginn (optional)",
    field_ends_on: "Ende (optional)",
    field_date_hint: "Format TT.MM.JJJJ",
    field_districts: "Betroffene Kreise und Kommunen",
    field_support_limit: "Unterstützungen pro Person (optional)",
    field_support_limit_hint: "Wie viele Ideen dieses Projekts eine Person höchstens unterstützen darf. Leer lassen für keine Grenze.",
    field_accepts_ideas: "Nimmt jetzt Ideen an",
    field_archived: "Archiviert",
    field_archived_hint: "Archivierte Projekte bleiben lesbar, nehmen aber keine Ideen mehr an.",
    no_category: "– keine Angabe –",
    project_ideas_title: "Ideen zu diesem Projekt",
    project_ideas_all: "Alle Ideen zu diesem Projekt",
    project_ideas_none: "Zu diesem Projekt gibt es noch keine Ideen.",
    project_submit_idea: "Idee zu diesem Projekt einreichen",
    staff_only: "Diese Seite ist der Verwaltung vorbehalten.",
    discussion_title: "Diskussion",
    discussion_empty: "Noch keine Kommentare. Schreiben Sie den ersten!",
    closed_withdrawn: "Die Idee wurde zurückgezogen. Die Diskussion ist geschlossen.",
    closed_project_completed: "Das Projekt ist abgeschlossen. Die Diskussion ist geschlossen.",
    comment_login_hint: "Melden Sie sich an, um mitzudiskutieren und Ideen zu unterstützen.",
    comment_verify_hint: "Bestätigen Sie Ihre E-Mail-Adresse, um mitzudiskutieren und Ideen zu unterstützen.",
    field_comment: "Ihr Kommentar",
    field_reply: "Ihre Antwort",
    comment_submit: "Kommentar veröffentlichen",
    reply_summary: "Antworten",
    reply_submit: "Antwort veröffentlichen",
    comment_edit_summary: "Bearbeiten",
    comment_save: "Änderung speichern",
    comment_delete: "Löschen",
    comment_deleted: "Dieser Kommentar wurde gelöscht.",
    comment_hidden: "Dieser Beitrag wurde von der Moderation ausgeblendet.",
    comment_edited: "bearbeitet am",
    comment_permalink: "Link zu diesem Kommentar",
    replies_label: "Antworten auf diesen Kommentar",
    support_title: "Unterstützen",
    support_submit: "Idee unterstützen",
    support_withdraw: "Unterstützung zurücknehmen",
    support_given: "Sie unterstützen diese Idee.",
    mine_title: "Meine Beteiligung",
    field_profile_public: "Öffentliches Profil zeigen",
    field_profile_public_hint: "Ihr Name führt dann zu einer Seite mit Ihren öffentlichen Ideen und Kommentaren – ohne E-Mail-Adresse. Ohne Haken erscheint Ihr Name ohne Link.",
    profile_page_intro: |since| format!("Dabei seit {since}. Öffentliche Ideen und Kommentare, die neuesten zuerst."),
    profile_ideas: "Ideen",
    profile_comments: "Kommentare",
    profile_link_title: "Profil ansehen",
    mine_intro: "Ihre Ideen und Kommentare, was Sie unterstützen und wem Sie folgen – jeweils die neuesten 50.",
    mine_ideas: "Meine Ideen",
    mine_comments: "Meine Kommentare",
    mine_supported: "Von mir unterstützt",
    mine_followed: "Ich folge",
    mine_none: "Noch nichts.",
    mine_comment_on: |title| format!("zu „{title}“"),
    withdraw_confirm: "Möchten Sie Ihre Idee wirklich zurückziehen? Das lässt sich nicht rückgängig machen: Die Idee kann danach nicht mehr unterstützt oder kommentiert werden.",
    withdraw_confirm_submit: "Ja, Idee zurückziehen",
    comment_delete_confirm: "Möchten Sie diesen Kommentar wirklich löschen? Das lässt sich nicht rückgängig machen; Antworten darauf bleiben stehen.",
    comment_delete_confirm_submit: "Ja, Kommentar löschen",
    done_supported: "Ihre Unterstützung wurde gezählt.",
    done_support_withdrawn: "Ihre Unterstützung wurde zurückgenommen.",
    done_followed: "Sie folgen jetzt und erhalten Benachrichtigungen zu neuen Beiträgen.",
    done_unfollowed: "Sie folgen nicht mehr und erhalten dazu keine Benachrichtigungen.",
    done_commented: "Ihr Kommentar wurde veröffentlicht.",
    done_comment_held: "Ihr Kommentar wurde gespeichert. Er erscheint für andere, sobald die Moderation ihn freigegeben hat.",
    done_comment_edited: "Ihre Änderung wurde gespeichert.",
    done_comment_deleted: "Ihr Kommentar wurde gelöscht.",
    support_own: "Ihre eigene Idee können Sie nicht unterstützen.",
    support_closed: "Diese Idee kann nicht mehr unterstützt werden.",
    follow_submit: "Idee folgen",
    unfollow_submit: "Nicht mehr folgen",
    following_note: "Sie folgen dieser Idee und erhalten Benachrichtigungen.",
    follow_project_submit: "Projekt folgen",
    following_project_note: "Sie folgen diesem Projekt: Neue Ideen werden Ihnen gemeldet.",
    notifications_empty: "Noch keine Benachrichtigungen.",
    notifications_mark_all: "Alle als gelesen markieren",
    notifications_settings_link: "E-Mail-Einstellungen",
    notification_unread: "ungelesen",
    notification_hidden: "Eine Benachrichtigung zu einem Beitrag, den die Moderation ausgeblendet hat.",
    notification_settings_title: "E-Mail-Benachrichtigungen",
    notification_settings_intro: "Wählen Sie für jede Art von Neuigkeit, ob und wie oft wir Ihnen schreiben. In der App sehen Sie alle Benachrichtigungen immer.",
    notification_settings_saved: "Ihre Einstellungen sind gespeichert.",
    notification_settings_save: "Einstellungen speichern",
    follow_on_comment_label: "Ideen folgen, die ich kommentiere",
    follow_on_vote_label: "Ideen folgen, die ich unterstütze",
    kind_comment_on_followed: "Kommentare zu Ideen, denen Sie folgen",
    kind_reply_to_comment: "Antworten auf Ihre Kommentare",
    kind_status_change: "Neuer Status und offizielle Antworten",
    kind_new_idea_in_project: "Neue Ideen in Projekten, denen Sie folgen",
    delivery_immediate: "sofort",
    delivery_daily: "täglich gesammelt",
    delivery_weekly: "wöchentlich gesammelt",
    delivery_off: "keine E-Mail",
    unsubscribe_title: "E-Mails abbestellen",
    unsubscribe_intro: "Mit diesem Link bestellen Sie folgende E-Mails ab:",
    unsubscribe_digest_daily: "die tägliche Zusammenfassung",
    unsubscribe_digest_weekly: "die wöchentliche Zusammenfassung",
    unsubscribe_submit: "Abbestellen",
    unsubscribe_done: "Erledigt: Diese E-Mails erhalten Sie nicht mehr. In der App sehen Sie Ihre Benachrichtigungen weiterhin.",
    unsubscribe_settings_hint: "Alle Einstellungen finden Sie nach der Anmeldung unter E-Mail-Benachrichtigungen.",
    nav_notifications: "Benachrichtigungen",
    someone: "Jemand",
    fact_response: "Resonanz",
    idea_count,
    ideas_found,
    unread_count,
    notification_text,
    supports_left,
    support_count,
    comment_count,
    project_count,
    money,
    date,
    validation,
    rate_limited,
};
