//! Demo content: the digital model region Soest with its real projects. Idempotent, so the
//! run command can load it on every start.

use crate::domain::programmes::ProgrammeView;
use crate::domain::projects::Phase;
use crate::domain::workshops::{
    Audience, Confirmation, QuestionKind, QuestionSpec, WorkshopFormat,
};
use crate::server::db::projects::{insert_project_unless_exists, NewProject};
use crate::server::db::workshops::{self as workshops, NewWorkshop};
use crate::server::db::{programmes, reference, Db, DbError, Tx};
use chrono::{DateTime, Utc};

const CATEGORIES: [(&str, &str, &str); 6] = [
    ("mobilitaet", "Mobilität", "Mobility"),
    ("bauen-wohnen", "Bauen und Wohnen", "Building and housing"),
    (
        "wirtschaft-handwerk",
        "Wirtschaft und Handwerk",
        "Business and crafts",
    ),
    (
        "beteiligung",
        "Beteiligung und Gemeinschaft",
        "Participation and community",
    ),
    (
        "verwaltung",
        "Digitale Verwaltung",
        "Digital administration",
    ),
    ("bildung", "Bildung", "Education"),
];

const DISTRICTS: [(&str, &str); 5] = [
    ("kreis-soest", "Kreis Soest"),
    ("stadt-soest", "Stadt Soest"),
    ("lippstadt", "Lippstadt"),
    ("kreis-unna", "Kreis Unna"),
    ("hochsauerlandkreis", "Hochsauerlandkreis"),
];

const PROGRAMME_SUMMARY: &str = "Als Digitale Modellregion erprobt der Kreis Soest gemeinsam mit \
seinen Städten und Gemeinden digitale Angebote für Bürgerinnen, Bürger und Unternehmen. \
Zwölf Projekte mit einem Volumen von 4,8 Millionen Euro werden gefördert, 16 weitere Projekte \
mit rund 9 Millionen Euro sind vorgeschlagen.";

struct DemoProject {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    description_md: &'static str,
    phase: Phase,
    responsible_body: &'static str,
    contact: &'static str,
    category: &'static str,
    districts: &'static [&'static str],
    accepts_ideas: bool,
    funding_cents: i64,
    /// Start and end of the funded term, as `(year, month, day)`.
    runs: ((i32, u32, u32), (i32, u32, u32)),
}

