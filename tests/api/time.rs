//! Time as people in Soest see it (Europe/Berlin on every page), and the test clock that
//! moves time instead of sleeping.

use crate::accounts::{registration, ten_seconds_ago};
use crate::helpers::{spawn_app, BASE_URL};
use crate::participation::idea_by_new_author;
use chrono::{DateTime, TimeDelta, Utc};

#[tokio::test]
async fn pages_show_the_berlin_date_at_2330_utc_on_both_sides_of_both_switches() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Späte Idee").await;
    // (UTC instant, the UTC date a page must not show, the Berlin date it shows)
    for (utc, utc_date, berlin_date) in [
        ("2026-03-27T23:30:00Z", "27.03.2026", "28.03.2026"),
        ("2026-03-28T23:30:00Z", "28.03.2026", "29.03.2026"),
        ("2026-03-29T23:30:00Z", "29.03.2026", "30.03.2026"),
        ("2026-10-24T23:30:00Z", "24.10.2026", "25.10.2026"),
        ("2026-10-25T23:30:00Z", "25.10.2026", "26.10.2026"),
    ] {
        let at: DateTime<Utc> = utc.parse().unwrap();
        app.set_time("ideas", "created_at", idea, at).await;
        for path in [format!("/ideen/{idea}"), "/ideen".to_owned()] {
            let (_, html) = app.page(&path).await;
            assert!(html.contains(berlin_date), "{path} at {utc}: {berlin_date}");
            assert!(!html.contains(utc_date), "{path} at {utc}: not {utc_date}");
        }
    }
}

#[tokio::test]
async fn a_verification_link_works_for_48_hours_by_the_app_clock() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let mut links = Vec::new();
    for email in ["frueh@example.org", "spaet@example.org"] {
        let response = app
            .post("accounts/register", &registration(email, &started))
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let mail = app.mail.wait_for(email, 1).await.remove(0);
        let link = mail.link_starting_with(BASE_URL);
        links.push(link.strip_prefix(BASE_URL).unwrap().to_owned());
    }
    let app = &app;
    let confirm = |link: &str| {
        let token = link.split("token=").nth(1).unwrap().to_owned();
        async move {
            app.post("accounts/verify", &[("token", token.as_str())])
                .await
        }
    };
    app.clock.advance(TimeDelta::hours(47));
    assert_eq!(
        confirm(&links[0]).await.status().as_u16(),
        200,
        "47 h: valid"
    );
    app.clock.advance(TimeDelta::hours(2));
    let response = confirm(&links[1]).await;
    assert_eq!(response.status().as_u16(), 422, "49 h: expired");
    assert!(response.text().await.unwrap().contains("InvalidLink"));
}
