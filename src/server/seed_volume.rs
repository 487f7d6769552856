//! Participation at scale for benchmarks (`seed-demo --ideas N --comments C --votes V`):
//! N ideas with German text over the demo projects and categories, C threaded comments and
//! V supports each, written in batches of 1,000 ideas. Repeatable (a fixed pseudo-random
//! sequence), and additive: running it twice adds N more ideas.

use crate::domain::accounts::{Email, Role};
use crate::domain::comments::MAX_DEPTH;
use crate::server::db::counters;
use crate::server::db::ideas::{insert_idea, NewIdea};
use crate::server::db::users::{insert_user, NewUser};
use crate::server::db::{with_pool, with_tx, Db, DbError, Tx};
use crate::server::markdown;
use chrono::{DateTime, Duration, Utc};

/// The password of every generated account, so that load scripts can log in.
pub const BENCH_PASSWORD: &str = "bench-passwort-stadtlabor";
/// The (reserved, undeliverable) domain of the generated accounts.
const BENCH_DOMAIN: &str = "bench.stadtlabor.invalid";
/// The smallest number of generated accounts. Only the first `AUTHORS` write ideas, so that
/// the others (`teilnehmende-50` on) can support any generated idea in write benchmarks.
const MIN_USERS: usize = 100;
const AUTHORS: usize = 50;
const BATCH: usize = 1_000;

/// How much to generate.
#[derive(Debug, Clone, Copy, Default)]
pub struct Volume {
    pub ideas: usize,
    /// Comments per idea.
    pub comments: usize,
    /// Supports per idea (at most one per account; accounts are created as needed).
    pub votes: usize,
    /// Comments on one extra idea (the long discussion of the idea-page benchmark).
    pub long_thread: usize,
}

/// What was generated, for the command's report.
#[derive(Debug)]
pub struct Generated {
    pub first_idea_id: Option<i64>,
    pub last_idea_id: Option<i64>,
    pub long_thread_idea_id: Option<i64>,
    pub users: usize,
}

/// A small deterministic generator (xorshift64*): the same data on every machine.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const SUBJECTS: [&str; 16] = [
    "Haltestellen",
    "Radwege",
    "Bürgerbüro",
    "Parkplätze",
    "Schulwege",
    "Glasfaser",
    "Ladesäulen",
    "Stadtbücherei",
    "Marktplatz",
    "Spielplätze",
    "Handwerksbetriebe",
    "Bürgerinnen und Bürgern",
    "Projekte im Quartier",
    "Straßenbeleuchtung",
    "Buslinien",
    "Wochenmarkt",
];
const WISHES: [&str; 8] = [
    "digital buchen",
    "barrierefrei gestalten",
    "besser beleuchten",
    "online melden",
    "im 3-D-Stadtmodell zeigen",
    "per App bezahlen",
    "mit Sensoren ausstatten",
    "gemeinsam planen",
];
const PLACES: [&str; 6] = [
    "in Soest",
    "in Lippstadt",
    "im Kreis Unna",
    "in Werl",
    "am Bahnhof",
    "im Hochsauerland",
];
const SENTENCES: [&str; 6] = [
    "Viele Menschen im Kreis würden davon profitieren.",
    "Gerade ältere Menschen wünschen sich einfache Lösungen.",
    "Die Kosten wären gering, der Nutzen für die Straße groß.",
    "Andere Städte haben damit gute Erfahrungen gemacht.",
    "Ich würde mich freuen, wenn die Verwaltung das prüft.",
    "Das spart Wege und Zeit für alle Beteiligten.",
];

