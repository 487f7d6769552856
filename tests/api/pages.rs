use crate::helpers::spawn_app;
use stadtlabor::domain::projects::Phase;
use stadtlabor::server::db::projects::{insert_project_unless_exists, NewProject};

#[tokio::test]
async fn home_page_introduces_the_city_lab_and_lists_the_seeded_projects() {
    let app = spawn_app().await;
    let (status, html) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="de""#), "German by default");
    assert!(html.contains("City-Lab SO Digital"));
    for title in [
        "3D-Stadtmodell für Handwerk und Architektur",
        "Big-Bird-Westfalen: Bus fahren mit dem Smartphone",
    ] {
        assert!(html.contains(title), "{title} missing");
    }
    // The programme figures come from the database.
    assert!(html.contains("4,8 Mio. €"), "funding volume");
    assert!(html.contains("9 Mio. €"), "proposed volume");
    assert!(html.contains("<dd>12</dd>") && html.contains("<dd>16</dd>"));
}

#[tokio::test]
async fn the_home_page_invites_to_take_part_with_ideas_search_and_workshops() {
    let app = spawn_app().await;
    let (_, html) = app.page("/").await;
    assert!(
        html.contains("Stadtlabor SO Digital"),
        "the name in the header"
    );
    assert!(html.contains(r#"<a href="/ideen/neu" class="button">Idee einreichen</a>"#));
    assert!(html.contains(r#"action="/ideen""#) && html.contains(r#"name="suche""#));
    assert!(html.contains("Noch keine Ideen"));
    // The figures count 12 funded projects; the page says how many are presented.
    assert!(html.contains("3 dieser Projekte stellen sich hier schon vor"));
    assert!(html.contains("Nächste Workshops"));
    assert!(
        html.contains("Big-Bird-App im Test"),
        "an upcoming demo workshop"
    );

    let (_, _, idea) = crate::participation::idea_by_new_author(&app, "Sitzbänke am Bahnhof").await;
    let (_, html) = app.page("/").await;
    assert!(!html.contains("Noch keine Ideen"));
    assert!(html.contains("Meistunterstützte Ideen"));
    assert!(html.contains(&format!(r#"href="/ideen/{idea}""#)));
    assert!(html.contains("Sitzbänke am Bahnhof"));
}

#[tokio::test]
async fn catalogue_lists_every_project_with_a_link_to_its_page() {
    let app = spawn_app().await;
    let (status, html) = app.page("/projekte").await;
    assert_eq!(status, 200);
    assert!(html.contains("3 Projekte"));
    for slug in [
        "3d-stadtmodell",
        "big-bird-westfalen",
        "city-lab-so-digital",
    ] {
        assert!(
            html.contains(&format!(r#"href="/projekte/{slug}""#)),
            "{slug}"
        );
    }
}

#[tokio::test]
async fn project_page_shows_facts_and_the_rendered_description() {
    let app = spawn_app().await;
    let (status, html) = app.page("/projekte/big-bird-westfalen").await;
    assert_eq!(status, 200);
    assert!(html
        .contains("<title>Big-Bird-Westfalen: Bus fahren mit dem Smartphone – Stadtlabor</title>"));
    for district in ["Hochsauerlandkreis", "Kreis Soest", "Kreis Unna"] {
        assert!(html.contains(district), "{district}");
    }
    assert!(
        html.contains("<strong>Bluetooth</strong>"),
        "markdown is rendered"
    );
    assert!(html.contains("Mobilität"));
    assert!(html.contains("Laufend"));
}

#[tokio::test]
async fn unknown_project_slug_is_a_german_404() {
    let app = spawn_app().await;
    let (status, html) = app.page("/projekte/gibt-es-nicht").await;
    assert_eq!(status, 404);
    assert!(html.contains("Seite nicht gefunden"));
}

#[tokio::test]
async fn unknown_url_is_a_german_404() {
    let app = spawn_app().await;
    let (status, html) = app.page("/kein/solcher/pfad").await;
    assert_eq!(status, 404);
    assert!(html.contains("Seite nicht gefunden"));
    assert!(html.contains(r#"<html lang="de""#));
}

#[tokio::test]
async fn legal_pages_exist_in_german() {
    let app = spawn_app().await;
    for (path, heading) in [
        ("/impressum", "Impressum"),
        ("/datenschutz", "Datenschutz"),
        ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    ] {
        let (status, html) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{path}");
    }
}

#[tokio::test]
async fn hostile_markup_in_project_content_is_never_executed() {
    let app = spawn_app().await;
    let mut tx = app.db.begin().await.unwrap();
    insert_project_unless_exists(
        &mut tx,
        &NewProject {
            slug: "feindlich",
            title: "</title><img src=x onerror=alert(1)>",
            summary: "<script>alert('summary')</script>",
            description_md: "<script>alert('md')</script>\n\n[Klick](javascript:alert(1))",
            phase: Phase::Planned,
            funding_cents: Some(1_234_500),
            responsible_body: "Kreis Soest",
            contact: "<b>Kontakt</b>",
            category_id: None,
            programme_id: None,
            starts_on: None,
            ends_on: None,
            accepts_ideas: false,
            support_limit: None,
            archived: false,
            created_by: None,
            district_ids: &[],
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let (status, html) = app.page("/projekte/feindlich").await;
    assert_eq!(status, 200);
    assert!(!html.contains("<img src=x"), "title is escaped");
    assert!(!html.contains("<script>alert"), "no script survives");
    assert!(
        !html.contains("javascript:alert"),
        "no javascript: link survives"
    );
    assert!(html
        .contains("<title>&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt; – Stadtlabor</title>"));
    assert!(html.contains("<h1>&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"));
    assert!(html.contains("12.345 €"), "funding is formatted");
    assert!(html.contains("Nimmt derzeit keine Ideen an"));
}

#[tokio::test]
async fn the_catalogue_filters_by_phase_district_and_topic() {
    let app = spawn_app().await;
    let (status, html) = app.page("/projekte?kreis=hochsauerlandkreis").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("1 Projekt<") && html.contains("Big-Bird-Westfalen"),
        "district filter"
    );
    let (_, html) = app
        .page("/projekte?kategorie=beteiligung&phase=running")
        .await;
    assert!(html.contains("1 Projekt<") && html.contains("City-Lab SO Digital"));
    let (_, html) = app.page("/projekte?phase=completed").await;
    assert!(html.contains("Keine Projekte passen zu dieser Auswahl."));
    let (status, html) = app.page("/projekte?phase=unsinn&kreis=").await;
    assert_eq!(status, 200);
    assert!(html.contains("3 Projekte"), "unknown values mean no filter");
}

#[tokio::test]
async fn pages_travel_compressed_when_the_browser_accepts_it() {
    let app = spawn_app().await;
    let get = |encoding: &'static str| {
        app.client
            .get(format!("{}/ideen", app.address))
            .header("Accept", "text/html")
            .header("Accept-Encoding", encoding)
            .send()
    };
    let plain = get("identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_size = plain.bytes().await.unwrap().len();
    for encoding in ["br", "gzip"] {
        let response = get(encoding).await.unwrap();
        assert_eq!(response.headers()["content-encoding"], encoding);
        assert!(response.headers()["vary"]
            .to_str()
            .unwrap()
            .contains("accept-encoding"));
        let size = response.bytes().await.unwrap().len();
        assert!(
            size * 2 < plain_size,
            "{encoding}: {size} of {plain_size} bytes"
        );
    }
}
