pub const SIGNED: bool = option_env!("RELEASE_API_TOKEN").is_some();
