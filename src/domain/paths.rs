//! Rules for paths the site redirects to.

/// A path on this site: absolute, not protocol-relative, no backslashes or control chars.
/// Anything else could turn a return-to parameter into an open redirect.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

/// Percent-encodes a path for use as a query value.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `target` with the return path `weiter` added as its `weiter` parameter, so login,
/// registration and the verification link lead back to where the person started; a
/// missing or non-local `weiter` leaves `target` as it is.
pub fn with_return_path(target: &str, weiter: Option<&str>) -> String {
    match weiter.filter(|path| is_local_path(path)) {
        Some(path) => {
            let separator = if target.contains('?') { '&' } else { '?' };
            format!("{target}{separator}weiter={}", encode_query_value(path))
        }
        None => target.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{encode_query_value, is_local_path, with_return_path};

    #[test]
    fn return_paths_are_encoded() {
        assert_eq!(
            encode_query_value("/projekte?a=b&c"),
            "/projekte%3Fa%3Db%26c"
        );
        assert_eq!(encode_query_value("/ü"), "/%C3%BC");
    }

    #[test]
    fn a_return_path_is_added_only_when_it_is_local() {
        let back = Some("/ideen/neu?projekt=big-bird-westfalen");
        assert_eq!(
            with_return_path("/registrieren", back),
            "/registrieren?weiter=/ideen/neu%3Fprojekt%3Dbig-bird-westfalen"
        );
        assert_eq!(
            with_return_path("https://x.example/konto/bestaetigen?token=abc", back),
            "https://x.example/konto/bestaetigen?token=abc&weiter=/ideen/neu%3Fprojekt%3Dbig-bird-westfalen"
        );
        for bad in [None, Some("https://evil.example"), Some("//evil.example")] {
            assert_eq!(with_return_path("/registrieren", bad), "/registrieren");
        }
    }

    #[test]
    fn only_local_paths_are_return_targets() {
        assert!(is_local_path("/projekte/big-bird-westfalen?x=1"));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "projekte",
            "/a\nb",
        ] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }
}
