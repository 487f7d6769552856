//! Invented participation for the demo (`seed-demo`): ten people of the region (two
//! verified businesses and the city lab's team), 25 ideas across the projects and
//! categories, threaded comments, supports and official answers in every state a decision
//! can take. Deterministic (fixed texts, times relative to the run) and idempotent: once the
//! first demo person exists, nothing is added again.
//!
//! The people live at a reserved, undeliverable domain, so that the site can say on every
//! page that this is demo content ([`is_demo_installation`]), and nobody can log in as them
//! (their password is random and never shown).

use crate::domain::accounts::{Email, OrganisationStatus, Role};
use crate::domain::ideas::IdeaStatus;
use crate::server::db::comments::{insert_comment, NewComment};
use crate::server::db::follows::{set_following, Followed};
use crate::server::db::ideas::{change_status, insert_idea, Answer, NewIdea};
use crate::server::db::users::{decide_organisation, insert_user, NewUser};
use crate::server::db::votes::add_vote;
use crate::server::db::{with_pool, Db, DbError, Tx};
use crate::server::markdown;
use chrono::{DateTime, Duration, Utc};

/// The reserved (RFC 2606) domain of the invented people.
pub const DEMO_DOMAIN: &str = "demo.stadtlabor.invalid";

struct Person {
    mail: &'static str,
    name: &'static str,
    role: Role,
    organisation: Option<&'static str>,
}

const fn citizen(mail: &'static str, name: &'static str) -> Person {
    Person {
        mail,
        name,
        role: Role::Citizen,
        organisation: None,
    }
}

/// Index 8 is the city lab's team: it writes the official answers.
const PEOPLE: [Person; 10] = [
    citizen("anna.keller", "Anna Keller"),
    citizen("mehmet.yilmaz", "Mehmet Yılmaz"),
    citizen("jutta.brinkmann", "Jutta Brinkmann"),
    citizen("lukas.hoffmann", "Lukas Hoffmann"),
    citizen("sabine.wulf", "Sabine Wulf"),
    Person {
        mail: "tobias.schulte",
        name: "Tobias Schulte",
        role: Role::Business,
        organisation: Some("Schulte Bedachungen GmbH"),
    },
    Person {
        mail: "claudia.peters",
        name: "Claudia Peters",
        role: Role::Business,
        organisation: Some("Architekturbüro Peters & Kamp"),
    },
    citizen("emre.demir", "Emre Demir"),
    Person {
        mail: "team.city-lab",
        name: "Team City-Lab",
        role: Role::Moderator,
        organisation: None,
    },
    citizen("helga.sauer", "Helga Sauer"),
];
const STAFF: usize = 8;

