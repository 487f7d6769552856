//! Rules for paths the site redirects to.

/// A path on this site: absolute, not protocol-relative, no backslashes or control chars.
/// Anything else could turn a return-to parameter into an open redirect.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

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
