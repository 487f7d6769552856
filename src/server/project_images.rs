//! Project pictures: staff upload one per project on its edit page (a plain multipart form,
//! so it works without JavaScript); it is decoded within fixed limits, turned upright,
//! cropped to 16:9, made at most [`IMAGE_WIDTH`] wide and stored as a fresh JPEG, which
//! drops whatever the file carried besides the picture (a photo's location, the camera).
//! Pages show it under its content hash, which browsers keep for a year.

use crate::domain::accounts::Role;
use crate::domain::projects::{
    parse_image_alt, ALT_FIELD, FILE_FIELD, IMAGE_MAX_BYTES, IMAGE_MAX_MEGABYTES, IMAGE_MAX_SIDE,
};
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::auth::user_of_session_with_role;
use crate::server::db::project_images::{self, NewProjectImage};
use crate::server::db::projects::find_project_id;
use crate::server::db::DbError;
use crate::server::respond::plain_error_response;
use crate::server::state::AppState;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;
use tower_sessions::Session;

pub const UPLOAD_PATH: &str = "/projekte/{slug}/bild";
pub const REMOVE_PATH: &str = "/projekte/{slug}/bild/entfernen";
pub const SERVE_PATH: &str = "/bilder/projekte/{file}";
/// The stored picture's width at most (and 9/16 of it high): sharp in the page's column,
/// about 50–150 KB for a photo.
pub const IMAGE_WIDTH: u32 = 960;
const JPEG_QUALITY: u8 = 78;
/// Who may change a project's picture.
const STAFF: [Role; 2] = [Role::Moderator, Role::Admin];
/// Session key of a refused upload's errors (with the alt text typed), for the edit page.
const REFUSED_KEY: &str = "project_image_refused";

/// A picture ready to store.
#[derive(Debug)]
pub struct PreparedImage {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub hash: String,
}

/// Decodes `bytes` (JPEG, PNG or WebP) within limits that keep a hostile file from taking the
/// server's memory, and makes the stored picture. CPU-bound: runs off the async threads.
pub async fn prepare(bytes: Vec<u8>) -> Result<PreparedImage, ValidationError> {
    tokio::task::spawn_blocking(move || prepare_now(&bytes))
        .await
        .unwrap_or(Err(ValidationError::NotAnImage))
}

fn prepare_now(bytes: &[u8]) -> Result<PreparedImage, ValidationError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| ValidationError::NotAnImage)?;
    if !matches!(
        reader.format(),
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP)
    ) {
        return Err(ValidationError::NotAnImage);
    }
    let mut decoder = reader
        .into_decoder()
        .map_err(|_| ValidationError::NotAnImage)?;
    let (width, height) = decoder.dimensions();
    if width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE {
        return Err(ValidationError::ImageTooLarge {
            max_side: IMAGE_MAX_SIDE,
        });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(IMAGE_MAX_SIDE);
    limits.max_image_height = Some(IMAGE_MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    decoder
        .set_limits(limits)
        .map_err(|_| ValidationError::ImageTooLarge {
            max_side: IMAGE_MAX_SIDE,
        })?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture =
        DynamicImage::from_decoder(decoder).map_err(|_| ValidationError::NotAnImage)?;
    picture.apply_orientation(orientation);
    let picture = crop_to_wide(picture);
    let rgb = picture.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| ValidationError::NotAnImage)?;
    let hash = Sha256::digest(&jpeg)
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(PreparedImage {
        width: rgb.width(),
        height: rgb.height(),
        jpeg,
        hash,
    })
}

/// The middle 16:9 of `picture`, at most [`IMAGE_WIDTH`] wide (a smaller one keeps its size).
fn crop_to_wide(picture: DynamicImage) -> DynamicImage {
    let (width, height) = (picture.width(), picture.height());
    let (crop_w, crop_h) = if u64::from(width) * 9 > u64::from(height) * 16 {
        ((height * 16 / 9).max(1), height)
    } else {
        (width, (width * 9 / 16).max(1))
    };
    let cropped = picture.crop_imm((width - crop_w) / 2, (height - crop_h) / 2, crop_w, crop_h);
    if crop_w > IMAGE_WIDTH {
        cropped.resize_exact(IMAGE_WIDTH, IMAGE_WIDTH * 9 / 16, FilterType::CatmullRom)
    } else {
        cropped
    }
}

