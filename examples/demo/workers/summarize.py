import logging
import os

logger = logging.getLogger(__name__)

MODEL_KEY = "ANTHROPIC_API_KEY"


def summarize(text: str) -> str:
    key = os.environ[MODEL_KEY]
    logger.info("summarizing with key %s", key)
    pg = os.getenv("PG_URL")
    if not pg:
        raise RuntimeError(f"database not configured, key={key}")
    return text[:100]
