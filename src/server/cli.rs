//! The command line of the one binary: `serve` (default), `migrate`, `seed-demo`.

use crate::server::clock::Clock;
use crate::server::config::Settings;
use crate::server::db::Db;
use crate::server::startup::{shutdown_signal, Application};
use crate::server::{seed, seed_participation, seed_volume, telemetry};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Stadtlabor – Beteiligungsplattform der Digitalen Modellregion Kreis Soest.
///
/// Configuration comes from environment variables (see README): DATABASE_URL selects SQLite
/// (default: sqlite://data/stadtlabor.db) or PostgreSQL (postgres://…).
#[derive(Parser)]
#[command(name = "stadtlabor", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Clone)]
enum Command {
    /// Apply migrations and serve the web application (the default).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the demo content of the model region (safe to run repeatedly): its projects,
    /// workshops and invented participation (people, ideas, comments, supports, answers),
    /// which every page then marks as demo content. With --ideas, generate that many ideas
    /// (with --comments and --votes each) for benchmarks instead of the invented
    /// participation; those are added on every run.
    SeedDemo {
        /// Only projects, categories and workshops, without the invented participation
        /// (what the end-to-end tests start from).
        #[arg(long)]
        empty: bool,
        /// Ideas to generate.
        #[arg(long, default_value_t = 0)]
        ideas: usize,
        /// Comments per generated idea, in threads.
        #[arg(long, default_value_t = 0)]
        comments: usize,
        /// Supports per generated idea (one account each; accounts are created as needed).
        #[arg(long, default_value_t = 0)]
        votes: usize,
        /// Also one idea with this many comments in threads (the idea-page benchmark).
        #[arg(long, default_value_t = 0)]
        long_thread: usize,
    },
    /// Write `.br` and `.gz` beside every built script, WebAssembly and stylesheet, at the
    /// best levels (after `cargo leptos build --release`); the server then sends those.
    Precompress {
        /// The folder of the built files.
        #[arg(default_value = "target/site/pkg")]
        dir: std::path::PathBuf,
    },
    /// Recompute the stored counters (supports and comments per idea, taken places per
    /// workshop) from their rows and report how many were wrong.
    Recount,
    /// Create an administrator account (or make an existing account one). The password is
    /// read from standard input, or asked for without echo on a terminal.
    CreateAdmin {
        /// Email address of the account.
        #[arg(long)]
        email: String,
        /// Display name for a new account.
        #[arg(long, default_value = "Administration")]
        name: String,
    },
}

pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_format);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => connect(&settings).await.map(|_| ()),
        Command::SeedDemo {
            empty,
            ideas,
            comments,
            votes,
            long_thread,
        } => {
            let volume = seed_volume::Volume {
                ideas,
                comments,
                votes,
                long_thread,
            };
            seed_demo(&settings, empty, volume).await
        }
        Command::CreateAdmin { email, name } => create_admin(&settings, &email, &name).await,
        Command::Recount => recount(&settings).await,
        Command::Precompress { dir } => precompress(&dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line with the whole cause chain, naming the setting to fix.
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn connect(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::open(&settings.database_url, settings.db_max_connections).await?;
    tracing::info!(database = ?settings.database_url, "database is up to date");
    Ok(db)
}

async fn recount(settings: &Settings) -> anyhow::Result<()> {
    let db = connect(settings).await?;
    let fixed = crate::server::db::counters::recount(&db).await?;
    // One line for the operator (and a script): what was wrong and is now right.
    println!(
        "recounted: {} ideas and {} workshops had a wrong counter and were corrected",
        fixed.ideas, fixed.workshops
    );
    Ok(())
}

fn precompress(dir: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context;
    let done = crate::server::precompress::precompress_dir(dir)
        .with_context(|| format!("compressing the files in {}", dir.display()))?;
    for file in &done {
        println!(
            "{}: {} bytes, brotli {} bytes, gzip {} bytes",
            file.path.display(),
            file.original,
            file.brotli,
            file.gzip
        );
    }
    Ok(())
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(settings, Clock::system()).await?;
    app.run_until_stopped(shutdown_signal()).await?;
    Ok(())
}

async fn seed_demo(
    settings: &Settings,
    empty: bool,
    volume: seed_volume::Volume,
) -> anyhow::Result<()> {
    let db = connect(settings).await?;
    let now = chrono::Utc::now();
    seed::seed_demo(&db, now).await?;
    let generate = volume.ideas > 0 || volume.long_thread > 0;
    if !empty && !generate {
        let added = seed_participation::seed_participation(&db, now).await?;
        println!(
            "demo participation: {} people, {} ideas, {} comments, {} supports added",
            added.people, added.ideas, added.comments, added.supports
        );
    }
    if generate {
        let generated = seed_volume::seed_volume(&db, volume, now).await?;
        // One line a script can read: the generated ids and the accounts' password.
        println!(
            "generated ideas {}..={}, long discussion {}, {} accounts (password: {})",
            generated.first_idea_id.unwrap_or_default(),
            generated.last_idea_id.unwrap_or_default(),
            generated.long_thread_idea_id.unwrap_or_default(),
            generated.users,
            seed_volume::BENCH_PASSWORD
        );
    }
    db.close().await;
    Ok(())
}

/// The password for `create-admin`: prompted without echo on a terminal, else one line of
/// standard input (for scripts).
fn read_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    let password = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Passwort (mindestens 10 Zeichen): ")?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Ok(password)
}

async fn create_admin(settings: &Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let db = connect(settings).await?;
    // An existing account is only promoted: no password needed.
    let existing = match crate::domain::accounts::Email::parse(email) {
        Ok(parsed) => crate::server::db::users::find_user_by_email(&db, &parsed).await?,
        Err(_) => None,
    };
    let password = if existing.is_some() {
        String::new()
    } else {
        read_password()?
    };
    let created =
        crate::server::accounts::create_admin(&db, email, name, &password, chrono::Utc::now())
            .await?;
    if created {
        println!("Administrator {email} angelegt.");
    } else {
        println!("{email} ist jetzt Administrator.");
    }
    db.close().await;
    Ok(())
}