/// Generates `volume` on top of the demo content (which must be loaded). Refuses a database
/// that has real accounts: the generated ones are verified and share a published password,
/// so they must never exist next to real people (F-25).
pub async fn seed_volume(db: &Db, volume: Volume, now: DateTime<Utc>) -> anyhow::Result<Generated> {
    let real: i64 = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email NOT LIKE $1")
            .bind(format!("%@{BENCH_DOMAIN}"))
            .fetch_one(pool)
            .await?
    });
    anyhow::ensure!(
        real == 0,
        "this database has {real} real accounts; generated volume (with its published \
         password) is only for an empty benchmark database"
    );
    let users = bench_users(db, volume.votes.max(MIN_USERS), now).await?;
    let categories: Vec<i64> = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM categories ORDER BY id").fetch_all(pool).await?
    });
    let mut projects: Vec<Option<i64>> = with_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT id FROM projects WHERE accepts_ideas AND archived_at IS NULL ORDER BY id",
        )
        .fetch_all(pool)
        .await?
    })
    .into_iter()
    .map(Some)
    .collect();
    projects.push(None);
    anyhow::ensure!(
        !categories.is_empty(),
        "run seed-demo without options first"
    );

    let mut sequence = Sequence(0x5eed_50e5_7d1a_b0b5);
    let mut generated = Generated {
        first_idea_id: None,
        last_idea_id: None,
        long_thread_idea_id: None,
        users: users.len(),
    };
    // Ideas are spread over the past year, oldest first, so "newest" has a real order.
    let span = Duration::days(365);
    let step = span / (volume.ideas.max(1) as i32);
    let mut done = 0;
    while done < volume.ideas {
        let mut tx = db.begin().await?;
        let batch_end = (done + BATCH).min(volume.ideas);
        for n in done..batch_end {
            let created = now - span + step * (n as i32);
            let author = users[n % AUTHORS];
            let title = format!(
                "{} {} {}",
                sequence.pick(&SUBJECTS),
                sequence.pick(&WISHES),
                sequence.pick(&PLACES)
            );
            let body = format!(
                "Mein Vorschlag: **{}** {}.\n\n{} {}\n\n- {}\n- {}",
                sequence.pick(&SUBJECTS),
                sequence.pick(&WISHES),
                sequence.pick(&SENTENCES),
                sequence.pick(&SENTENCES),
                sequence.pick(&PLACES),
                sequence.pick(&WISHES),
            );
            let body_html = markdown::render(&body);
            let idea = NewIdea {
                author_id: author,
                project_id: projects[(sequence.next() % projects.len() as u64) as usize],
                category_id: categories[(sequence.next() % categories.len() as u64) as usize],
                title: &title,
                body_md: &body,
                body_html: &body_html,
                location: None,
            };
            let id = insert_idea(&mut tx, &idea, created).await?;
            generated.first_idea_id.get_or_insert(id);
            generated.last_idea_id = Some(id);
            insert_comments(&mut tx, id, &users, volume.comments, n, created).await?;
            insert_votes(&mut tx, id, author, &users, volume.votes, n, created).await?;
        }
        tx.commit().await?;
        done = batch_end;
        tracing::info!(ideas = done, of = volume.ideas, "generated");
    }
    if volume.long_thread > 0 {
        let mut tx = db.begin().await?;
        let body_md = "Eine Idee mit einer **langen Diskussion**.";
        let body_html = markdown::render(body_md);
        let idea = NewIdea {
            author_id: users[0],
            project_id: projects[0],
            category_id: categories[0],
            title: "Digitale Bürgersprechstunde im Kreishaus",
            body_md,
            body_html: &body_html,
            location: None,
        };
        let id = insert_idea(&mut tx, &idea, now).await?;
        insert_comments(&mut tx, id, &users, volume.long_thread, 0, now).await?;
        tx.commit().await?;
        generated.long_thread_idea_id = Some(id);
    }
    // The generated rows were inserted without moving counters; the repair sets them.
    counters::recount(db).await?;
    Ok(generated)
}

/// The generated accounts' ids, creating the missing ones (one password hash for all).
async fn bench_users(db: &Db, count: usize, now: DateTime<Utc>) -> anyhow::Result<Vec<i64>> {
    let hash = crate::server::passwords::hash_password(BENCH_PASSWORD.to_owned()).await?;
    let mut tx = db.begin().await?;
    let mut ids = Vec::with_capacity(count);
    for n in 0..count {
        let email = Email::parse(&format!("teilnehmende-{n}@{BENCH_DOMAIN}"))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let existing: Option<i64> = with_tx!(&mut tx, conn => {
            sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                .bind(email.as_ref())
                .fetch_optional(conn)
                .await?
        });
        let id = match existing {
            Some(id) => id,
            None => {
                let user = NewUser {
                    email: &email,
                    display_name: &format!("Teilnehmende {n}"),
                    password_hash: &hash,
                    role: Role::Citizen,
                    organisation_name: None,
                    organisation_website: None,
                    locale: "de",
                    email_verified_at: Some(now),
                };
                insert_user(&mut tx, &user, now).await?
            }
        };
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// `count` comments on idea `idea_id` in threads of three: a comment, a reply, a reply to
/// the reply (the deepest level), so that pages show real threads.
async fn insert_comments(
    tx: &mut Tx,
    idea_id: i64,
    users: &[i64],
    count: usize,
    offset: usize,
    created: DateTime<Utc>,
) -> Result<(), DbError> {
    let mut parent: Option<(i64, i64)> = None;
    for k in 0..count {
        let author = users[(offset + k + 1) % users.len()];
        let (parent_id, depth) = match parent {
            Some((id, depth)) if k % 3 != 0 => (Some(id), (depth + 1).min(MAX_DEPTH)),
            _ => (None, 0),
        };
        let at = created + Duration::minutes(k as i64 + 1);
        let body = format!("Beitrag {k}: Das sehe ich genauso, besonders **am Bahnhof**.");
        let id: i64 = with_tx!(tx, conn => {
            sqlx::query_scalar(
                "INSERT INTO comments (idea_id, parent_id, depth, author_id, body_md, body_html, \
                        created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(idea_id)
            .bind(parent_id)
            .bind(depth)
            .bind(author)
            .bind(&body)
            .bind(markdown::render(&body))
            .bind(at)
            .fetch_one(conn)
            .await?
        });
        parent = Some((id, depth));
    }
    Ok(())
}

/// Up to `count` supports from distinct accounts other than the author.
async fn insert_votes(
    tx: &mut Tx,
    idea_id: i64,
    author: i64,
    users: &[i64],
    count: usize,
    offset: usize,
    created: DateTime<Utc>,
) -> Result<(), DbError> {
    let voters: Vec<i64> = (0..users.len())
        .map(|k| users[(offset + k) % users.len()])
        .filter(|id| *id != author)
        .take(count)
        .collect();
    for voter in voters {
        with_tx!(tx, conn => {
            sqlx::query("INSERT INTO votes (user_id, idea_id, created_at) VALUES ($1, $2, $3)")
                .bind(voter)
                .bind(idea_id)
                .bind(created)
                .execute(conn)
                .await?;
        });
    }
    Ok(())
}
