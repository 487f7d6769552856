use super::{euros, group_thousands, Texts};
use chrono::NaiveDate;

fn idea_count(n: i64) -> String {
    match n {
        1 => "1 Idee".to_owned(),
        n => format!("{} Ideen", group_thousands(n, '.')),
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
    d.format("%d.%m.%Y").to_string()
}

pub(super) const TEXTS: Texts = Texts {
    site_name: "Stadtlabor",
    site_tagline: "Mitmachen in der Digitalen Modellregion Kreis Soest",
    skip_to_content: "Zum Inhalt springen",
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

    idea_count,
    project_count,
    money,
    date,
};
