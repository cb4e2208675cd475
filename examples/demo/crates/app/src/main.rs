mod secrets;

use secrets::{resolve_secret, SecretString};
use std::env;

const STRIPE: &str = concat!("STRIPE", "_SECRET_KEY");

#[derive(Debug)]
struct Provider {
    name: String,
    key: SecretString,
}

fn main() {
    let stripe = env::var(STRIPE).unwrap_or_default();
    let key = resolve_secret("ANTHROPIC_API_KEY").expect("anthropic key");
    println!("using key {}", key.expose_secret());
    let built_in = env!("GITHUB_TOKEN");
    let _ = (stripe, built_in);
}
