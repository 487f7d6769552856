//! The binary's behaviour on bad configuration: one clear line, non-zero exit.

use std::process::{Command, Output};

fn stadtlabor(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stadtlabor"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "off")
        .output()
        .expect("run the binary")
}

fn error_line(output: &Output) -> String {
    assert!(!output.status.success(), "must fail");
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr
}

#[test]
fn help_lists_the_subcommands() {
    let output = stadtlabor(&["--help"], "sqlite://unused.db");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "migrate", "seed-demo"] {
        assert!(help.contains(command), "{command} missing in {help}");
    }
}

#[test]
fn a_malformed_database_url_is_named_in_one_line() {
    for url in ["mysql://localhost/x", "kein url", "sqlite:"] {
        let line = error_line(&stadtlabor(&["migrate"], url));
        assert!(line.contains("DATABASE_URL"), "{line}");
    }
}

#[test]
fn an_unreachable_postgres_is_reported_without_its_password() {
    let line = error_line(&stadtlabor(
        &["migrate"],
        "postgres://app:hunter2@127.0.0.1:9/stadtlabor",
    ));
    assert!(line.contains("DATABASE_URL"), "{line}");
    assert!(!line.contains("hunter2"), "{line}");
}

#[test]
fn an_unwritable_sqlite_path_is_reported_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    // A file where the directory should be: creating the database must fail.
    let blocker = locked.join("data");
    std::fs::write(&blocker, "not a directory").unwrap();
    let url = format!("sqlite://{}/stadtlabor.db", blocker.display());
    let line = error_line(&stadtlabor(&["migrate"], &url));
    assert!(line.contains("DATABASE_URL"), "{line}");
    assert_eq!(
        std::fs::read_dir(&locked).unwrap().count(),
        1,
        "nothing new was created"
    );
}

#[test]
fn migrate_and_seed_demo_work_on_a_fresh_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/new/stadtlabor.db", dir.path().display());
    assert!(stadtlabor(&["migrate"], &url).status.success());
    assert!(stadtlabor(&["seed-demo"], &url).status.success());
    assert!(dir.path().join("new/stadtlabor.db").exists());
}
