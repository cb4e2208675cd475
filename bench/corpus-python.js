// Generates a Python corpus for benchmarks: a resolver package, ~5% of modules reading or leaking
// secrets (env reads, pydantic settings, logging/print/prompt leaks through helpers), the rest
// ordinary code. Deterministic: the same options give the same files.
import fs from 'node:fs';
import path from 'node:path';

const RESOLVER = `import os


def resolve_secret(secret_id: str) -> str:
    return os.environ[secret_id]


def redact(value: str) -> str:
    return value[:2] + "..."
`;

const SECRET_NAMES = ['OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'OPENROUTER_KEY'];

function ordinaryModule(index) {
  return `"""Ordinary module ${index}."""
from dataclasses import dataclass, field
import logging

logger = logging.getLogger(__name__)


@dataclass
class Item${index}:
    id: int
    name: str
    tags: list[str] = field(default_factory=list)


class Service${index}:
    def __init__(self) -> None:
        self.items: list[Item${index}] = []

    def add(self, item: Item${index}) -> None:
        self.items.append(item)

    def total(self) -> int:
        return sum(item.id for item in self.items if item.id % 2 == 0)

    def describe(self) -> str:
        lines = [f"{item.name}: {','.join(item.tags)}" for item in self.items]
        logger.info("described %d items", len(lines))
        return "\\n".join(lines)


def helper_${index}(values: dict[str, int]) -> int:
    total = 0
    for key, value in sorted(values.items()):
        if key.startswith("x") and value > ${index % 7}:
            total += value
    return total
`;
}

function secretModule(index) {
  const name = SECRET_NAMES[index % SECRET_NAMES.length];
  return `import json
import logging
import os

from pydantic_settings import BaseSettings

from app.secrets.resolver import redact, resolve_secret

KEY = "${name}"
logger = logging.getLogger(__name__)


class Settings${index}(BaseSettings):
    github_token: str
    timeout: int = 30


def bearer(value: str) -> str:
    return "Bearer " + value


def report(value: str) -> None:
    logger.warning("using %s", value)


def run_${index}() -> None:
    key = os.getenv(KEY)
    token = resolve_secret("GithubToken")
    report(bearer(key))
    print(f"safe: {redact(token)} length={len(token)}")
    payload = json.dumps({"token": token})
    messages = [{"role": "system", "content": f"key {key}"}]
    dynamic = os.environ.get(f"{KEY}_{${index}}")
    logger.info("%s %s %s", payload, messages, dynamic)
`;
}

/** Writes `files` Python modules under `dir` (plus the resolver package). Returns the file count. */
export function generatePythonCorpus(dir, { files = 1000 } = {}) {
  fs.mkdirSync(path.join(dir, 'app', 'secrets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app', '__init__.py'), '');
  fs.writeFileSync(path.join(dir, 'app', 'secrets', '__init__.py'), '');
  fs.writeFileSync(path.join(dir, 'app', 'secrets', 'resolver.py'), RESOLVER);
  for (let i = 0; i < files; i++) {
    const pkg = path.join(dir, 'app', `pkg${Math.floor(i / 100)}`);
    if (i % 100 === 0) {
      fs.mkdirSync(pkg, { recursive: true });
      fs.writeFileSync(path.join(pkg, '__init__.py'), '');
    }
    fs.writeFileSync(path.join(pkg, `module_${i}.py`), i % 20 === 0 ? secretModule(i) : ordinaryModule(i));
  }
  return files + 4;
}
