//! The discussion on the idea page: threads of comments, each with a permalink, and the
//! forms to comment, reply, edit and delete (plain posts; `<details>` opens a form without
//! JavaScript).

use crate::api::participation::{CreateComment, DeleteComment, UpdateComment};
use crate::components::author_name::AuthorName;
use crate::components::feedback::{done_here, use_done};
use crate::components::form::{action_error, FieldIds, FormAlert, TextArea};
use crate::domain::comments::{CommentNode, Discussion, COMMENT_MAX_CHARS};
use crate::domain::content::ContentRef;
use crate::domain::feedback::Done;
use crate::i18n::{use_texts, Texts};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn DiscussionSection(idea_id: i64, discussion: Discussion) -> impl IntoView {
    let t = use_texts();
    let open = discussion.closed.is_none();
    let may_write = open && discussion.viewer_may_comment;
    let status = match discussion.closed {
        Some(reason) => Some(t.closed_reason(reason)),
        None if !discussion.viewer_signed_in => Some(t.comment_login_hint),
        None if !discussion.viewer_may_comment => Some(t.comment_verify_hint),
        None => None,
    };
    let threads = discussion.threads;
    let done = use_done();
    view! {
        <section id="kommentare" class="discussion" aria-labelledby="discussion-title">
            <h2 id="discussion-title">
                {t.discussion_title}" ("{(t.comment_count)(discussion.count as i64)}")"
            </h2>
            {status.map(|note| view! { <p class="notice">{note}</p> })}
            {may_write.then(|| view! { <CommentForm idea_id parent_id=None/> })}
            {if threads.is_empty() {
                view! { <p>{t.discussion_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="comments">
                        {threads.into_iter().map(|node| comment_item(t, node, idea_id, may_write, done)).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// One comment with its replies (recursive, hence a function returning a type-erased view).
fn comment_item(
    t: &'static Texts,
    node: CommentNode,
    idea_id: i64,
    may_write: bool,
    done: Memo<Option<Done>>,
) -> AnyView {
    let comment = node.comment;
    let id = comment.id;
    let anchor = format!("kommentar-{}", comment.id);
    let author = comment.author;
    let edited = comment
        .edited_at
        .filter(|_| comment.body_html.is_some())
        .map(|at| view! { " · "<span class="badge badge-muted">{t.comment_edited}" "{t.day_of(at)}</span> });
    let deleted = comment.body_html.is_none();
    // `Either`, not `into_any`: a long discussion would box two views per comment.
    let body = match comment.body_html {
        // Rendered from markdown and sanitised on the server (server::markdown).
        Some(html) => Either::Left(view! { <div class="prose" inner_html=html></div> }),
        None => {
            let placeholder = if comment.hidden {
                t.comment_hidden
            } else {
                t.comment_deleted
            };
            Either::Right(view! { <p class="deleted">{placeholder}</p> })
        }
    };
    let own_actions = comment
        .body_md
        .clone()
        .filter(|_| may_write && comment.viewer_is_author)
        .map(|body_md| view! { <OwnCommentActions id=comment.id body_md/> });
    let awaiting = comment
        .awaiting_approval
        .then(|| view! { " · "<span class="badge badge-warning">{t.moderation.held_badge}</span> });
    let reply = (may_write && !deleted && !comment.awaiting_approval).then(|| {
        view! {
            <details class="comment-action">
                <summary>{t.reply_summary}</summary>
                <CommentForm idea_id parent_id=Some(comment.id)/>
            </details>
        }
    });
    // Anyone may report another's visible comment; a visitor is led to log in first.
    let report = (!deleted && !comment.viewer_is_author).then(|| {
        let href = format!("/melden/{}", ContentRef::Comment(comment.id).param());
        let whose = format!(" ({})", author.name);
        view! {
            " · "<a class="report-link" href=href>
                {t.moderation.report_link}<span class="visually-hidden">{whose}</span>
            </a>
        }
    });
    let replies = (!node.replies.is_empty()).then(|| {
        view! {
            <ol class="comments replies" aria-label=t.replies_label>
                {node.replies.into_iter().map(|r| comment_item(t, r, idea_id, may_write, done)).collect_view()}
            </ol>
        }
    });
    view! {
        // Focusable by script only: the page lands here after an action on the comment.
        <li id=anchor.clone() class="comment" tabindex="-1">
            <article class="comment-body">
                {done_here(done, move |d| d.comment_id() == Some(id))}
                <p class="meta">
                    <AuthorName author/>
                    " · "
                    <a href=format!("#{anchor}") title=t.comment_permalink>{t.day_of(comment.created_at)}</a>
                    {edited}
                    {awaiting}
                    {report}
                </p>
                {body}
                {reply}
                {own_actions}
            </article>
            {replies}
        </li>
    }
    .into_any()
}

/// A new comment, or a reply below `parent_id`.
#[component]
fn CommentForm(idea_id: i64, parent_id: Option<i64>) -> impl IntoView {
    let t = use_texts();
    let create = ServerAction::<CreateComment>::new();
    let error = action_error(create.value());
    let (id, label, submit) = match parent_id {
        Some(parent) => (format!("antwort-{parent}"), t.field_reply, t.reply_submit),
        None => (
            "kommentar-neu".to_owned(),
            t.field_comment,
            t.comment_submit,
        ),
    };
    view! {
        <FormAlert error ids=FieldIds::Only(id.clone())/>
        <ActionForm action=create attr:class="form comment-form" attr:novalidate=true>
            <input type="hidden" name="idea_id" value=idea_id/>
            {parent_id.map(|p| view! { <input type="hidden" name="parent_id" value=p/> })}
            <TextArea name="body" id label hint=t.field_body_hint maxlength=COMMENT_MAX_CHARS rows=4 error/>
            <button type="submit" class="button">{submit}</button>
        </ActionForm>
    }
}

/// Edit and delete, for the comment's author.
#[component]
fn OwnCommentActions(id: i64, body_md: String) -> impl IntoView {
    let t = use_texts();
    let update = ServerAction::<UpdateComment>::new();
    let delete = ServerAction::<DeleteComment>::new();
    let update_error = action_error(update.value());
    let delete_error = action_error(delete.value());
    view! {
        <details class="comment-action">
            <summary>{t.comment_edit_summary}</summary>
            <FormAlert error=update_error ids=FieldIds::Only(format!("bearbeiten-{id}"))/>
            <ActionForm action=update attr:class="form comment-form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <TextArea name="body" id=format!("bearbeiten-{id}") label=t.field_comment
                    maxlength=COMMENT_MAX_CHARS rows=4 initial=body_md error=update_error/>
                <button type="submit" class="button">{t.comment_save}</button>
            </ActionForm>
        </details>
        <FormAlert error=delete_error/>
        // Asked once more inside the disclosure: deleting cannot be undone.
        <details class="comment-action confirm-action">
            <summary>{t.comment_delete}</summary>
            <ActionForm action=delete attr:class="form">
                <input type="hidden" name="id" value=id/>
                <p><strong>{t.comment_delete_confirm}</strong></p>
                <button type="submit" class="button button-danger button-small">{t.comment_delete_confirm_submit}</button>
            </ActionForm>
        </details>
    }
}
