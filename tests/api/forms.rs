//! Every form's error summary (GOV.UK pattern): each error a link, labelled with its
//! field's name, to an element that exists on the page; here without JavaScript, where the
//! page the post comes back to renders the summary.

use crate::helpers::{post_as, post_without_js, spawn_app};
use stadtlabor::domain::accounts::Role;

/// The summary's links as (target id, text), after checking that each target exists.
fn summary_links(html: &str) -> Vec<(String, String)> {
    let summary = html
        .split(r#"<ul class="error-links">"#)
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap_or_else(|| panic!("an error summary with links: {html}"));
    let links: Vec<(String, String)> = summary
        .split(r##"<a href="#"##)
        .skip(1)
        .map(|rest| {
            let (id, rest) = rest.split_once('"').unwrap();
            let text = rest
                .split_once('>')
                .unwrap()
                .1
                .split("</a>")
                .next()
                .unwrap();
            (id.to_owned(), text.to_owned())
        })
        .collect();
    for (id, _) in &links {
        assert!(
            html.contains(&format!(r#"id="{id}""#)),
            "the link to #{id} leads nowhere"
        );
    }
    links
}

fn has_link(links: &[(String, String)], id: &str, text_start: &str) -> bool {
    links
        .iter()
        .any(|(target, text)| target == id && text.starts_with(text_start))
}

#[tokio::test]
async fn the_project_form_links_each_error_to_its_field() {
    let app = spawn_app().await;
    let (_, staff) = app.signed_in(Role::Moderator).await;
    let html = post_without_js(
        &staff,
        &app.address,
        "projects/save",
        "/projekte/neu",
        &[
            ("title", ""),
            ("slug", "neues-projekt"),
            ("summary", "Kurz."),
            ("description", "Lang."),
            ("phase", "running"),
            ("funding", "viel Geld"),
            ("responsible_body", "Kreis Soest"),
            ("contact", "so-digital@example.org"),
        ],
    )
    .await;
    let links = summary_links(&html);
    assert!(has_link(&links, "title", "Titel: "), "{links:?}");
    assert!(has_link(&links, "funding", "Fördersumme"), "{links:?}");
    let title = links.iter().position(|(id, _)| id == "title").unwrap();
    let funding = links.iter().position(|(id, _)| id == "funding").unwrap();
    assert!(title < funding, "in the form's order");
}

#[tokio::test]
async fn the_workshop_form_links_each_error_to_its_field_questions_too() {
    let app = spawn_app().await;
    let (_, staff) = app.signed_in(Role::Moderator).await;
    let html = post_without_js(
        &staff,
        &app.address,
        "workshops/save",
        "/workshops/neu",
        &[
            ("title", ""),
            ("questions[0][prompt]", "Ihre Branche?"),
            ("questions[0][kind]", "choice"),
            ("questions[0][choices]", ""),
        ],
    )
    .await;
    let links = summary_links(&html);
    assert!(has_link(&links, "title", "Titel"), "{links:?}");
    assert!(has_link(&links, "start_date", "Datum"), "{links:?}");
    assert!(
        has_link(&links, "capacity", "Plätze insgesamt: "),
        "{links:?}"
    );
    // A question row's error has no label in the list: its link carries the message.
    let question = links
        .iter()
        .position(|(id, _)| id == "question_0_choices")
        .unwrap_or_else(|| panic!("a link to the question's choices: {links:?}"));
    assert!(!links[question].1.is_empty());
    assert_eq!(question, links.len() - 1, "after the labelled fields");
}

#[tokio::test]
async fn the_report_form_links_to_the_first_reason_and_the_staff_answer_to_its_fields() {
    let app = spawn_app().await;
    let (_, citizen) = app.signed_in(Role::Citizen).await;
    let created = post_as(
        &citizen,
        &app.address,
        "ideas/create",
        &[
            ("title", "Mehr Bänke am Markt"),
            ("body", "Zum Ausruhen."),
            ("category", "mobilitaet"),
        ],
    )
    .await;
    assert!(created.status().is_success());
    let idea = app.scalar("SELECT MAX(id) FROM ideas").await;

    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let page = format!("/melden/idee-{idea}");
    let html = post_without_js(
        &reporter,
        &app.address,
        "moderation/report",
        &page,
        &[("item", &format!("idee-{idea}"))],
    )
    .await;
    let links = summary_links(&html);
    assert!(links.iter().any(|(id, _)| id == "reason"), "{links:?}");
    assert!(
        html.contains(r#"type="radio" id="reason""#),
        "the group's first choice carries its id"
    );

    let (_, staff) = app.signed_in(Role::Moderator).await;
    let page = format!("/ideen/{idea}");
    let html = post_without_js(
        &staff,
        &app.address,
        "ideas/change-status",
        &page,
        &[("id", &idea.to_string()), ("status", ""), ("answer", "")],
    )
    .await;
    let links = summary_links(&html);
    assert!(has_link(&links, "status", "Neuer Status: "), "{links:?}");
}
