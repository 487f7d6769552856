//! The texts of workshops: the list, the page, registration, the staff form and view, and
//! the workshop mails, German and English.

use crate::domain::time::berlin;
use crate::domain::workshops::{
    Audience, Confirmation, Places, QuestionKind, RegistrationStatus, WorkshopFormat,
};
use chrono::{DateTime, Datelike, Timelike, Utc};

pub struct WorkshopTexts {
    pub nav: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub list_empty: &'static str,
    pub new_link: &'static str,
    pub feed_link: &'static str,
    pub filter_project: &'static str,
    pub all_projects: &'static str,
    pub filter_audience: &'static str,
    pub all_audiences: &'static str,
    pub filter_submit: &'static str,
    pub badge_cancelled: &'static str,
    pub badge_past: &'static str,
    pub badge_draft: &'static str,
    pub project_heading: &'static str,

    pub fact_when: &'static str,
    pub fact_where: &'static str,
    pub fact_format: &'static str,
    pub fact_project: &'static str,
    pub fact_organiser: &'static str,
    pub fact_places: &'static str,
    pub fact_deadline: &'static str,
    pub fact_audience: &'static str,
    pub download_ics: &'static str,
    pub online_link_label: &'static str,
    pub online_link_later: &'static str,
    pub cancelled_notice: &'static str,

    pub register_heading: &'static str,
    pub register_login: &'static str,
    pub places_label: &'static str,
    pub access_needs_label: &'static str,
    pub access_needs_hint: &'static str,
    pub consent_label: &'static str,
    pub register_submit: &'static str,
    pub waitlist_submit: &'static str,
    pub cancel_submit: &'static str,
    pub registered_done: &'static str,
    pub waitlisted_done: &'static str,
    pub cancelled_done: &'static str,
    pub closed_text: &'static str,
    pub businesses_only_text: &'static str,
    /// Marks an optional question on the registration form.
    pub optional_mark: &'static str,
    pub answer_yes: &'static str,
    pub answer_no: &'static str,
    /// The offered place and until when it is held.
    pub offer_text: fn(DateTime<Utc>) -> String,
    pub confirm_submit: &'static str,
    pub confirmed_done: &'static str,

    pub staff_heading: &'static str,
    pub edit_link: &'static str,
    pub attendees_link: &'static str,
    pub cancel_workshop_legend: &'static str,
    pub cancel_message_label: &'static str,
    pub cancel_message_hint: &'static str,
    pub cancel_confirm_label: &'static str,
    pub cancel_workshop_submit: &'static str,

    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub field_title: &'static str,
    pub field_slug_hint: &'static str,
    pub field_project: &'static str,
    pub no_project: &'static str,
    pub field_description: &'static str,
    pub field_format: &'static str,
    pub field_location: &'static str,
    pub field_location_hint: &'static str,
    pub field_online_url: &'static str,
    pub field_online_url_hint: &'static str,
    pub field_start_date: &'static str,
    pub field_start_time: &'static str,
    pub field_end_date: &'static str,
    pub field_end_date_hint: &'static str,
    pub field_end_time: &'static str,
    pub field_time_hint: &'static str,
    pub field_capacity: &'static str,
    pub field_places_per_registration: &'static str,
    pub field_places_per_registration_hint: &'static str,
    pub field_audience: &'static str,
    pub field_closes_date: &'static str,
    pub field_closes_time: &'static str,
    pub field_closes_hint: &'static str,
    pub field_waitlist: &'static str,
    pub field_opens_date: &'static str,
    pub field_opens_time: &'static str,
    pub field_opens_hint: &'static str,
    pub field_confirmation: &'static str,
    pub confirmation: fn(Confirmation) -> &'static str,
    pub questions_legend: &'static str,
    pub questions_hint: &'static str,
    pub questions_locked: &'static str,
    /// "Frage 3"
    pub question_label: fn(usize) -> String,
    pub question_kind_label: &'static str,
    pub question_kind: fn(QuestionKind) -> &'static str,
    pub question_choices_label: &'static str,
    pub question_choices_hint: &'static str,
    pub question_required_label: &'static str,
    pub field_published: &'static str,
    pub field_published_hint: &'static str,
    pub form_save: &'static str,

    pub attendees_title: &'static str,
    pub attendees_empty: &'static str,
    pub attendees_csv: &'static str,
    pub col_name: &'static str,
    pub col_organisation: &'static str,
    pub col_email: &'static str,
    pub col_status: &'static str,
    pub col_places: &'static str,
    pub col_access_needs: &'static str,
    pub col_registered_at: &'static str,