const PROJECTS: [DemoProject; 3] = [
    DemoProject {
        slug: "3d-stadtmodell",
        title: "3D-Stadtmodell für Handwerk und Architektur",
        summary: "Das 3D-Stadtmodell des Kreises wird um Werkzeuge erweitert, mit denen \
            Handwerksbetriebe und Architekturbüros Dächer, Fassaden und Flächen digital \
            vermessen – für Kostenvoranschläge ohne Termin vor Ort.",
        description_md: "Der Kreis Soest verfügt über ein detailliertes **3D-Stadtmodell** \
aller Gebäude. Dieses Projekt macht es für die tägliche Arbeit von Betrieben nutzbar.\n\n\
## Was das Projekt leistet\n\n\
- Dachflächen, Neigungen und Fassaden direkt im Browser ausmessen\n\
- Material- und Kostenschätzungen erstellen, **ohne vorher vor Ort zu sein**\n\
- Planungsgrundlagen für Architektur- und Ingenieurbüros bereitstellen\n\n\
## Warum das wichtig ist\n\n\
Handwerksbetriebe verbringen viel Zeit mit Anfahrten für Angebote, die am Ende nicht \
beauftragt werden. Mit dem 3D-Modell bekommen Kundinnen und Kunden schneller ein Angebot, \
und Betriebe gewinnen Zeit für die eigentliche Arbeit.\n\n\
Ihre Erfahrungen aus dem Betriebsalltag sind gefragt: Welche Messwerkzeuge fehlen Ihnen?",
        phase: Phase::Running,
        responsible_body: "Kreis Soest, Vermessung und Kataster",
        contact: "City-Lab SO Digital, Kreishaus Soest",
        category: "wirtschaft-handwerk",
        districts: &["kreis-soest"],
        accepts_ideas: true,
        funding_cents: 62_000_000,
        runs: ((2024, 4, 1), (2027, 9, 30)),
    },
    DemoProject {
        slug: "big-bird-westfalen",
        title: "Big-Bird-Westfalen: Bus fahren mit dem Smartphone",
        summary: "Ein barrierefreies Ticketsystem für das Smartphone: Beim Einsteigen checkt \
            das Telefon per Bluetooth ein, beim Aussteigen wieder aus – für Busse in den \
            Kreisen Soest, Unna und im Hochsauerlandkreis.",
        description_md: "Mit **Big-Bird-Westfalen** wird Bus fahren so einfach wie \
Einsteigen und Losfahren.\n\n\
## So funktioniert es\n\n\
1. Die App einmal einrichten.\n\
2. In den Bus einsteigen: Das Smartphone meldet sich per **Bluetooth** automatisch an \
(Check-in).\n\
3. Aussteigen: Die Fahrt wird automatisch beendet (Check-out) und der günstigste Preis \
berechnet.\n\n\
## Barrierefrei von Anfang an\n\n\
Kein Automat, kein Kleingeld, keine Tarifzonen zum Nachschlagen: Die App ist für die \
Bedienung mit Screenreadern und für Menschen mit eingeschränkter Mobilität entworfen.\n\n\
Das System wird gemeinsam in den Kreisen **Soest**, **Unna** und im \
**Hochsauerlandkreis** erprobt.",
        phase: Phase::Running,
        responsible_body: "Kreis Soest mit den Kreisen Unna und Hochsauerlandkreis",
        contact: "City-Lab SO Digital, Kreishaus Soest",
        category: "mobilitaet",
        districts: &["kreis-soest", "kreis-unna", "hochsauerlandkreis"],
        accepts_ideas: true,
        funding_cents: 115_000_000,
        runs: ((2023, 10, 1), (2027, 3, 31)),
    },
    DemoProject {
        slug: "city-lab-so-digital",
        title: "City-Lab SO Digital",
        summary: "Das City-Lab ist der Ort, an dem Bürgerinnen und Bürger, Unternehmen und \
            Verwaltung digitale Angebote der Region gemeinsam entwickeln und ausprobieren – \
            vor Ort und auf dieser Plattform.",
        description_md: "Das **City-Lab SO Digital** bringt die Digitalisierungsprojekte der \
Modellregion und die Menschen zusammen, für die sie gemacht werden.\n\n\
## Was Sie hier tun können\n\n\
- die Projekte der Region kennenlernen und ihnen folgen\n\
- eigene Ideen einreichen, diskutieren und unterstützen\n\
- an Workshops teilnehmen, zum Beispiel zu digitalen Werkzeugen für Betriebe\n\n\
Die Verwaltung beantwortet eingereichte Ideen öffentlich und berichtet, was aus ihnen wird.",
        phase: Phase::Running,
        responsible_body: "Kreis Soest, City-Lab SO Digital",
        contact: "City-Lab SO Digital, Kreishaus Soest",
        category: "beteiligung",
        districts: &["kreis-soest", "stadt-soest"],
        accepts_ideas: true,
        funding_cents: 48_000_000,
        runs: ((2023, 7, 1), (2027, 12, 31)),
    },
];

/// Loads categories, districts, the programme and the demo projects in one transaction.
/// Existing projects (by slug) are left as they are.
pub async fn seed_demo(db: &Db, now: DateTime<Utc>) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let mut category_ids = Vec::with_capacity(CATEGORIES.len());
    for (slug, de, en) in CATEGORIES {
        category_ids.push((
            slug,
            reference::upsert_category(&mut tx, slug, de, en).await?,
        ));
    }
    let mut district_ids = Vec::with_capacity(DISTRICTS.len());
    for (slug, name) in DISTRICTS {
        district_ids.push((slug, reference::upsert_district(&mut tx, slug, name).await?));
    }
    let programme = ProgrammeView {
        title: "Digitale Modellregion Kreis Soest".to_owned(),
        summary: PROGRAMME_SUMMARY.to_owned(),
        funded_projects: 12,
        funded_cents: 480_000_000,
        proposed_projects: 16,
        proposed_cents: 900_000_000,
    };
    let programme_id =
        programmes::upsert_programme(&mut tx, "digitale-modellregion-soest", &programme, now)
            .await?;
    let id_of =
        |ids: &[(&str, i64)], slug: &str| ids.iter().find(|(s, _)| *s == slug).map(|(_, id)| *id);
    let mut inserted = 0;
    for project in &PROJECTS {
        let districts: Vec<i64> = project
            .districts
            .iter()
            .filter_map(|slug| id_of(&district_ids, slug))
            .collect();
        let new = NewProject {
            slug: project.slug,
            title: project.title,
            summary: project.summary,
            description_md: project.description_md,
            phase: project.phase,
            funding_cents: Some(project.funding_cents),
            responsible_body: project.responsible_body,
            contact: project.contact,
            category_id: id_of(&category_ids, project.category),
            programme_id: Some(programme_id),
            starts_on: date(project.runs.0),
            ends_on: date(project.runs.1),
            accepts_ideas: project.accepts_ideas,
            support_limit: None,
            archived: false,
            created_by: None,
            district_ids: &districts,
        };
        if insert_project_unless_exists(&mut tx, &new, now)
            .await?
            .is_some()
        {
            inserted += 1;
        }
    }
    let workshops = seed_workshops(&mut tx, now).await?;
    tx.commit().await?;
    tracing::info!(inserted, workshops, "demo content loaded");
    Ok(())
}