/// `POST /projekte/{slug}/bild` (multipart: `image`, `image_alt`), for staff. Back to the
/// edit page either way: with a confirmation, or with the errors kept in the session.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    Path(slug): Path<String>,
    multipart: Multipart,
) -> Response {
    let back = edit_page(&slug);
    match store_upload(&state, &session, &slug, multipart).await {
        Ok(()) => Redirect::to(&format!("{back}?bild=gespeichert#bild")).into_response(),
        Err(AppError::Validation(errors)) => {
            if session.insert(REFUSED_KEY, (&slug, errors)).await.is_err() {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            Redirect::to(&format!("{back}#bild")).into_response()
        }
        Err(error) => plain_error_response(error),
    }
}

async fn store_upload(
    state: &AppState,
    session: &Session,
    slug: &str,
    mut multipart: Multipart,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let staff = user_of_session_with_role(state, session, &STAFF).await?;
    let project_id = find_project_id(&state.db, slug).await?;
    let (mut file, mut alt) = (None, String::new());
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest)?
    {
        match field.name() {
            Some(FILE_FIELD) => {
                // A file input left empty still sends a part, with no name and no bytes.
                let bytes = field.bytes().await.map_err(|_| AppError::BadRequest)?;
                file = (!bytes.is_empty()).then(|| bytes.to_vec());
            }
            Some(ALT_FIELD) => alt = field.text().await.map_err(|_| AppError::BadRequest)?,
            _ => {}
        }
    }
    let mut errors = FieldErrors::new();
    errors.keep(ALT_FIELD, &alt);
    let alt = errors.check(ALT_FIELD, parse_image_alt(&alt));
    let prepared = match file {
        None => {
            errors.add(FILE_FIELD, ValidationError::Required);
            None
        }
        Some(bytes) if bytes.len() > IMAGE_MAX_BYTES => {
            errors.add(
                FILE_FIELD,
                ValidationError::FileTooLarge {
                    max_megabytes: IMAGE_MAX_MEGABYTES,
                },
            );
            None
        }
        Some(bytes) => errors.check(FILE_FIELD, prepare(bytes).await),
    };
    let (Some(alt), Some(prepared), true) = (alt, prepared, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let new = NewProjectImage {
        project_id,
        hash: &prepared.hash,
        alt_text: &alt,
        width: prepared.width,
        height: prepared.height,
        jpeg: &prepared.jpeg,
        uploaded_by: staff.id,
    };
    project_images::put_image(&state.db, &new, now).await?;
    tracing::info!(
        project = slug,
        by = staff.id,
        bytes = prepared.jpeg.len(),
        "project image stored"
    );
    Ok(())
}

/// `POST /projekte/{slug}/bild/entfernen`, for staff: the project shows its illustration again.
pub async fn remove(
    State(state): State<AppState>,
    session: Session,
    Path(slug): Path<String>,
) -> Response {
    let outcome = async {
        user_of_session_with_role(&state, &session, &STAFF).await?;
        let project_id = find_project_id(&state.db, &slug).await?;
        project_images::delete_image(&state.db, project_id).await?;
        Ok::<_, AppError>(())
    }
    .await;
    match outcome {
        Ok(()) => Redirect::to(&format!("{}?bild=entfernt#bild", edit_page(&slug))).into_response(),
        Err(error) => plain_error_response(error),
    }
}

/// `GET /bilder/projekte/{hash}.jpg`: the stored picture. Its address changes with its
/// content, so it may be kept for good.
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(hash) = file.strip_suffix(".jpg") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match project_images::find_jpeg(&state.db, hash).await {
        Ok(jpeg) => (
            [
                (header::CONTENT_TYPE, "image/jpeg".to_owned()),
                (
                    header::CACHE_CONTROL,
                    "public, max-age=31536000, immutable".to_owned(),
                ),
                (header::ETAG, format!("\"{hash}\"")),
            ],
            jpeg,
        )
            .into_response(),
        Err(DbError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %error, "reading a project image failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The errors of this visitor's refused upload for `slug`, once (the edit page asks).
/// Looked at before it is removed: a removal marks the session changed even when there was
/// nothing to remove, and a changed session is written back at the end of the request, which
/// would overwrite what a request running beside this one wrote (a login, say).
pub async fn take_refusal(session: &Session, slug: &str) -> Result<Option<FieldErrors>, AppError> {
    let refused: Option<(String, FieldErrors)> = session
        .get(REFUSED_KEY)
        .await
        .map_err(|_| AppError::Internal)?;
    let Some((for_slug, errors)) = refused else {
        return Ok(None);
    };
    session
        .remove_value(REFUSED_KEY)
        .await
        .map_err(|_| AppError::Internal)?;
    Ok((for_slug == slug).then_some(errors))
}

fn edit_page(slug: &str) -> String {
    format!("/projekte/{slug}/bearbeiten")
}
