#![forbid(unsafe_code)]

use std::process::ExitCode;

/// Server-side rendering allocates and frees many small strings per request; mimalloc does
/// that markedly faster than glibc's allocator (bench/run.sh, see the notes of issue 4).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    stadtlabor::server::cli::run().await
}
