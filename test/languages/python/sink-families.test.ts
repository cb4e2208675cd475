// One case per Python sink family in the catalog that the other leak tests do not reach.
import { describe, expect, it } from 'vitest';
import type { LeakFact } from '../../../src/core/facts.js';
import { analyzePython } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

const PRELUDE = 'import os\nkey = os.environ["OPENROUTER_API_KEY"]\n';

async function rulesAt(code: string): Promise<string[]> {
  const facts = (await analyzePython('app/main.py', PRELUDE + code, fixtureOptions())).facts;
  return facts.filter((f): f is LeakFact => f.kind === 'leak').map((l) => `${l.range.line}:${l.ruleId}`);
}

const CASES: Array<[string, string, string[]]> = [
  ['structlog', 'import structlog\nlog = structlog.get_logger()\nlog.info("calling", key=key)', ['5:no-secret-in-log']],
  ['loguru', 'from loguru import logger\nlogger.info(f"key {key}")', ['4:no-secret-in-log']],
  ['warnings', 'import warnings\nwarnings.warn(f"bad key {key}")', ['4:no-secret-in-log']],
  // Serializers that return text are followed to where the text is written.
  ['orjson', 'import orjson\nblob = orjson.dumps({"key": key})\nopen("c.json", "wb").write(blob)', ['5:no-secret-serialization']],
  ['pickle', 'import pickle\nfrom pathlib import Path\nPath("c.bin").write_bytes(pickle.dumps(key))', ['5:no-secret-serialization']],
  ['toml', 'import toml\nwith open("c.toml", "w") as f:\n    f.write(toml.dumps({"key": key}))', ['5:no-secret-serialization']],
  ['serialized text is not a sink until written', 'import json\nblob = json.dumps({"key": key})', []],
  ['json.dump to a file is', 'import json\njson.dump({"key": key}, open("c.json", "w"))', ['4:no-secret-serialization']],
  ['litellm', 'import litellm\nlitellm.completion(model="m", messages=[{"role": "user", "content": key}])', ['4:no-secret-in-prompt']],
  ['langchain', 'from langchain_core.messages import SystemMessage\nmsg = SystemMessage(content=f"key {key}")', ['4:no-secret-in-prompt']],
  ['httpx params', 'import httpx\nhttpx.get("https://x.test", params={"key": key})', ['4:no-secret-in-url']],
  ['flask jsonify', 'from flask import jsonify\ndef view():\n    return jsonify(token=key)', ['5:no-secret-in-tool-output']],
  // Telemetry SDKs (issue 9 item 7): attributes, tags, context and event properties leave the process.
  ['otel metric attributes', 'from opentelemetry import metrics\ncounter = metrics.get_meter("m").create_counter("c")\ncounter.add(1, {"key": key})', ['5:no-secret-in-telemetry']],
  ['otel record_exception attributes', 'from opentelemetry import trace\nspan = trace.get_current_span()\nspan.record_exception(ValueError("x"), attributes={"key": key})', ['5:no-secret-in-telemetry']],
  ['sentry set_tags', 'import sentry_sdk\nsentry_sdk.set_tags({"key": key})', ['4:no-secret-in-telemetry']],
  ['honeycomb beeline context', 'import beeline\nbeeline.add_context({"key": key})', ['4:no-secret-in-telemetry']],
  ['new relic notice_error attributes', 'import newrelic.agent\nnewrelic.agent.notice_error(attributes={"key": key})', ['4:no-secret-in-telemetry']],
  ['libhoney event field', 'import libhoney\nev = libhoney.new_event()\nev.add_field("key", key)', ['5:no-secret-in-telemetry']],
  ['a set in a file that imports opentelemetry is not a metric', 'from opentelemetry import trace\nseen = set()\nseen.add(key)', []],
  ['httpx auth header is allowed', 'import httpx\nhttpx.get("https://x.test", headers={"Authorization": f"Bearer {key}"})', []],
];

describe('python sink families', () => {
  for (const [name, code, expected] of CASES) {
    it(name, async () => {
      const found = await rulesAt(code);
      if (expected.length === 0) expect(found).toEqual([]);
      else for (const e of expected) expect(found).toContain(e);
    });
  }
});
