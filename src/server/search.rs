//! German full-text search helpers. PostgreSQL stems with its `german` configuration; SQLite
//! has no German stemmer, so its FTS5 index holds words stemmed here with the same Snowball
//! algorithm. Highlighting is done here for both engines, on escaped text.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::LazyLock;

static GERMAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

/// The words of `text`: runs of letters and digits, lower-cased. Everything else (quotes,
/// `*`, `:`, parentheses) separates words, so search input can never be FTS syntax.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The stem of one lower-cased word ("Bürgern" → "burg", "Projekte" → "projekt").
pub fn stem(word: &str) -> String {
    GERMAN.stem(word).into_owned()
}

/// The stemmed words of `text`, space separated: what SQLite's search index stores.
pub fn stemmed_text(text: &str) -> String {
    words(text).map(|w| stem(&w)).collect::<Vec<_>>().join(" ")
}

/// The distinct stems of a search query, at most 12 (longer queries add nothing useful).
pub fn query_stems(query: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    words(query)
        .map(|w| stem(&w))
        .filter(|s| seen.insert(s.clone()))
        .take(12)
        .collect()
}

/// An FTS5 query matching every stem: each one quoted, so that `OR`, `NEAR` or `*` in the
/// user's input are ordinary words.
pub fn fts5_query(stems: &[String]) -> String {
    stems
        .iter()
        .map(|s| format!("\"{}\"", s.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `text` escaped for HTML, with the words whose stem is in `stems` wrapped in `<mark>`.
pub fn highlight(text: &str, stems: &[String]) -> String {
    if stems.is_empty() {
        return escape(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if stems.contains(&stem(&word.to_lowercase())) {
            out.push_str("<mark>");
            out.push_str(&escape(word));
            out.push_str("</mark>");
        } else {
            out.push_str(&escape(word));
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push_str(&escape(&c.to_string()));
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_german_words_share_a_stem() {
        assert_eq!(stem("bürger"), stem("bürgern"));
        assert_eq!(stem("projekte"), stem("projekt"));
        assert_eq!(stem("straße"), stem("strasse"));
    }

    #[test]
    fn query_syntax_is_reduced_to_quoted_words() {
        let stems = query_stems("\"Bus\" OR * NEAR(x: y) -- ;");
        assert_eq!(fts5_query(&stems), "\"bus\" \"or\" \"near\" \"x\" \"y\"");
        assert!(query_stems("* : \" ()").is_empty());
    }

    #[test]
    fn matches_are_marked_and_everything_else_escaped() {
        let stems = query_stems("Bürger");
        assert_eq!(
            highlight("Mehr <Bürgern> helfen", &stems),
            "Mehr &lt;<mark>Bürgern</mark>&gt; helfen"
        );
    }
}
