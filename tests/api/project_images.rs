//! Project pictures: staff upload one on the project's edit page (multipart, no JavaScript
//! needed); it is cropped to 16:9, made at most 960 px wide, re-encoded (metadata dropped)
//! and served under its content hash for good. Without one, a project shows an illustration.

use crate::helpers::{browser_client, spawn_app, TestApp, BASE_URL};
use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::multipart::{Form, Part};
use stadtlabor::domain::accounts::Role;
use std::io::Cursor;

const PROJECT: &str = "big-bird-westfalen";

fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut bytes = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(picture)
        .write_to(&mut bytes, format)
        .unwrap();
    bytes.into_inner()
}

/// A JPEG carrying an EXIF segment with a (made-up) place where it was taken.
fn photo_with_location(width: u32, height: u32) -> Vec<u8> {
    let jpeg = encoded(width, height, ImageFormat::Jpeg);
    // APP1: "Exif\0\0", a little-endian TIFF header with an empty first directory, then the
    // words a camera's GPS block would carry.
    let mut payload = b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
    payload.extend_from_slice(b"Standort 51.5711N 8.1057E");
    let length = u16::try_from(payload.len() + 2).unwrap();
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&[0xFF, 0xE1]);
    with_exif.extend_from_slice(&length.to_be_bytes());
    with_exif.extend_from_slice(&payload);
    with_exif.extend_from_slice(&jpeg[2..]);
    with_exif
}

/// A file to upload (its bytes and name), or none.
type Upload<'a> = Option<(Vec<u8>, &'a str)>;

