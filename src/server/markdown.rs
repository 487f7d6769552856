//! Markdown to safe HTML: pulldown-cmark renders, ammonia sanitises. Always on the server,
//! before anything reaches `inner_html`.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// The version of what [`render`] makes. Raise it whenever a change would render some stored
/// text differently: the server then renders every stored text anew at startup
/// (`server::renderings`). 2: no third-party images, safe link schemes, bounded nesting.
pub const RENDERER_VERSION: i64 = 2;

/// Quotes and lists nest at most this deep in the output; deeper levels keep their text but
/// lose their frame. Thousands of nested `>` cost seconds of CPU in the HTML sanitiser
/// (security review: 4.4–5.9 s per request), and no real text nests deeper than a few levels.
pub const MAX_NESTING: usize = 8;

/// Drops the start and end of quote and list levels beyond [`MAX_NESTING`].
struct NestingCap {
    depth: usize,
    /// Per open container: whether its start was dropped (so its end is dropped too).
    dropped: Vec<bool>,
}

impl NestingCap {
    fn new() -> Self {
        NestingCap {
            depth: 0,
            dropped: Vec::new(),
        }
    }

    /// `false` for an event to leave out.
    fn keep(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                self.depth += 1;
                let drop = self.depth > MAX_NESTING;
                self.dropped.push(drop);
                !drop
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                self.depth = self.depth.saturating_sub(1);
                !self.dropped.pop().unwrap_or(false)
            }
            _ => true,
        }
    }
}

/// Renders user or staff markdown. Raw HTML in the source is shown as text, not interpreted;
/// the sanitiser then removes anything unsafe the markdown itself produced
/// (e.g. `javascript:` links). Images from other hosts become links (a visitor's address must
/// not reach a third party just by opening a page); links may be http, https or mailto only,
/// and never protocol-relative. Quotes and lists nest at most [`MAX_NESTING`] deep.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut inside_foreign_image = false;
    let mut nesting = NestingCap::new();
    let events = Parser::new_ext(markdown, options)
        .filter(|event| nesting.keep(event))
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !is_own_path(&dest_url) => {
                inside_foreign_image = true;
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Image) if inside_foreign_image => {
                inside_foreign_image = false;
                Event::End(TagEnd::Link)
            }
            other => other,
        });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !is_own_path(value) => None,
            (_, "href" | "src") if is_protocol_relative(value) => None,
            _ => Some(value.into()),
        })
        .clean(&unsafe_html)
        .to_string()
}

/// A path on this site (`/…`), not another host's address.
fn is_own_path(url: &str) -> bool {
    url.starts_with('/') && !is_protocol_relative(url)
}

/// `//host/…` (also written `/\host`, which browsers read the same): another host.
fn is_protocol_relative(url: &str) -> bool {
    let url = url.trim_start();
    url.starts_with("//") || url.starts_with("/\\") || url.starts_with("\\")
}

/// The rendering stored beside `markdown` when it was written, or a fresh one for rows
/// stored before their table had the column (empty or NULL there: migrations 0005, 0006).
pub fn stored_or_render(stored_html: String, markdown: &str) -> String {
    if stored_html.is_empty() {
        render(markdown)
    } else {
        stored_html
    }
}

/// The first `max_chars` characters of the text a markdown source shows (for list cards),
/// ending with "…" when cut.
pub fn plain_excerpt(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                count += t.chars().count();
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => {
                count += 1;
                text.push(' ')
            }
            _ => {}
        }
        if count > max_chars {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > max_chars {
        let cut: String = text.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_excerpt, render, MAX_NESTING};

    #[test]
    fn deep_quotes_and_lists_are_flattened_below_the_cap_keeping_their_text() {
        let deep_quote = format!("{} innen", ">".repeat(9_999));
        let html = render(&deep_quote);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING, "{html}");
        assert!(html.contains("innen"));
        let deep_list: String = (0..50)
            .map(|level| format!("{}- Ebene {level}\n", "  ".repeat(level)))
            .collect();
        let html = render(&deep_list);
        assert!(
            html.matches("<ul>").count() <= MAX_NESTING / 2 + 1,
            "{html}"
        );
        assert!(html.contains("Ebene 49"));
        // Ordinary nesting is untouched.
        let html = render("> zitat\n>> antwort\n\n- a\n  - b");
        assert_eq!(html.matches("<blockquote>").count(), 2);
        assert_eq!(html.matches("<ul>").count(), 2);
    }

    #[test]
    fn excerpts_are_plain_text() {
        assert_eq!(
            plain_excerpt("# Titel\n\n**fett** und <b>x</b>", 100),
            "Titel fett und <b>x</b>"
        );
        assert_eq!(plain_excerpt("eins zwei drei", 8), "eins zwe…");
    }

    #[test]
    fn images_of_other_hosts_become_links_and_links_keep_to_safe_schemes() {
        let html = render("![Zähler](https://tracker.example/p.gif?u=1)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("href=\"https://tracker.example/p.gif?u=1\""),
            "{html}"
        );
        assert!(html.contains("Zähler"));
        assert!(render("![Plan](/static/plan.png)").contains("<img src=\"/static/plan.png\""));
        assert!(!render("![x](//tracker.example/p.gif)").contains("<img"));
        for hostile in [
            "[a](//evil.example/p)",
            "[a](sms:+49123)",
            "[a](javascript:alert(1))",
        ] {
            assert!(
                !render(hostile).contains("href"),
                "{hostile}: {}",
                render(hostile)
            );
        }
        assert!(render("[a](mailto:stadtlabor@kreis-soest.example)").contains("href=\"mailto:"));
    }

    #[test]
    fn deeply_nested_markdown_is_rendered_without_crashing() {
        let nested = format!("{}x", "> ".repeat(1000));
        let html = render(&nested);
        assert!(html.contains('x'));
        let lists = format!("{}x", "- ".repeat(1000));
        assert!(render(&lists).contains('x'));
    }

    #[test]
    fn formatting_survives() {
        let html = render("# Titel\n\n**fett** und [Link](https://example.org)");
        assert!(html.contains("<h1>Titel</h1>"));
        assert!(html.contains("<strong>fett</strong>"));
        assert!(html.contains(r#"href="https://example.org""#));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("<script>alert(1)</script> <b>x</b>");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn javascript_links_are_removed() {
        let html = render("[klick](javascript:alert(1))");
        assert!(!html.contains("javascript:"), "{html}");
    }
}
