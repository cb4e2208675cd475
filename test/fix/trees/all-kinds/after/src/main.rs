fn main() {
    let key = std::env::var("OPENROUTER_API_KEY").unwrap_or_default();
    println!("{}", key.len());
}
