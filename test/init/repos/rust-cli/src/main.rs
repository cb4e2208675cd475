mod build_info;
mod secrets;

fn main() {
    let key = secrets::openrouter_key();
    let sentry = std::env::var("SENTRY_AUTH_TOKEN").is_ok();
    println!("configured: {} {} {}", key.is_some(), sentry, build_info::SIGNED);
}