async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    slug: &str,
    file: Upload<'_>,
    alt: &str,
) -> reqwest::Response {
    let mut form = Form::new().text("image_alt", alt.to_owned());
    form = match file {
        Some((bytes, name)) => form.part("image", Part::bytes(bytes).file_name(name.to_owned())),
        // What a browser sends for a file input left empty.
        None => form.part("image", Part::bytes(Vec::new()).file_name(String::new())),
    };
    client
        .post(format!("{}/projekte/{slug}/bild", app.address))
        .header("Origin", BASE_URL)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn remove(app: &TestApp, client: &reqwest::Client, slug: &str) -> reqwest::Response {
    client
        .post(format!("{}/projekte/{slug}/bild/entfernen", app.address))
        .header("Origin", BASE_URL)
        .send()
        .await
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The `src` of the project picture on a page.
fn picture_src(html: &str) -> String {
    html.split("<img ")
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .find(|tag| tag.contains(r#"class="project-picture""#))
        .and_then(|tag| tag.strip_prefix(r#"src=""#))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("a project picture: {html}"))
        .to_owned()
}

async fn images(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) FROM project_images").await
}

#[tokio::test]
async fn staff_upload_a_picture_that_is_cropped_resized_stripped_and_kept_for_good() {
    let app = spawn_app().await;
    let (_, staff) = app.signed_in(Role::Moderator).await;
    // Before: the illustration of the project's Themenfeld, decorative.
    let (_, page) = app.page(&format!("/projekte/{PROJECT}")).await;
    assert_eq!(picture_src(&page), "/illustrationen/mobilitaet.svg");
    assert!(page.contains(r#"<img src="/illustrationen/mobilitaet.svg" alt="""#));
    let illustration = app.get("/illustrationen/mobilitaet.svg").await;
    assert_eq!(illustration.status().as_u16(), 200);

    let response = upload(
        &app,
        &staff,
        PROJECT,
        Some((photo_with_location(2000, 1500), "bus.jpg")),
        "Ein Linienbus an der Haltestelle Soest Bahnhof",
    )
    .await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        location(&response),
        format!("/projekte/{PROJECT}/bearbeiten?bild=gespeichert#bild")
    );
    let (_, edit) = app
        .page_as(
            &staff,
            &format!("/projekte/{PROJECT}/bearbeiten?bild=gespeichert"),
        )
        .await;
    assert!(edit.contains("Das Bild wurde gespeichert."));
    assert!(edit.contains("Aktuelles Bild"));

    let (_, page) = app.page(&format!("/projekte/{PROJECT}")).await;
    let src = picture_src(&page);
    assert!(
        src.starts_with("/bilder/projekte/") && src.ends_with(".jpg"),
        "{src}"
    );
    assert!(page.contains(&format!(
        r#"src="{src}" alt="Ein Linienbus an der Haltestelle Soest Bahnhof" width="960" height="540""#
    )));
    let (_, home) = app.page("/").await;
    assert!(
        home.contains(&format!(r#"src="{src}""#)) && home.contains(r#"loading="lazy""#),
        "the card shows it too, loaded as it scrolls into view"
    );

    let served = app.get(&src).await;
    assert_eq!(served.status().as_u16(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(
        served.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let bytes = served.bytes().await.unwrap();
    let stored = image::load_from_memory(&bytes).unwrap();
    assert_eq!((stored.width(), stored.height()), (960, 540));
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        !contains(b"Exif") && !contains(b"Standort"),
        "metadata dropped"
    );

    // A smaller picture is cropped, not enlarged; it replaces the first, whose address ends.
    let response = upload(
        &app,
        &staff,
        PROJECT,
        Some((encoded(64, 64, ImageFormat::Png), "klein.png")),
        "Ein Symbolbild",
    )
    .await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(images(&app).await, 1);
    assert_eq!(app.get(&src).await.status().as_u16(), 404);
    let (_, page) = app.page(&format!("/projekte/{PROJECT}")).await;
    assert!(page.contains(r#"width="64" height="36""#), "{page}");

    // Removed: the illustration again.
    let response = remove(&app, &staff, PROJECT).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        location(&response),
        format!("/projekte/{PROJECT}/bearbeiten?bild=entfernt#bild")
    );
    assert_eq!(images(&app).await, 0);
    let (_, page) = app.page(&format!("/projekte/{PROJECT}")).await;
    assert_eq!(picture_src(&page), "/illustrationen/mobilitaet.svg");
    assert_eq!(
        app.get("/bilder/projekte/0123456789abcdef01234567.jpg")
            .await
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn only_staff_may_upload_or_remove_a_picture() {
    let app = spawn_app().await;
    let picture = || Some((encoded(320, 180, ImageFormat::Png), "bild.png"));
    let anonymous = browser_client();
    assert_eq!(
        upload(&app, &anonymous, PROJECT, picture(), "Text")
            .await
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        remove(&app, &anonymous, PROJECT).await.status().as_u16(),
        401
    );
    for (role, verified, expected) in [
        (Role::Citizen, false, 403),
        (Role::Citizen, true, 403),
        (Role::Business, true, 403),
        (Role::Moderator, true, 303),
        (Role::Admin, true, 303),
    ] {
        let user = app.create_user(role, verified).await;
        let client = app.client_for(&user).await;
        let status = upload(&app, &client, PROJECT, picture(), "Text")
            .await
            .status();
        assert_eq!(status.as_u16(), expected, "upload as {role:?}");
        let stored = images(&app).await;
        assert_eq!(stored, i64::from(expected == 303), "as {role:?}");
        let status = remove(&app, &client, PROJECT).await.status();
        assert_eq!(status.as_u16(), expected, "remove as {role:?}");
        assert_eq!(images(&app).await, 0);
    }
    // A foreign site's form is refused before anything is read.
    let (_, staff) = app.signed_in(Role::Admin).await;
    let foreign = staff
        .post(format!("{}/projekte/{PROJECT}/bild", app.address))
        .header("Origin", "https://evil.example")
        .multipart(Form::new().text("image_alt", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status().as_u16(), 403);
    let unknown = upload(&app, &staff, "gibt-es-nicht", picture(), "Text").await;
    assert_eq!(unknown.status().as_u16(), 404);
}

#[tokio::test]
async fn bad_uploads_are_explained_on_the_edit_page_and_store_nothing() {
    let app = spawn_app().await;
    let (_, staff) = app.signed_in(Role::Moderator).await;
    let edit = format!("/projekte/{PROJECT}/bearbeiten");
    let long_alt = "a".repeat(251);
    let huge = vec![0xAB; 13 * 1024 * 1024];
    let cases: Vec<(Upload, &str, &str, &str)> =
        vec![
        (None, "Ein Bus", "image", "Bilddatei: Bitte füllen Sie dieses Feld aus."),
        (
            Some((b"Kein Bild, nur Text".to_vec(), "notiz.txt")),
            "Ein Bus",
            "image",
            "Bilddatei: Bitte wählen Sie ein Bild im Format JPEG, PNG oder WebP.",
        ),
        (
            Some((encoded(320, 180, ImageFormat::Png), "bild.png")),
            "   ",
            "image_alt",
            "Beschreibung des Bildes (Alternativtext): Bitte füllen Sie dieses Feld aus.",
        ),
        (
            Some((encoded(320, 180, ImageFormat::Png), "bild.png")),
            &long_alt,
            "image_alt",
            "Beschreibung des Bildes (Alternativtext): Bitte geben Sie höchstens 250 Zeichen ein.",
        ),
        // Small as a file, too large as a picture: refused before it is decoded.
        (
            Some((encoded(7000, 4, ImageFormat::Png), "streifen.png")),
            "Ein Streifen",
            "image",
            "Bilddatei: Das Bild ist zu groß: höchstens 6.000 Bildpunkte je Seite.",
        ),
        (
            Some((huge, "riesig.jpg")),
            "Ein Bus",
            "image",
            "Bilddatei: Die Datei ist zu groß: höchstens 12 MB.",
        ),
    ];
    for (file, alt, field, message) in cases {
        let response = upload(&app, &staff, PROJECT, file, alt).await;
        assert_eq!(response.status().as_u16(), 303, "{message}");
        assert_eq!(location(&response), format!("{edit}#bild"));
        let (_, html) = app.page_as(&staff, &edit).await;
        assert!(
            html.contains(&format!(r##"<a href="#{field}">{message}</a>"##)),
            "{message}: {html}"
        );
        assert!(html.contains("<title>Fehler: "));
        let kept = alt.trim();
        if !kept.is_empty() && kept.len() < 100 {
            assert!(
                html.contains(&format!(r#"value="{kept}""#)),
                "the alt text is kept"
            );
        }
        // Shown once: a reload shows the plain form.
        let (_, again) = app.page_as(&staff, &edit).await;
        assert!(!again.contains(message));
        assert_eq!(images(&app).await, 0);
    }

    // Beyond twice the limit the body is refused before it is read.
    let response = upload(
        &app,
        &staff,
        PROJECT,
        Some((vec![0; 25 * 1024 * 1024], "zu-gross.jpg")),
        "Ein Bus",
    )
    .await;
    assert_eq!(response.status().as_u16(), 413);

    // Hostile words in the alt text stay words.
    let response = upload(
        &app,
        &staff,
        PROJECT,
        Some((encoded(320, 180, ImageFormat::WebP), "bild.webp")),
        r#""><script>alert(1)</script>"#,
    )
    .await;
    assert_eq!(response.status().as_u16(), 303);
    let (_, page) = app.page(&format!("/projekte/{PROJECT}")).await;
    assert!(!page.contains("<script>alert(1)"));
    assert!(picture_src(&page).starts_with("/bilder/projekte/"));
}

#[tokio::test]
async fn two_uploads_at_once_leave_one_picture() {
    let app = spawn_app().await;
    let (_, staff) = app.signed_in(Role::Moderator).await;
    let (first, second) = tokio::join!(
        upload(
            &app,
            &staff,
            PROJECT,
            Some((encoded(320, 180, ImageFormat::Png), "a.png")),
            "Erstes Bild",
        ),
        upload(
            &app,
            &staff,
            PROJECT,
            Some((encoded(640, 360, ImageFormat::Jpeg), "b.jpg")),
            "Zweites Bild",
        ),
    );
    assert_eq!(first.status().as_u16(), 303);
    assert_eq!(second.status().as_u16(), 303);
    assert_eq!(images(&app).await, 1);
}