fn date((year, month, day): (i32, u32, u32)) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

/// Two sample workshops, three and five weeks ahead at 16:00 Berlin time (a first visitor
/// sees upcoming ones whenever the demo starts); existing ones (by slug) stay as they are.
async fn seed_workshops(tx: &mut Tx, now: DateTime<Utc>) -> Result<usize, DbError> {
    let at = |weeks: i64, hour: u32| {
        let day = crate::domain::time::berlin_date(now + chrono::Duration::weeks(weeks));
        crate::domain::workshops::berlin_instant(
            day,
            chrono::NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid hour"),
        )
        .unwrap_or(now + chrono::Duration::weeks(weeks))
    };
    let samples = [
        (
            "3d-stadtmodell-handwerk",
            "3-D-Stadtmodell für Handwerk und Architektur ausprobieren",
            Some("3d-stadtmodell"),
            "Dachflächen vermessen, Baulücken finden, Angebote mit Luftbild und Gebäudemodell \
             vorbereiten: Das Team des Kreises zeigt das 3-D-Stadtmodell und seine Werkzeuge. \
             Bringen Sie gern ein aktuelles Projekt mit.\n\n\
             Für Handwerksbetriebe, Architektur- und Ingenieurbüros. Pro Betrieb bis zu drei Plätze.",
            WorkshopFormat::InPerson,
            "City-Lab SO Digital, Kreishaus Soest, Hoher Weg 1–3, 59494 Soest",
            "",
            (3, 16, 18),
            12,
            3,
            Audience::Businesses,
        ),
        (
            "big-bird-app-test",
            "Big-Bird-App im Test: barrierefrei Bus fahren",
            Some("big-bird-westfalen"),
            "Wir testen gemeinsam die Smartphone-App, mit der Sie im Bus per Ein- und \
             Auschecken bezahlen. Besonders willkommen: Menschen, die einen Screenreader nutzen, \
             mit Rollator oder Rollstuhl unterwegs sind oder selten Bus fahren.",
            WorkshopFormat::Hybrid,
            "Bürgerzentrum Alter Schlachthof, Ulricherstraße 4, 59494 Soest",
            "https://meet.so-digital.example/big-bird-test",
            (5, 17, 19),
            20,
            1,
            Audience::Everyone,
        ),
    ];
    let mut inserted = 0;
    for (
        slug,
        title,
        project,
        description,
        format,
        location,
        url,
        (weeks, from, to),
        capacity,
        per,
        audience,
    ) in samples
    {
        let project_id = match project {
            Some(p) => crate::server::db::projects::find_project_id_in(tx, p).await?,
            None => None,
        };
        let new = NewWorkshop {
            slug,
            project_id,
            title,
            description_md: description,
            format,
            location,
            online_url: url,
            starts_at: at(weeks, from),
            ends_at: at(weeks, to),
            capacity,
            places_per_registration: per,
            audience,
            waitlist: true,
            registration_closes_at: None,
            registration_opens_at: None,
            confirmation: Confirmation::Automatic,
            published: true,
        };
        if let Some(id) = workshops::insert_workshop_unless_exists(tx, &new, None, now).await? {
            workshops::replace_questions(tx, id, &demo_questions(slug)).await?;
            inserted += 1;
        }
    }
    Ok(inserted)
}

/// The registration questions of a demo workshop (what the city lab would ask).
fn demo_questions(slug: &str) -> Vec<QuestionSpec> {
    let question = |kind, prompt: &str, choices: &[&str], required| QuestionSpec {
        kind,
        prompt: prompt.to_owned(),
        choices: choices.iter().map(|c| (*c).to_owned()).collect(),
        required,
    };
    match slug {
        "3d-stadtmodell-handwerk" => vec![
            question(
                QuestionKind::Choice,
                "Welche Software nutzen Sie?",
                &["AutoCAD", "ArchiCAD", "Revit", "Vectorworks", "Andere"],
                true,
            ),
            question(
                QuestionKind::YesNo,
                "Bringen Sie einen eigenen Laptop mit?",
                &[],
                false,
            ),
        ],
        _ => vec![question(
            QuestionKind::Text,
            "Welches Smartphone nutzen Sie (z. B. Android mit TalkBack, iPhone mit VoiceOver)?",
            &[],
            false,
        )],
    }
}
