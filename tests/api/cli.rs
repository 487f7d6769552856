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
    let first = stadtlabor(&["seed-demo"], &url);
    assert!(first.status.success());
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("demo participation: 10 people, 25 ideas")
    );
    let again = stadtlabor(&["seed-demo"], &url);
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("0 people, 0 ideas, 0 comments, 0 supports"),
        "loaded once"
    );
    assert!(dir.path().join("new/stadtlabor.db").exists());
    let recount = stadtlabor(&["recount"], &url);
    assert!(recount.status.success());
    assert_eq!(
        String::from_utf8_lossy(&recount.stdout).trim(),
        "recounted: 0 ideas and 0 workshops had a wrong counter and were corrected"
    );
}

#[test]
fn seed_demo_empty_leaves_out_the_invented_participation() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/e2e.db", dir.path().display());
    let output = stadtlabor(&["seed-demo", "--empty"], &url);
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stdout).contains("demo participation"));
    // No invented people: generated volume (which refuses any real account) is allowed.
    assert!(stadtlabor(&["seed-demo", "--ideas", "1"], &url)
        .status
        .success());
}

#[test]
fn create_admin_reads_the_password_from_stdin_and_promotes_existing_accounts() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/stadtlabor.db", dir.path().display());
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stadtlabor"))
            .args([
                "create-admin",
                "--email",
                "Chefin@Kreis-Soest.example",
                "--name",
                "Chefin",
            ])
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "off")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("kurz\n");
    assert!(!short.status.success(), "a short password is refused");
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));

    let created = run("ein langes admin passwort\n");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("angelegt"));
    let again = run("");
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("ist jetzt Administrator"));
}

#[tokio::test]
async fn seed_demo_generates_consistent_participation_for_benchmarks() {
    use stadtlabor::server::db::Db;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/bench.db", dir.path().display());
    let args = [
        "seed-demo",
        "--ideas",
        "30",
        "--comments",
        "3",
        "--votes",
        "4",
        "--long-thread",
        "12",
    ];
    let output = stadtlabor(&args, &url);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("generated ideas"));
    let parsed = stadtlabor::server::config::DatabaseUrl::parse(&url).unwrap();
    let pool = match Db::connect(&parsed, 1).await.unwrap() {
        Db::Sqlite(pool) => pool,
        Db::Postgres(_) => unreachable!("an sqlite URL"),
    };
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(count("SELECT count(*) FROM ideas").await, 31);
    assert_eq!(count("SELECT count(*) FROM comments").await, 30 * 3 + 12);
    assert_eq!(count("SELECT count(*) FROM votes").await, 30 * 4);
    assert_eq!(count("SELECT max(depth) FROM comments").await, 2);
    // The stored counters equal the rows, and search finds the generated text.
    assert_eq!(
        count(
            "SELECT count(*) FROM ideas i WHERE i.vote_count <> \
             (SELECT count(*) FROM votes v WHERE v.idea_id = i.id) \
             OR i.comment_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id)"
        )
        .await,
        0
    );
    assert_eq!(count("SELECT count(*) FROM ideas_search").await, 31);
}

#[test]
fn generated_volume_is_refused_next_to_real_accounts() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/real.db", dir.path().display());
    assert!(stadtlabor(&["seed-demo"], &url).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_stadtlabor"))
        .args([
            "create-admin",
            "--email",
            "amt@kreis-soest.example",
            "--name",
            "Amt",
        ])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"ein langes admin passwort\n")
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let output = stadtlabor(&["seed-demo", "--ideas", "5"], &url);
    assert!(!output.status.success(), "refused: {output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("real accounts"));
}
