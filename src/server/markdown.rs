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

#[cfg(test)]
mod tests {
    use super::render;

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