/// A comment: its author, the comment of the same idea it answers (by position), its text.
type Comment = (usize, Option<usize>, &'static str);

struct Idea {
    author: usize,
    project: Option<&'static str>,
    category: &'static str,
    title: &'static str,
    body: &'static str,
    location: Option<&'static str>,
    days_ago: i64,
    /// How many people support it (the first ones of `PEOPLE` other than author and staff).
    supports: usize,
    /// The state staff set, with the official answer.
    decision: Option<(IdeaStatus, &'static str)>,
    comments: &'static [Comment],
}

const STADTMODELL: Option<&str> = Some("3d-stadtmodell");
const BIG_BIRD: Option<&str> = Some("big-bird-westfalen");
const CITY_LAB: Option<&str> = Some("city-lab-so-digital");

const IDEAS: [Idea; 25] = [
    Idea {
        author: 5,
        project: STADTMODELL,
        category: "wirtschaft-handwerk",
        title: "Dachneigung und Fläche direkt als Aufmaß exportieren",
        body: "Für ein Angebot brauche ich Fläche, Neigung und Traufhöhe jeder Dachfläche. \
Wenn das 3D-Modell diese Werte **als Aufmaß-Liste (CSV oder GAEB)** ausgibt, spare ich pro \
Angebot eine Anfahrt.\n\nWichtig wäre, dass die Genauigkeit dabei steht, damit niemand zu \
knapp bestellt.",
        location: None,
        days_ago: 58,
        supports: 7,
        decision: Some((
            IdeaStatus::Accepted,
            "Vielen Dank für den Vorschlag. Der Export von Dachflächen mit Neigung und \
Genauigkeitsangabe wird in die nächste Ausbaustufe des 3D-Modells aufgenommen (geplant für \
das zweite Quartal). Wir laden interessierte Betriebe vorher zu einem Test ein.",
        )),
        comments: &[
            (
                6,
                None,
                "Das wäre auch für uns Architekturbüros hilfreich, gern zusätzlich als IFC.",
            ),
            (
                5,
                Some(0),
                "IFC wäre ideal, dann können wir direkt in der CAD weiterarbeiten.",
            ),
            (
                3,
                None,
                "Wie genau ist das Modell eigentlich? Reicht das für eine Bestellung?",
            ),
            (
                8,
                Some(2),
                "Die Dachflächen haben eine Lagegenauigkeit von etwa 10 cm. Für eine \
Bestellung empfehlen wir weiterhin ein kurzes Nachmessen vor Ort.",
            ),
        ],
    },
    Idea {
        author: 6,
        project: STADTMODELL,
        category: "bauen-wohnen",
        title: "Baulücken und Leerstand im Stadtmodell sichtbar machen",
        body: "Viele Grundstücke in den Ortskernen sind unbebaut oder stehen leer. Eine \
Ebene im 3D-Modell, die **Baulücken** zeigt, würde Bauwilligen und Planungsbüros helfen, \
Innenentwicklung statt Neubaugebiete zu planen.",
        location: Some("Ortskerne im Kreis Soest"),
        days_ago: 51,
        supports: 6,
        decision: Some((
            IdeaStatus::UnderReview,
            "Wir prüfen mit den Bauämtern der Städte und Gemeinden, welche Daten zu Baulücken \
veröffentlicht werden dürfen. Private Eigentümerinnen und Eigentümer müssen dabei geschützt \
bleiben.",
        )),
        comments: &[
            (
                2,
                None,
                "Aber bitte ohne Namen der Eigentümer, das ginge zu weit.",
            ),
            (
                6,
                Some(0),
                "Natürlich, nur die Fläche und der Bebauungsplan wären gemeint.",
            ),
        ],
    },
    Idea {
        author: 3,
        project: STADTMODELL,
        category: "bauen-wohnen",
        title: "Solarpotenzial für jedes Dach anzeigen",
        body: "Mit dem 3D-Modell ließe sich für jedes Dach berechnen, wie viel Strom eine \
Solaranlage erzeugen könnte. Ein **Solarkataster** für den ganzen Kreis würde viele \
Hausbesitzer zum Einstieg bewegen.",
        location: None,
        days_ago: 47,
        supports: 8,
        decision: Some((
            IdeaStatus::Implemented,
            "Umgesetzt: Das Solarpotenzial aller Dächer im Kreis ist seit dieser Woche im \
3D-Stadtmodell abrufbar. Sie finden es unter „Ebenen“ → „Solarpotenzial“.",
        )),
        comments: &[
            (
                0,
                None,
                "Super, gleich ausprobiert. Unser Dach ist gut geeignet!",
            ),
            (
                9,
                None,
                "Kann man das auch ausdrucken? Ich arbeite nicht so gern am Bildschirm.",
            ),
            (
                8,
                Some(1),
                "Ja, über „Drucken“ oben rechts entsteht eine Seite mit allen Werten.",
            ),
        ],
    },
    Idea {
        author: 5,
        project: STADTMODELL,
        category: "wirtschaft-handwerk",
        title: "Zugang für Betriebe ohne eigene CAD-Software",
        body: "Kleine Handwerksbetriebe haben oft keine CAD-Software. Das Messwerkzeug \
sollte deshalb **im Browser und auf dem Tablet** laufen, ohne Installation.",
        location: None,
        days_ago: 33,
        supports: 4,
        decision: None,
        comments: &[(7, None, "Auf dem Tablet auf der Baustelle wäre das ideal.")],
    },
    Idea {
        author: 6,
        project: STADTMODELL,
        category: "bildung",
        title: "Schulungen zum 3D-Modell für Auszubildende",
        body: "Damit das Werkzeug genutzt wird, sollten schon Auszubildende im Dachdecker- \
und Zimmererhandwerk damit arbeiten. Vorschlag: eine Schulung mit dem Berufskolleg.",
        location: Some("Berufskolleg Soest"),
        days_ago: 20,
        supports: 3,
        decision: None,
        comments: &[],
    },
    Idea {
        author: 1,
        project: STADTMODELL,
        category: "beteiligung",
        title: "Geplante Bauprojekte im 3D-Modell zeigen",
        body: "Bei Bürgerversammlungen zu neuen Gebäuden fällt es vielen schwer, sich die \
Pläne vorzustellen. Wenn geplante Bauten im 3D-Modell stehen, kann jede und jeder die \
Wirkung auf die Straße selbst ansehen.",
        location: None,
        days_ago: 12,
        supports: 5,
        decision: None,
        comments: &[
            (
                4,
                None,
                "Gute Idee, gerade bei der Höhe von Neubauten gibt es oft Streit.",
            ),
            (
                1,
                Some(0),
                "Genau, ein Bild sagt mehr als jeder Bebauungsplan.",
            ),
            (
                2,
                Some(1),
                "Und bitte auch mit Schattenwurf zu verschiedenen Jahreszeiten.",
            ),
        ],
    },
    Idea {
        author: 7,
        project: STADTMODELL,
        category: "verwaltung",
        title: "Bauantrag mit Daten aus dem Stadtmodell vorausfüllen",
        body: "Lageplan, Gebäudehöhen und Abstände zu Nachbargebäuden liegen im Modell \
schon vor. Der digitale Bauantrag könnte sie übernehmen, statt sie neu zeichnen zu lassen.",
        location: None,
        days_ago: 5,
        supports: 2,
        decision: None,
        comments: &[],
    },
    Idea {
        author: 9,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Große Schrift und Sprachausgabe in der Big-Bird-App",
        body: "Ich sehe nicht mehr gut. Die App sollte die Schrift des Telefons übernehmen \
und beim Ein- und Auschecken **ansagen**, ob es geklappt hat.",
        location: None,
        days_ago: 60,
        supports: 8,
        decision: Some((
            IdeaStatus::Accepted,
            "Danke, Frau Sauer. Die App übernimmt ab der nächsten Version die Schriftgröße \
des Telefons und bestätigt Check-in und Check-out mit Ton, Vibration und Ansage. Wir testen \
das im Workshop „Big-Bird-App im Test“ mit Ihnen und anderen.",
        )),
        comments: &[
            (
                0,
                None,
                "Meine Mutter hätte das auch gern, sie nutzt VoiceOver.",
            ),
            (
                8,
                Some(0),
                "Wir laden Sie beide herzlich zum Test-Workshop ein.",
            ),
            (
                4,
                None,
                "Eine Vibration beim Check-in wäre auch im lauten Bus gut.",
            ),
        ],
    },
    Idea {
        author: 3,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Monatsdeckel: nie mehr zahlen als für ein Monatsticket",
        body: "Wer viel fährt, sollte automatisch nicht mehr zahlen als für ein \
Monatsabo. So muss sich niemand vorher entscheiden.",
        location: None,
        days_ago: 55,
        supports: 7,
        decision: Some((
            IdeaStatus::UnderReview,
            "Die Verkehrsunternehmen prüfen gerade eine Preisobergrenze je Monat. Wir melden \
uns hier, sobald eine Entscheidung gefallen ist.",
        )),
        comments: &[
            (
                1,
                None,
                "Das gibt es in London schon lange, funktioniert gut.",
            ),
            (2, None, "Bitte auch für Familien mit Kindern mitdenken."),
        ],
    },
    Idea {
        author: 0,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Einchecken auch ohne Smartphone ermöglichen",
        body: "Nicht alle haben ein Smartphone. Eine **Chipkarte**, die genauso per \
Bluetooth oder NFC eincheckt, würde niemanden ausschließen.",
        location: None,
        days_ago: 44,
        supports: 6,
        decision: Some((
            IdeaStatus::Accepted,
            "Die Karte kommt: Parallel zur App wird eine Chipkarte erprobt, die beim \
Einsteigen an den Leser gehalten wird. Bargeld und Papierfahrkarten bleiben außerdem erhalten.",
        )),
        comments: &[(9, None, "Danke! Das war meine größte Sorge.")],
    },
    Idea {
        author: 7,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Echtzeit-Abfahrten an der Haltestelle in der App",
        body: "Wenn ich schon mit dem Telefon einchecke, möchte ich auch sehen, wann der \
nächste Bus wirklich kommt – mit Verspätung.",
        location: Some("Haltestelle Soest Bahnhof"),
        days_ago: 38,
        supports: 5,
        decision: None,
        comments: &[
            (
                3,
                None,
                "Gibt es dafür nicht schon die App des Verkehrsverbunds?",
            ),
            (
                7,
                Some(0),
                "Ja, aber zwei Apps für eine Fahrt ist eine zu viel.",
            ),
        ],
    },
    Idea {
        author: 2,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Ticket für Rollstuhl und Begleitperson in einem Schritt",
        body: "Mit Schwerbehindertenausweis fährt die Begleitperson kostenlos. Die App \
sollte das wissen, damit wir nicht zwei Mal einchecken müssen.",
        location: None,
        days_ago: 29,
        supports: 6,
        decision: None,
        comments: &[
            (
                8,
                None,
                "Danke für den Hinweis, wir nehmen ihn in den Test-Workshop mit.",
            ),
            (2, Some(0), "Gern, ich komme zum Workshop."),
        ],
    },
    Idea {
        author: 1,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Fahrrad im Bus mit der App anmelden",
        body: "Im Sommer nehmen viele das Rad mit in den Bus. Eine Anmeldung in der App \
würde zeigen, ob im nächsten Bus Platz ist.",
        location: None,
        days_ago: 17,
        supports: 3,
        decision: Some((
            IdeaStatus::Rejected,
            "Vielen Dank. Die Busse der Region haben keine Sensoren für Fahrradstellplätze, \
und eine Reservierung ließe sich im Bus nicht durchsetzen. Wir verfolgen die Idee deshalb in \
diesem Projekt nicht weiter; die Zahl der Stellplätze steht künftig im Fahrplan.",
        )),
        comments: &[],
    },
    Idea {
        author: 4,
        project: BIG_BIRD,
        category: "mobilitaet",
        title: "Rufbus in den Dörfern über dieselbe App buchen",
        body: "In vielen Dörfern fährt abends nur der Rufbus. Ihn in derselben App zu \
buchen und zu bezahlen wäre ein großer Schritt.",
        location: Some("Möhnesee, Ense und Bad Sassendorf"),
        days_ago: 9,
        supports: 5,
        decision: None,
        comments: &[(
            9,
            None,
            "Ja, bitte! Das Telefonat mit der Zentrale ist mühsam.",
        )],
    },
    Idea {
        author: 9,
        project: BIG_BIRD,
        category: "bildung",
        title: "Übungsnachmittage zur App in der Stadtbücherei",
        body: "Viele Ältere trauen sich an neue Apps nur mit Hilfe. Ein fester \
Übungsnachmittag in der Stadtbücherei, mit Geduld und Kaffee, würde helfen.",
        location: Some("Stadtbücherei Soest"),
        days_ago: 3,
        supports: 2,
        decision: None,
        comments: &[],
    },
    Idea {
        author: 4,
        project: CITY_LAB,
        category: "beteiligung",
        title: "Sprechstunde des City-Labs auf dem Wochenmarkt",
        body: "Nicht alle kommen ins Kreishaus. Ein Stand auf dem **Wochenmarkt**, einmal \
im Monat, würde das City-Lab dorthin bringen, wo die Menschen sind.",
        location: Some("Marktplatz Soest"),
        days_ago: 57,
        supports: 6,
        decision: Some((
            IdeaStatus::Implemented,
            "Umgesetzt: Das City-Lab steht jeden ersten Samstag im Monat von 9 bis 12 Uhr \
auf dem Soester Wochenmarkt, abwechselnd mit Lippstadt.",
        )),
        comments: &[
            (0, None, "Ich war letzten Samstag da, sehr nett!"),
            (4, Some(0), "Schön zu hören."),
        ],
    },
    Idea {
        author: 2,
        project: CITY_LAB,
        category: "bildung",
        title: "Digitalpaten für Seniorinnen und Senioren",
        body: "Ehrenamtliche Digitalpaten könnten im City-Lab bei Fragen zu Smartphone, \
Online-Terminen und Apps helfen – einmal pro Woche, ohne Anmeldung.",
        location: None,
        days_ago: 41,
        supports: 7,
        decision: Some((
            IdeaStatus::UnderReview,
            "Wir suchen gerade Ehrenamtliche und einen festen Termin. Wer mitmachen \
möchte, meldet sich gern im City-Lab.",
        )),
        comments: &[
            (3, None, "Ich würde als Digitalpate mitmachen."),
            (8, Some(0), "Wunderbar, wir melden uns bei Ihnen."),
        ],
    },
    Idea {
        author: 7,
        project: CITY_LAB,
        category: "wirtschaft-handwerk",
        title: "Offene Werkstatt mit 3D-Drucker und Lasercutter",
        body: "Ein Makerspace im City-Lab, in dem Schülerinnen, Start-ups und Betriebe \
Prototypen bauen können, würde die Region digital voranbringen.",
        location: None,
        days_ago: 26,
        supports: 4,
        decision: Some((
            IdeaStatus::Rejected,
            "Danke für die Idee. Die Räume des City-Labs reichen für eine Werkstatt mit \
Absaugung und Brandschutz nicht aus. Wir verweisen auf die offene Werkstatt der Hochschule \
Hamm-Lippstadt, mit der wir zusammenarbeiten.",
        )),
        comments: &[(
            5,
            None,
            "Schade, aber die Hochschule ist ein guter Hinweis.",
        )],
    },
    Idea {
        author: 0,
        project: CITY_LAB,
        category: "beteiligung",
        title: "Ergebnisse der Workshops hier veröffentlichen",
        body: "Wer nicht am Workshop teilnehmen konnte, sollte die Ergebnisse nachlesen \
können – am besten hier bei dem jeweiligen Projekt.",
        location: None,
        days_ago: 14,
        supports: 5,
        decision: None,
        comments: &[
            (6, None, "Ja, und bitte mit Fotos der Pinnwände."),
            (1, Some(0), "Und in einfacher Sprache, bitte."),
        ],
    },
    Idea {
        author: 3,
        project: CITY_LAB,
        category: "verwaltung",
        title: "Termine im Bürgerbüro online buchen",
        body: "Für Ausweis und Ummeldung muss man oft lange warten. Eine **Online-Buchung** \
mit Erinnerung per Mail wäre ein einfacher erster Schritt.",
        location: Some("Bürgerbüro Lippstadt"),
        days_ago: 7,
        supports: 6,
        decision: None,
        comments: &[(
            2,
            None,
            "Und bitte mit Absage-Link, damit Termine frei werden.",
        )],
    },
    Idea {
        author: 1,
        project: CITY_LAB,
        category: "bildung",
        title: "Programmier-AG für Jugendliche in den Ferien",
        body: "In den Sommerferien könnte das City-Lab eine Woche Programmieren für \
Jugendliche anbieten, etwa mit Robotern und kleinen Apps.",
        location: None,
        days_ago: 2,
        supports: 1,
        decision: None,
        comments: &[],
    },
    Idea {
        author: 4,
        project: None,
        category: "mobilitaet",
        title: "Freie Ladesäulen für E-Autos auf einer Karte",
        body: "Eine Karte mit den Ladesäulen im Kreis und ob sie gerade frei sind, würde \
das Laden planbar machen.",
        location: None,
        days_ago: 36,
        supports: 4,
        decision: None,
        comments: &[(7, None, "Am besten mit Preis pro Kilowattstunde.")],
    },
    Idea {
        author: 2,
        project: None,
        category: "verwaltung",
        title: "Schäden an Straßen und Wegen mit Foto melden",
        body: "Schlaglöcher, defekte Laternen oder wilder Müll: Eine Meldung mit Foto und \
Ort, deren Bearbeitung man verfolgen kann, würde vieles beschleunigen.",
        location: None,
        days_ago: 22,
        supports: 6,
        decision: None,
        comments: &[
            (
                9,
                None,
                "Die Laterne in unserer Straße ist seit Wochen aus.",
            ),
            (0, Some(0), "Genau für so etwas wäre das gut."),
        ],
    },
    Idea {
        author: 6,
        project: None,
        category: "wirtschaft-handwerk",
        title: "Freies WLAN in den Innenstädten",
        body: "Ein offenes WLAN in den Fußgängerzonen hilft Gästen und stärkt den \
Einzelhandel vor Ort.",
        location: Some("Innenstädte von Soest und Lippstadt"),
        days_ago: 10,
        supports: 3,
        decision: None,
        comments: &[],
    },
    Idea {
        author: 0,
        project: None,
        category: "beteiligung",
        title: "Alle Beteiligungsangebote des Kreises an einem Ort",
        body: "Umfragen, Workshops und Bürgerversammlungen sind über viele Seiten \
verteilt. Hier auf der Plattform sollten alle Angebote des Kreises zu finden sein.",
        location: None,
        days_ago: 1,
        supports: 2,
        decision: None,
        comments: &[],
    },
];

/// Whether the database holds the invented people, so the site says so on every page.
pub async fn is_demo_installation(db: &Db) -> Result<bool, DbError> {
    let first = demo_email(&PEOPLE[0]);
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM users WHERE email = $1")
            .bind(first.as_ref())
            .fetch_one(pool)
            .await?
    }) > 0)
}