    pub link_cancel_title: &'static str,
    pub link_cancel_intro: &'static str,
    pub my_heading: &'static str,
    pub my_empty: &'static str,
    pub message_legend: &'static str,
    pub message_label: &'static str,
    pub message_hint: &'static str,
    pub message_submit: &'static str,
    pub message_sent: &'static str,
    pub attendance_legend: &'static str,
    pub attendance_hint: &'static str,
    pub attendance_submit: &'static str,
    pub attendance_saved: &'static str,
    pub col_attended: &'static str,
    /// The status of an offered place in the staff list: until when it is held.
    pub offered_until: fn(DateTime<Utc>) -> String,
    pub remove_message_label: &'static str,
    pub remove_submit: &'static str,
    pub removed_done: &'static str,
    /// The checkbox label of one person in the attendance form (for screen readers).
    pub attended_label: fn(&str) -> String,

    pub format: fn(WorkshopFormat) -> &'static str,
    pub audience: fn(Audience) -> &'static str,
    pub status: fn(RegistrationStatus) -> &'static str,
    /// "noch 3 Plätze", "ausgebucht – Warteliste", …
    pub places: fn(Places) -> String,
    /// "Di., 14. Januar 2027, 16:00–18:00 Uhr" (Berlin time).
    pub when: fn(DateTime<Utc>, DateTime<Utc>) -> String,
    /// The day and time of one instant, "14. Januar 2027, 16:00 Uhr".
    pub at: fn(DateTime<Utc>) -> String,
    /// The viewer's registration: status, places, waitlist position.
    pub mine: fn(RegistrationStatus, i64, Option<i64>) -> String,

    pub mail: WorkshopMailTexts,
}

pub struct WorkshopMailTexts {
    pub registered_subject: fn(&str) -> String,
    pub registered_text: fn(&str, &str, i64) -> String,
    pub waitlisted_subject: fn(&str) -> String,
    pub waitlisted_text: fn(&str, &str, i64) -> String,
    pub promoted_subject: fn(&str) -> String,
    pub promoted_text: fn(&str, &str) -> String,
    pub offered_subject: fn(&str) -> String,
    /// Title, time of the workshop, until when the place is held.
    pub offered_text: fn(&str, &str, &str) -> String,
    pub offer_expired_subject: fn(&str) -> String,
    pub offer_expired_text: fn(&str) -> String,
    pub removed_subject: fn(&str) -> String,
    /// Title, staff's message (may be empty).
    pub removed_text: fn(&str, &str) -> String,
    pub offer_link: &'static str,
    pub cancelled_subject: fn(&str) -> String,
    pub cancelled_text: fn(&str) -> String,
    pub changed_subject: fn(&str) -> String,
    pub changed_text: fn(&str, &str, &str) -> String,
    pub workshop_cancelled_subject: fn(&str) -> String,
    pub workshop_cancelled_text: fn(&str, &str) -> String,
    pub reminder_subject: fn(&str) -> String,
    pub reminder_text: fn(&str, &str, &str) -> String,
    pub message_subject: fn(&str) -> String,
    /// The line above staff's message: title, time.
    pub message_intro: fn(&str, &str) -> String,
    pub places_taken_subject: fn(&str, i64) -> String,
    /// Title, time, places taken, capacity.
    pub places_taken_text: fn(&str, &str, i64, i64) -> String,
    pub no_promotion_subject: fn(&str) -> String,
    /// Title, free places, people waiting.
    pub no_promotion_text: fn(&str, i64, i64) -> String,
    pub staff_footer: &'static str,
    pub calendar_hint: &'static str,
    pub page_link: &'static str,
    pub cancel_link: &'static str,
    pub footer: &'static str,
}

