//! Markdown to safe HTML: pulldown-cmark renders, ammonia sanitises. Always on the server,
//! before anything reaches `inner_html`.

use pulldown_cmark::{html, Event, Options, Parser};

/// Renders user or staff markdown. Raw HTML in the source is shown as text, not interpreted;
/// the sanitiser then removes anything unsafe the markdown itself produced
/// (e.g. `javascript:` links).
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
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
    use super::{plain_excerpt, render};

    #[test]
    fn excerpts_are_plain_text() {
        assert_eq!(
            plain_excerpt("# Titel\n\n**fett** und <b>x</b>", 100),
            "Titel fett und <b>x</b>"
        );
        assert_eq!(plain_excerpt("eins zwei drei", 8), "eins zwe…");
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