fn demo_email(person: &Person) -> Email {
    Email::parse(&format!("{}@{DEMO_DOMAIN}", person.mail)).expect("a valid demo address")
}

/// What was added, for the command's report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub people: usize,
    pub ideas: usize,
    pub comments: usize,
    pub supports: usize,
}

/// Adds the invented participation in one transaction, unless it is there already. Needs
/// the demo projects and categories (`seed::seed_demo`).
pub async fn seed_participation(db: &Db, now: DateTime<Utc>) -> anyhow::Result<Added> {
    if is_demo_installation(db).await? {
        return Ok(Added::default());
    }
    // Nobody knows this password: the invented people cannot be logged in as.
    let unusable = crate::server::tokens::generate_token();
    let hash = crate::server::passwords::hash_password(unusable).await?;
    let mut tx = db.begin().await?;
    let mut added = Added::default();
    let mut people = Vec::with_capacity(PEOPLE.len());
    for person in &PEOPLE {
        let email = demo_email(person);
        let joined = now - Duration::days(90);
        let user = NewUser {
            email: &email,
            display_name: person.name,
            password_hash: &hash,
            role: person.role,
            organisation_name: person.organisation,
            organisation_website: None,
            locale: "de",
            email_verified_at: Some(joined),
        };
        let id = insert_user(&mut tx, &user, joined).await?;
        // The demo businesses are verified, as staff would have done.
        if person.organisation.is_some() {
            decide_organisation(&mut tx, id, OrganisationStatus::Verified, None, joined).await?;
        }
        people.push(id);
    }
    added.people = people.len();
    for idea in &IDEAS {
        let counts = insert_demo_idea(&mut tx, idea, &people, now).await?;
        added.ideas += 1;
        added.comments += counts.0;
        added.supports += counts.1;
    }
    tx.commit().await?;
    Ok(added)
}