const WEEKDAYS_DE: [&str; 7] = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn clock(at: DateTime<Utc>) -> String {
    let local = berlin(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

fn day_de(at: DateTime<Utc>) -> String {
    let d = berlin(at);
    format!(
        "{}, {}. {} {}",
        WEEKDAYS_DE[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS_DE[d.month0() as usize],
        d.year()
    )
}

fn day_en(at: DateTime<Utc>) -> String {
    let d = berlin(at);
    format!(
        "{} {} {} {}",
        WEEKDAYS_EN[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS_EN[d.month0() as usize],
        d.year()
    )
}

fn same_day(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    berlin(a).date_naive() == berlin(b).date_naive()
}

fn when_de(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    if same_day(start, end) {
        format!("{}, {}–{} Uhr", day_de(start), clock(start), clock(end))
    } else {
        format!(
            "{}, {} Uhr – {}, {} Uhr",
            day_de(start),
            clock(start),
            day_de(end),
            clock(end)
        )
    }
}

fn when_en(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    if same_day(start, end) {
        format!("{}, {}–{}", day_en(start), clock(start), clock(end))
    } else {
        format!(
            "{}, {} – {}, {}",
            day_en(start),
            clock(start),
            day_en(end),
            clock(end)
        )
    }
}

pub const DE: WorkshopTexts = WorkshopTexts {
    nav: "Workshops",
    list_title: "Workshops",
    list_intro: "Im City-Lab SO Digital probieren Bürgerinnen, Bürger und Unternehmen die Werkzeuge der Modellregion aus. Melden Sie sich an – ist ein Workshop voll, kommen Sie auf die Warteliste und rücken automatisch nach.",
    list_empty: "Zurzeit sind keine Workshops geplant.",
    new_link: "Neuer Workshop",
    feed_link: "Alle Workshops im Kalender abonnieren (.ics)",
    filter_project: "Projekt",
    all_projects: "Alle Projekte",
    filter_audience: "Zielgruppe",
    all_audiences: "Alle",
    filter_submit: "Filtern",
    badge_cancelled: "Abgesagt",
    badge_past: "Vergangen",
    badge_draft: "Entwurf",
    project_heading: "Workshops zu diesem Projekt",

    fact_when: "Wann",
    fact_where: "Wo",
    fact_format: "Format",
    fact_project: "Projekt",
    fact_organiser: "Veranstaltet von",
    fact_places: "Plätze",
    fact_deadline: "Anmeldeschluss",
    fact_audience: "Zielgruppe",
    download_ics: "In den Kalender eintragen (.ics)",
    online_link_label: "Link zur Teilnahme",
    online_link_later: "Der Link zur Online-Teilnahme erscheint hier für angemeldete Personen 30 Minuten vor Beginn.",
    cancelled_notice: "Dieser Workshop wurde abgesagt.",

    register_heading: "Anmeldung",
    register_login: "Bitte melden Sie sich an, um am Workshop teilzunehmen.",
    places_label: "Anzahl der Plätze",
    access_needs_label: "Unterstützungsbedarf / Barrierefreiheit vor Ort (freiwillig)",
    access_needs_hint: "Zum Beispiel: Rollstuhlplatz, Gebärdensprache, Induktionsschleife, Begleitperson.",
    consent_label: "Ich bin einverstanden, dass das Team des City-Labs SO Digital meinen Namen, meine E-Mail-Adresse, meine Organisation und meine Angaben zur Planung des Workshops sieht. Die Angaben werden 90 Tage nach dem Workshop gelöscht.",
    register_submit: "Verbindlich anmelden",
    waitlist_submit: "Auf die Warteliste setzen",
    cancel_submit: "Platz freigeben",
    registered_done: "Sie sind angemeldet. Die Bestätigung mit dem Kalendereintrag kommt per E-Mail.",
    waitlisted_done: "Der Workshop ist voll: Sie stehen auf der Warteliste und rücken automatisch nach, sobald ein Platz frei wird.",
    cancelled_done: "Ihre Anmeldung wurde storniert. Ihr Platz geht an die nächste Person auf der Warteliste.",
    closed_text: "Die Anmeldung ist geschlossen.",
    optional_mark: " (freiwillig)",
    answer_yes: "Ja",
    answer_no: "Nein",
    offer_text: |until| format!("Für Sie ist ein Platz reserviert – bitte bestätigen Sie ihn bis {}, {} Uhr. Danach geht er an die nächste Person auf der Warteliste.", day_de(until), clock(until)),
    confirm_submit: "Platz bestätigen",
    confirmed_done: "Ihr Platz ist bestätigt. Die Bestätigung mit dem Kalendereintrag kommt per E-Mail.",
    businesses_only_text: "Dieser Workshop richtet sich an Unternehmen. Die Anmeldung ist mit einem Unternehmenskonto möglich.",

    staff_heading: "Für Mitarbeitende",
    edit_link: "Workshop bearbeiten",
    attendees_link: "Teilnehmende ansehen",
    cancel_workshop_legend: "Workshop absagen",
    cancel_message_label: "Nachricht an alle Angemeldeten",
    cancel_message_hint: "Zum Beispiel der Grund und ob es einen Ersatztermin gibt.",
    cancel_confirm_label: "Ja, den Workshop absagen und alle Angemeldeten benachrichtigen",
    cancel_workshop_submit: "Workshop absagen",

    form_new_title: "Neuer Workshop",
    form_edit_title: "Workshop bearbeiten",
    field_title: "Titel",
    field_slug_hint: "Teil der Adresse: /workshops/… (Kleinbuchstaben, Ziffern und Bindestriche)",
    field_project: "Projekt (freiwillig)",
    no_project: "Kein Projekt",
    field_description: "Beschreibung",
    field_format: "Format",
    field_location: "Ort",
    field_location_hint: "Adresse und Raum, z. B. „Kulturhaus Alter Schlachthof, Ulricherstraße 4, Soest, Raum 2“. Nötig bei Präsenz und hybrid.",
    field_online_url: "Link zur Online-Teilnahme",
    field_online_url_hint: "https://… – nur angemeldete Personen sehen ihn, ab 30 Minuten vor Beginn. Nötig bei online und hybrid.",
    field_start_date: "Datum",
    field_start_time: "Beginn (Uhrzeit)",
    field_end_date: "Enddatum",
    field_end_date_hint: "Leer lassen, wenn der Workshop am selben Tag endet.",
    field_end_time: "Ende (Uhrzeit)",
    field_time_hint: "HH:MM, Ortszeit Soest",
    field_capacity: "Plätze insgesamt",
    field_places_per_registration: "Plätze pro Anmeldung",
    field_places_per_registration_hint: "1 = jede Person meldet sich selbst an; mehr erlaubt Unternehmen, Kolleginnen und Kollegen mitzubringen.",
    field_audience: "Zielgruppe",
    field_closes_date: "Anmeldeschluss (Datum, freiwillig)",
    field_closes_time: "Anmeldeschluss (Uhrzeit)",
    field_closes_hint: "Leer lassen: Anmeldung bis zum Beginn.",
    field_waitlist: "Warteliste, wenn der Workshop voll ist",
    field_opens_date: "Anmeldung ab (Datum, freiwillig)",
    field_opens_time: "Anmeldung ab (Uhrzeit)",
    field_opens_hint: "Leer lassen: Anmeldung sofort nach der Veröffentlichung.",
    field_confirmation: "Nachrücken von der Warteliste",
    confirmation: |c| match c {
        Confirmation::Automatic => "automatisch: wer nachrückt, ist sofort angemeldet",
        Confirmation::Claim => "mit Bestätigung: der Platz wird angeboten und muss innerhalb der Frist (Standard 24 Stunden) bestätigt werden",
    },
    questions_legend: "Fragen bei der Anmeldung (freiwillig, bis zu 10)",
    questions_hint: "Leere Zeilen werden nicht gespeichert. Für weitere Fragen speichern Sie den Workshop; dann erscheinen neue leere Zeilen.",
    questions_locked: "Es liegen schon Antworten vor. Die Fragen bleiben deshalb, wie sie sind.",
    question_label: |n| format!("Frage {n}"),
    question_kind_label: "Art der Antwort",
    question_kind: |k| match k {
        QuestionKind::Text => "Freitext",
        QuestionKind::Choice => "Auswahl",
        QuestionKind::YesNo => "Ja / Nein",
    },
    question_choices_label: "Antwortmöglichkeiten",
    question_choices_hint: "Nur bei „Auswahl“: eine pro Zeile, mindestens zwei.",
    question_required_label: "Pflichtfrage",
    field_published: "Veröffentlicht",
    field_published_hint: "Ohne Haken ist der Workshop ein Entwurf, den nur Mitarbeitende sehen.",
    form_save: "Workshop speichern",

    attendees_title: "Teilnehmende",
    attendees_empty: "Noch niemand ist angemeldet.",
    attendees_csv: "Als CSV-Datei herunterladen",
    col_name: "Name",
    col_organisation: "Organisation",
    col_email: "E-Mail",
    col_status: "Status",
    col_places: "Plätze",
    col_access_needs: "Unterstützungsbedarf",
    col_registered_at: "Angemeldet am",

    link_cancel_title: "Platz freigeben",
    link_cancel_intro: "Möchten Sie Ihre Anmeldung für diesen Workshop stornieren? Ihr Platz geht dann an die nächste Person auf der Warteliste.",
    my_heading: "Meine Workshops",
    my_empty: "Sie sind für keinen Workshop angemeldet.",
    message_legend: "Nachricht an alle Angemeldeten",
    message_label: "Nachricht",
    message_hint: "Geht per E-Mail an alle mit Platz (nicht an die Warteliste), z. B. Hinweise zur Anreise.",
    message_submit: "Nachricht senden",
    message_sent: "Die Nachricht geht an alle Angemeldeten.",
    attendance_legend: "Anwesenheit",
    attendance_hint: "Haken bei allen, die gekommen sind.",
    attendance_submit: "Anwesenheit speichern",
    attendance_saved: "Die Anwesenheit ist gespeichert.",
    col_attended: "Anwesend",
    offered_until: |until| format!("Platz angeboten bis {}, {} Uhr", day_de(until), clock(until)),
    remove_message_label: "Nachricht an die Person (freiwillig)",
    remove_submit: "Anmeldung entfernen",
    removed_done: "Die Anmeldung ist entfernt, die Person ist informiert.",
    attended_label: |name| format!("{name} war anwesend"),

    format: |f| match f {
        WorkshopFormat::InPerson => "vor Ort",
        WorkshopFormat::Online => "online",
        WorkshopFormat::Hybrid => "hybrid (vor Ort und online)",
    },
    audience: |a| match a {
        Audience::Everyone => "alle",
        Audience::Businesses => "nur Unternehmen",
    },
    status: |s| match s {
        RegistrationStatus::Registered => "angemeldet",
        RegistrationStatus::Offered => "Platz angeboten",
        RegistrationStatus::Waitlisted => "Warteliste",
        RegistrationStatus::Cancelled => "storniert",
    },
    places: |p| match (p.free(), p.waitlist) {
        (1, _) => "noch 1 Platz".to_owned(),
        (n, _) if n > 0 => format!("noch {n} Plätze"),
        (_, true) => "ausgebucht – Warteliste".to_owned(),
        (_, false) => "ausgebucht".to_owned(),
    },
    when: when_de,
    at: |at| format!("{}, {} Uhr", day_de(at), clock(at)),
    mine: |status, places, position| match (status, position) {
        (RegistrationStatus::Waitlisted, Some(n)) => format!("Sie stehen auf Platz {n} der Warteliste."),
        (RegistrationStatus::Registered, _) if places > 1 => format!("Sie sind mit {places} Plätzen angemeldet."),
        (RegistrationStatus::Registered, _) => "Sie sind angemeldet.".to_owned(),
        (RegistrationStatus::Offered, _) => "Für Sie ist ein Platz frei geworden.".to_owned(),
        _ => "Ihre Anmeldung ist storniert.".to_owned(),
    },

    mail: WorkshopMailTexts {
        registered_subject: |t| format!("Anmeldung bestätigt: {t}"),
        registered_text: |t, when, places| {
            let places = if places > 1 { format!(" mit {places} Plätzen") } else { String::new() };
            format!("Sie sind{places} für den Workshop „{t}“ angemeldet: {when}.")
        },
        waitlisted_subject: |t| format!("Warteliste: {t}"),
        waitlisted_text: |t, when, position| format!("Der Workshop „{t}“ ({when}) ist ausgebucht. Sie stehen auf Platz {position} der Warteliste und rücken automatisch nach, sobald ein Platz frei wird – wir schreiben Ihnen dann."),
        promoted_subject: |t| format!("Ein Platz ist frei geworden: {t}"),
        promoted_text: |t, when| format!("Gute Nachricht: Für den Workshop „{t}“ ({when}) ist ein Platz frei geworden. Sie sind jetzt angemeldet. Falls Sie doch nicht kommen können, geben Sie den Platz bitte mit dem Link unten frei."),
        offered_subject: |t| format!("Ein Platz ist für Sie reserviert: {t}"),
        offered_text: |t, when, until| format!("Für den Workshop „{t}“ ({when}) ist ein Platz frei geworden, und er ist für Sie reserviert. Bitte bestätigen Sie ihn bis {until} mit dem Link unten – sonst geht er an die nächste Person auf der Warteliste."),
        offer_expired_subject: |t| format!("Reservierung abgelaufen: {t}"),
        offer_expired_text: |t| format!("Der für Sie reservierte Platz im Workshop „{t}“ wurde nicht rechtzeitig bestätigt und ist an die nächste Person gegangen. Sie stehen nicht mehr auf der Warteliste; melden Sie sich gern erneut an."),
        removed_subject: |t| format!("Anmeldung entfernt: {t}"),
        removed_text: |t, message| if message.is_empty() { format!("Das City-Lab hat Ihre Anmeldung für den Workshop „{t}“ entfernt.") } else { format!("Das City-Lab hat Ihre Anmeldung für den Workshop „{t}“ entfernt. Nachricht: {message}") },
        offer_link: "Platz bestätigen (ohne Anmeldung)",
        cancelled_subject: |t| format!("Anmeldung storniert: {t}"),
        cancelled_text: |t| format!("Ihre Anmeldung für den Workshop „{t}“ ist storniert. Der Kalendereintrag im Anhang entfernt den Termin aus Ihrem Kalender."),
        changed_subject: |t| format!("Geändert: {t}"),
        changed_text: |t, when, place| format!("Der Workshop „{t}“ findet jetzt so statt: {when}, {place}. Der Kalendereintrag im Anhang aktualisiert Ihren Termin."),
        workshop_cancelled_subject: |t| format!("Abgesagt: {t}"),
        workshop_cancelled_text: |t, message| format!("Der Workshop „{t}“ wurde leider abgesagt. Nachricht des City-Labs: {message}"),
        reminder_subject: |t| format!("Erinnerung: {t}"),
        reminder_text: |t, when, place| format!("Zur Erinnerung: Der Workshop „{t}“ beginnt bald – {when}, {place}."),
        message_subject: |t| format!("Nachricht zum Workshop: {t}"),
        message_intro: |t, when| format!("Das City-Lab schreibt allen Angemeldeten des Workshops „{t}“ ({when}):"),
        places_taken_subject: |t, percent| if percent >= 100 { format!("Ausgebucht: {t}") } else { format!("{percent} % der Plätze vergeben: {t}") },
        places_taken_text: |t, when, taken, capacity| format!("Für den Workshop „{t}“ ({when}) sind {taken} von {capacity} Plätzen vergeben."),
        no_promotion_subject: |t| format!("Freie Plätze kurz vor Beginn: {t}"),
        no_promotion_text: |t, free, waiting| format!("Beim Workshop „{t}“ {} kurz vor Beginn frei geworden, {waiting} warten. So kurz vorher rückt niemand automatisch nach – bitte entscheiden Sie selbst, ob Sie jemanden einladen.", if free == 1 { "ist 1 Platz".to_owned() } else { format!("sind {free} Plätze") }),
        staff_footer: "Sie erhalten diese E-Mail, weil Sie diesen Workshop im Stadtlabor angelegt haben.",
        calendar_hint: "Im Anhang finden Sie den Termin als Kalendereintrag (.ics).",
        page_link: "Zum Workshop",
        cancel_link: "Platz freigeben (ohne Anmeldung)",
        footer: "Sie erhalten diese E-Mail, weil Sie sich im Stadtlabor für einen Workshop angemeldet haben.",
    },
};

pub const EN: WorkshopTexts = WorkshopTexts {
    nav: "Workshops",
    list_title: "Workshops",
    list_intro: "At the city lab SO Digital, citizens and businesses try out the tools of the model region. Sign up – if a workshop is full you go on the waiting list and move up automatically.",
    list_empty: "No workshops are planned at the moment.",
    new_link: "New workshop",
    feed_link: "Subscribe to all workshops in your calendar (.ics)",
    filter_project: "Project",
    all_projects: "All projects",
    filter_audience: "Audience",
    all_audiences: "All",
    filter_submit: "Filter",
    badge_cancelled: "Cancelled",
    badge_past: "Past",
    badge_draft: "Draft",
    project_heading: "Workshops of this project",

    fact_when: "When",
    fact_where: "Where",
    fact_format: "Format",
    fact_project: "Project",
    fact_organiser: "Organised by",
    fact_places: "Places",
    fact_deadline: "Registration closes",
    fact_audience: "Audience",
    download_ics: "Add to calendar (.ics)",
    online_link_label: "Link to join",
    online_link_later: "The link to join online appears here for registered people 30 minutes before the start.",
    cancelled_notice: "This workshop was cancelled.",

    register_heading: "Registration",
    register_login: "Please sign in to take part in the workshop.",
    places_label: "Number of places",
    access_needs_label: "Support / accessibility needs on site (optional)",
    access_needs_hint: "For example: wheelchair space, sign language, induction loop, companion.",
    consent_label: "I agree that the team of the city lab SO Digital sees my name, email address, organisation and my answers to plan the workshop. They are deleted 90 days after the workshop.",
    register_submit: "Register",
    waitlist_submit: "Join the waiting list",
    cancel_submit: "Give up my place",
    registered_done: "You are registered. The confirmation with the calendar entry comes by email.",
    waitlisted_done: "The workshop is full: you are on the waiting list and move up automatically as soon as a place is free.",
    cancelled_done: "Your registration was cancelled. Your place goes to the next person on the waiting list.",
    closed_text: "Registration is closed.",
    optional_mark: " (optional)",
    answer_yes: "Yes",
    answer_no: "No",
    offer_text: |until| format!("A place is held for you – please confirm it by {}, {}. After that it goes to the next person on the waiting list.", day_en(until), clock(until)),
    confirm_submit: "Confirm my place",
    confirmed_done: "Your place is confirmed. The confirmation with the calendar entry comes by email.",
    businesses_only_text: "This workshop is for businesses. Registration needs a business account.",

    staff_heading: "For staff",
    edit_link: "Edit workshop",
    attendees_link: "See participants",
    cancel_workshop_legend: "Cancel the workshop",
    cancel_message_label: "Message to everyone registered",
    cancel_message_hint: "For example the reason and whether there will be a new date.",
    cancel_confirm_label: "Yes, cancel the workshop and tell everyone registered",
    cancel_workshop_submit: "Cancel workshop",

    form_new_title: "New workshop",
    form_edit_title: "Edit workshop",
    field_title: "Title",
    field_slug_hint: "Part of the address: /workshops/… (lowercase letters, digits and hyphens)",
    field_project: "Project (optional)",
    no_project: "No project",
    field_description: "Description",
    field_format: "Format",
    field_location: "Place",
    field_location_hint: "Address and room. Needed in person and hybrid.",
    field_online_url: "Link to join online",
    field_online_url_hint: "https://… – only registered people see it, from 30 minutes before the start. Needed online and hybrid.",
    field_start_date: "Date",
    field_start_time: "Start (time)",
    field_end_date: "End date",
    field_end_date_hint: "Leave empty if the workshop ends on the same day.",
    field_end_time: "End (time)",
    field_time_hint: "HH:MM, local time in Soest",
    field_capacity: "Places in total",
    field_places_per_registration: "Places per registration",
    field_places_per_registration_hint: "1 = everyone registers themselves; more lets businesses bring colleagues.",
    field_audience: "Audience",
    field_closes_date: "Registration closes (date, optional)",
    field_closes_time: "Registration closes (time)",
    field_closes_hint: "Leave empty: registration until the start.",
    field_waitlist: "Waiting list when the workshop is full",
    field_opens_date: "Registration opens (date, optional)",
    field_opens_time: "Registration opens (time)",
    field_opens_hint: "Leave empty: registration opens on publication.",
    field_confirmation: "Moving up from the waiting list",
    confirmation: |c| match c {
        Confirmation::Automatic => "automatic: whoever moves up is registered at once",
        Confirmation::Claim => "with confirmation: the place is offered and must be confirmed in time (24 hours by default)",
    },
    questions_legend: "Registration questions (optional, up to 10)",
    questions_hint: "Empty rows are not saved. For more questions, save the workshop; new empty rows then appear.",
    questions_locked: "Answers exist already, so the questions stay as they are.",
    question_label: |n| format!("Question {n}"),
    question_kind_label: "Kind of answer",
    question_kind: |k| match k {
        QuestionKind::Text => "Free text",
        QuestionKind::Choice => "Choice",
        QuestionKind::YesNo => "Yes / no",
    },
    question_choices_label: "Options",
    question_choices_hint: "Only for “Choice”: one per line, at least two.",
    question_required_label: "Required",
    field_published: "Published",
    field_published_hint: "Unticked, the workshop is a draft only staff see.",
    form_save: "Save workshop",

    attendees_title: "Participants",
    attendees_empty: "Nobody has registered yet.",
    attendees_csv: "Download as CSV",
    col_name: "Name",
    col_organisation: "Organisation",
    col_email: "Email",
    col_status: "Status",
    col_places: "Places",
    col_access_needs: "Support needs",
    col_registered_at: "Registered on",

    link_cancel_title: "Give up your place",
    link_cancel_intro: "Do you want to cancel your registration for this workshop? Your place then goes to the next person on the waiting list.",
    my_heading: "My workshops",
    my_empty: "You are not registered for any workshop.",
    message_legend: "Message to everyone registered",
    message_label: "Message",
    message_hint: "Goes by email to everyone with a place (not the waiting list), e.g. how to get there.",
    message_submit: "Send message",
    message_sent: "The message goes to everyone registered.",
    attendance_legend: "Attendance",
    attendance_hint: "Tick everyone who came.",
    attendance_submit: "Save attendance",
    attendance_saved: "Attendance is saved.",
    col_attended: "Attended",
    offered_until: |until| format!("Place offered until {}, {}", day_en(until), clock(until)),
    remove_message_label: "Message to the person (optional)",
    remove_submit: "Remove registration",
    removed_done: "The registration is removed and the person was told.",
    attended_label: |name| format!("{name} attended"),

    format: |f| match f {
        WorkshopFormat::InPerson => "in person",
        WorkshopFormat::Online => "online",
        WorkshopFormat::Hybrid => "hybrid (in person and online)",
    },
    audience: |a| match a {
        Audience::Everyone => "everyone",
        Audience::Businesses => "businesses only",
    },
    status: |s| match s {
        RegistrationStatus::Registered => "registered",
        RegistrationStatus::Offered => "place offered",
        RegistrationStatus::Waitlisted => "waiting list",
        RegistrationStatus::Cancelled => "cancelled",
    },
    places: |p| match (p.free(), p.waitlist) {
        (1, _) => "1 place left".to_owned(),
        (n, _) if n > 0 => format!("{n} places left"),
        (_, true) => "full – waiting list".to_owned(),
        (_, false) => "full".to_owned(),
    },
    when: when_en,
    at: |at| format!("{}, {}", day_en(at), clock(at)),
    mine: |status, places, position| match (status, position) {
        (RegistrationStatus::Waitlisted, Some(n)) => format!("You are number {n} on the waiting list."),
        (RegistrationStatus::Registered, _) if places > 1 => format!("You are registered with {places} places."),
        (RegistrationStatus::Registered, _) => "You are registered.".to_owned(),
        (RegistrationStatus::Offered, _) => "A place has become free for you.".to_owned(),
        _ => "Your registration is cancelled.".to_owned(),
    },

    mail: WorkshopMailTexts {
        registered_subject: |t| format!("Registration confirmed: {t}"),
        registered_text: |t, when, places| {
            let places = if places > 1 { format!(" with {places} places") } else { String::new() };
            format!("You are registered{places} for the workshop “{t}”: {when}.")
        },
        waitlisted_subject: |t| format!("Waiting list: {t}"),
        waitlisted_text: |t, when, position| format!("The workshop “{t}” ({when}) is full. You are number {position} on the waiting list and move up automatically as soon as a place is free – we will write to you then."),
        promoted_subject: |t| format!("A place is free: {t}"),
        promoted_text: |t, when| format!("Good news: a place has become free for the workshop “{t}” ({when}). You are now registered. If you cannot come after all, please give the place up with the link below."),
        offered_subject: |t| format!("A place is held for you: {t}"),
        offered_text: |t, when, until| format!("A place has become free for the workshop “{t}” ({when}) and is held for you. Please confirm it by {until} with the link below – otherwise it goes to the next person on the waiting list."),
        offer_expired_subject: |t| format!("Offer expired: {t}"),
        offer_expired_text: |t| format!("The place held for you at the workshop “{t}” was not confirmed in time and went to the next person. You are no longer on the waiting list; you are welcome to register again."),
        removed_subject: |t| format!("Registration removed: {t}"),
        removed_text: |t, message| if message.is_empty() { format!("The city lab removed your registration for the workshop “{t}”.") } else { format!("The city lab removed your registration for the workshop “{t}”. Message: {message}") },
        offer_link: "Confirm my place (no sign-in needed)",
        cancelled_subject: |t| format!("Registration cancelled: {t}"),
        cancelled_text: |t| format!("Your registration for the workshop “{t}” is cancelled. The attached calendar entry removes it from your calendar."),
        changed_subject: |t| format!("Changed: {t}"),
        changed_text: |t, when, place| format!("The workshop “{t}” now takes place: {when}, {place}. The attached calendar entry updates your appointment."),
        workshop_cancelled_subject: |t| format!("Cancelled: {t}"),
        workshop_cancelled_text: |t, message| format!("Unfortunately, the workshop “{t}” was cancelled. Message from the city lab: {message}"),
        reminder_subject: |t| format!("Reminder: {t}"),
        reminder_text: |t, when, place| format!("A reminder: the workshop “{t}” starts soon – {when}, {place}."),
        message_subject: |t| format!("Message about the workshop: {t}"),
        message_intro: |t, when| format!("The city lab writes to everyone registered for the workshop “{t}” ({when}):"),
        places_taken_subject: |t, percent| if percent >= 100 { format!("Full: {t}") } else { format!("{percent} % of the places taken: {t}") },
        places_taken_text: |t, when, taken, capacity| format!("{taken} of {capacity} places are taken for the workshop “{t}” ({when})."),
        no_promotion_subject: |t| format!("Free places shortly before the start: {t}"),
        no_promotion_text: |t, free, waiting| format!("Shortly before the workshop “{t}”, {free} places became free and {waiting} people are waiting. This close to the start nobody moves up automatically – please decide yourself whether to invite someone."),
        staff_footer: "You receive this email because you created this workshop on Stadtlabor.",
        calendar_hint: "The attached file (.ics) adds the appointment to your calendar.",
        page_link: "Open the workshop",
        cancel_link: "Give up my place (no sign-in needed)",
        footer: "You receive this email because you registered for a workshop on Stadtlabor.",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn workshop_times_are_written_in_berlin_time() {
        assert_eq!(
            (DE.when)(utc("2027-01-14T15:00:00Z"), utc("2027-01-14T17:00:00Z")),
            "Do., 14. Januar 2027, 16:00–18:00 Uhr"
        );
        // Summer time: UTC+2.
        assert_eq!(
            (DE.when)(utc("2027-07-13T14:00:00Z"), utc("2027-07-13T16:30:00Z")),
            "Di., 13. Juli 2027, 16:00–18:30 Uhr"
        );
        // 23:30 UTC is already the next day in Berlin.
        assert_eq!(
            (EN.when)(utc("2027-03-27T23:30:00Z"), utc("2027-03-28T08:00:00Z")),
            "Sun 28 March 2027, 00:30–10:00"
        );
        assert_eq!(
            (DE.when)(utc("2027-01-14T15:00:00Z"), utc("2027-01-15T15:00:00Z")),
            "Do., 14. Januar 2027, 16:00 Uhr – Fr., 15. Januar 2027, 16:00 Uhr"
        );
    }

    #[test]
    fn free_places_are_counted_out() {
        let places = |capacity, taken, waitlist| Places {
            capacity,
            taken,
            waitlisted: 0,
            waitlist,
        };
        assert_eq!((DE.places)(places(20, 17, true)), "noch 3 Plätze");
        assert_eq!((DE.places)(places(20, 19, true)), "noch 1 Platz");
        assert_eq!((DE.places)(places(20, 20, true)), "ausgebucht – Warteliste");
        assert_eq!((DE.places)(places(20, 20, false)), "ausgebucht");
        assert_eq!((EN.places)(places(2, 0, true)), "2 places left");
    }
}
