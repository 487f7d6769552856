//! Structured logs with `tracing`; the filter comes from `RUST_LOG`.

use crate::server::config::LogFormat;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. A second call (several apps in one test process) is a
/// no-op.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}