/// One idea with its comments, supports, the author following it and staff's decision;
/// returns (comments, supports) added.
async fn insert_demo_idea(
    tx: &mut Tx,
    idea: &Idea,
    people: &[i64],
    now: DateTime<Utc>,
) -> anyhow::Result<(usize, usize)> {
    let created = now - Duration::days(idea.days_ago) - Duration::hours(3);
    let project_id = match idea.project {
        Some(slug) => crate::server::db::projects::find_project_id_in(tx, slug).await?,
        None => None,
    };
    let category_id = crate::server::db::ideas::find_category_id(tx, idea.category)
        .await?
        .ok_or_else(|| {
            anyhow::anyhow!("category {} missing: run seed_demo first", idea.category)
        })?;
    let body_html = markdown::render(idea.body);
    let author = people[idea.author];
    let new = NewIdea {
        author_id: author,
        project_id,
        category_id,
        title: idea.title,
        body_md: idea.body,
        body_html: &body_html,
        location: idea.location,
    };
    let id = insert_idea(tx, &new, created).await?;
    set_following(tx, author, Followed::Idea(id), true, created).await?;

    // Comments follow the idea by hours, in the order written; replies point back.
    let mut comment_ids: Vec<(i64, i64)> = Vec::with_capacity(idea.comments.len());
    for (n, (who, parent, text)) in idea.comments.iter().enumerate() {
        let (parent_id, depth) = match parent {
            Some(p) => (Some(comment_ids[*p].0), comment_ids[*p].1 + 1),
            None => (None, 0),
        };
        let html = markdown::render(text);
        let comment = NewComment {
            idea_id: id,
            parent_id,
            depth,
            author_id: people[*who],
            body_md: text,
            body_html: &html,
        };
        let at = created + Duration::hours(5 * (n as i64 + 1));
        comment_ids.push((insert_comment(tx, &comment, at.min(now)).await?, depth));
    }

    let supporters = (0..PEOPLE.len())
        .filter(|&p| p != idea.author && p != STAFF)
        .take(idea.supports);
    let mut supports = 0;
    for (n, person) in supporters.enumerate() {
        let at = (created + Duration::hours(2 * (n as i64 + 1))).min(now);
        if add_vote(tx, people[person], id, at).await? {
            supports += 1;
        }
    }

    if let Some((status, answer)) = idea.decision {
        let html = markdown::render(answer);
        let answered = (created + Duration::days(2)).min(now);
        let answer = Answer {
            md: answer,
            html: &html,
        };
        change_status(
            tx,
            id,
            IdeaStatus::Submitted,
            status,
            Some(answer),
            people[STAFF],
            answered,
        )
        .await?;
    }
    Ok((comment_ids.len(), supports))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_answer_earlier_comments_and_authors_exist() {
        for idea in &IDEAS {
            assert!(
                idea.author < PEOPLE.len() && idea.author != STAFF,
                "{}",
                idea.title
            );
            assert!(idea.supports < PEOPLE.len() - 1, "{}", idea.title);
            for (n, (who, parent, _)) in idea.comments.iter().enumerate() {
                assert!(*who < PEOPLE.len(), "{}", idea.title);
                assert!(
                    parent.is_none_or(|p| p < n),
                    "{}: reply before its comment",
                    idea.title
                );
            }
        }
    }

    #[test]
    fn the_demo_shows_every_decision_staff_can_take() {
        for status in [
            IdeaStatus::UnderReview,
            IdeaStatus::Accepted,
            IdeaStatus::Rejected,
            IdeaStatus::Implemented,
        ] {
            assert!(
                IDEAS
                    .iter()
                    .any(|i| i.decision.is_some_and(|(s, _)| s == status)),
                "{status:?}"
            );
        }
        assert!(IDEAS.iter().any(|i| i.decision.is_none()));
    }
}
