//! A project's picture, or, while it has none, the illustration of its Themenfeld.

use crate::domain::projects::{illustration_src, ProjectImage};
use leptos::prelude::*;

/// `lazy`: for pictures below the first screen (cards), which load as they scroll into view.
#[component]
pub fn ProjectPicture(
    image: Option<ProjectImage>,
    category_slug: Option<String>,
    #[prop(default = false)] lazy: bool,
) -> impl IntoView {
    let loading = lazy.then_some("lazy");
    match image {
        Some(image) => view! {
            <img class="project-picture" src=image.src alt=image.alt
                width=image.width height=image.height loading=loading decoding="async"/>
        }
        .into_any(),
        // Decorative: the card's heading and Themenfeld already say what it shows.
        None => view! {
            <img class="project-picture" src=illustration_src(category_slug.as_deref()) alt=""
                width="320" height="180" loading=loading/>
        }
        .into_any(),
    }
}
