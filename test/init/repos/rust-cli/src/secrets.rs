// Where the CLI gets its keys.
use std::env;

pub fn openrouter_key() -> Option<String> {
    env::var("OPENROUTER_API_KEY").ok().or_else(|| env::var("OPENROUTER_APIKEY").ok())
}

pub fn anthropic_key() -> Option<String> {
    env::var("ANTHROPIC_API_KEY").ok()
}

pub fn log_filter() -> String {
    env::var("RUST_LOG").unwrap_or_default()
}
