// The Rust resolver: the only Rust code allowed to read secrets from the environment.
pub struct SecretString(String);

impl SecretString {
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

pub fn resolve_secret(name: &str) -> Result<SecretString, std::env::VarError> {
    std::env::var(name).map(SecretString)
}
