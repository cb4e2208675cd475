"""Settings, read once from the environment."""
import os

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
DB_PASSWORD = os.getenv("DB_PASSWORD") or os.getenv("DB_PASS")
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379")
