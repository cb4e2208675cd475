import type { EnvReadFact, NameParts } from '../core/facts.js';
import { defineRule, type RuleContext } from '../core/rule.js';
import { compareCodeUnits } from '../core/compare.js';
import { readsThroughResolver } from './resolver-calls.js';

/** Registry secrets (kind: secret) whose names a prefix filter keeps. */
function secretsUnder(prefixes: string[], ctx: RuleContext): string[] {
  const hits: string[] = [];
  for (const [name, info] of ctx.names) {
    if (info.secret.kind === 'secret' && prefixes.some((prefix) => name.startsWith(prefix))) hits.push(name);
  }
  return hits.sort(compareCodeUnits);
}

/** A family's constant part must be at least this long to say anything (`A${x}` is nearly any name). */
const MIN_FAMILY_TEXT = 3;

/**
 * A computed name with a constant prefix or suffix is one of the family `prefix…suffix`. The read
 * is reported when the family may hold a secret: a registry secret's name (any of its names) is in
 * it, or its constant text looks like a secret name (per `secret_patterns`: `API_KEY_${n}`,
 * `${provider}_API_KEY`); the registry secret is named when there is one. Otherwise (`FLAG_${n}`,
 * `${tenant}_BASE_URL`) it is not, as an enumeration filtered to such a prefix is not. The
 * family's text is printed only with the registry secret it holds: it is then a prefix and a suffix
 * of that registry name, never other text from the scanned file.
 */
function familyReport(parts: NameParts, api: string, ctx: RuleContext): { messageId: string; data: Record<string, string> } | null {
  const { prefix, suffix } = parts;
  const family = `'${prefix}…${suffix}'`;
  for (const [name, info] of [...ctx.names].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (info.secret.kind === 'secret' && name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix)) {
      return { messageId: 'family', data: { api, family, name } };
    }
  }
  const secretLooking = [prefix.replace(/_+$/, ''), suffix.replace(/^_+/, '')].some((text) => text !== '' && ctx.looksLikeSecret(text));
  return secretLooking ? { messageId: 'dynamic', data: { api } } : null;
}

function isFamily(parts: NameParts | undefined): parts is NameParts {
  return parts !== undefined && (parts.prefix.length >= MIN_FAMILY_TEXT || parts.suffix.length >= MIN_FAMILY_TEXT);
}

export default defineRule({
  meta: {
    id: 'no-dynamic-env-read',
    area: 'bypass',
    defaultSeverity: 'warn',
    description: 'Disallow environment reads whose name the linter cannot resolve to a constant, outside the resolver.',
    rationale:
      'A computed key (`process.env[name]`, `os.environ[k]`) or an enumeration of the whole environment can read any secret, and no static check can tell which. Outside the resolver such code is an unaudited path to every credential in the process. Names one step away are resolved first (a helper called with literal names, by position or, in Python, by keyword (a `None` argument reads nothing), or with constants another module of the project exports (`readDir(DIR_ENV)`), in the same file or from other files, and a call that leaves out a parameter with a constant default (`function bucket(name = \'S3_BUCKET\')` called as `bucket()`, in Python `def bucket(name="S3_BUCKET")`) reads the default unless a spread or splat may supply the argument; a loop over a literal list or a filtered subset of one (in shell, `${!var}` in `for var in API_KEY DB_URL` or over an array assigned a literal list once); a schema parsed from `process.env`; a local accessor returning the env object whose callers read constant names) and reported as reads of those names by the other rules; a call with a computed name is the dynamic read, reported at the call. A computed name that starts or ends with constant text (`process.env[`FLAG_${name}`]`, `os.environ[f"{tenant}_BASE_URL"]`, `env::var(format!("FLAG_{}", n))`, where a substitution of a constant counts as text (`${PREFIX}_${name}`), also through a local constant or a function of the same file that returns such a name) is one of that family of names: it is reported when the family may hold a secret (a registry secret is in it, or the constant text looks like a secret name: `${provider}_API_KEY`), and not otherwise. An enumeration that only keeps names with a fixed prefix (a `filter`, or a loop whose every statement is an `if` testing the prefix of the name), only removes names, only collects values to mask them out of text (a log filter\'s `msg.replace(value, \'***\')` over the values of names that look secret), or is handed to a child process the code starts itself (plain inheritance), directly or through a function of the same file that builds or forwards it (spawn options a helper spreads into the ones it returns included), or through a function imported from another file of the project (judged there the same way; one that only reads constant names from it reads those names, and one in a resolver path is the resolver), is not reported. A copy a function returns is judged at its calls, in its own file or in the files importing it (Python: any module calling it); in TS/JS only a copy the function curates (it deletes names from it) outside test code, because a copy returned as it is tells nothing about what each caller\'s process is meant to get (an agent\'s terminal tool hands it to model-chosen commands). Handing the whole environment to a third-party or user-configured process (an MCP server, a plugin) is reported. In a Dockerfile `RUN`, `env` and `printenv` print the build environment, which holds the `ARG` and `ENV` names declared above and the variables of the `RUN`\'s secret mounts (the base image\'s own `ENV` aside): reported only when one of them is a registry secret or looks like one. A read by the key of a loop over the environment itself (`for key in os.environ: os.environ[key]`, `for (const key of Object.keys(process.env))`) is part of that enumeration and judged with it, not reported again. The names tested for membership only (`Object.keys(process.env).includes(name)`, in Python `"X_API_KEY" in os.environ.keys()`, also through a variable used for nothing else) are a presence test, like `name in process.env`, and so is a read whose value is only tested for being set (`Boolean(process.env[name])`, `!process.env[name]`, the condition of an `if`, `while` or `?:`, also after `.trim()`; in Python `bool(os.environ.get(name))`, `not os.getenv(name)`, `if os.getenv(name, "").strip():`, `all(os.getenv(k) for k in keys)`), also through a helper whose own read is one (`isUsingEnvironmentKey(key)`). Writes, deletes, a `.env` loader setting a variable only when it is unset (`if (process.env[k] === undefined) process.env[k] = v`, `process.env[k] ??= v` as a statement, `os.environ.setdefault(k, v)`) and save-and-restore copies in tests, and a value held only to be put back into the same variable (`const previous = process.env[name]` … `process.env[name] = previous`) anywhere, are not reads.',
    fix: 'Read a constant name, or move the code into the resolver. If the dynamic read is deliberate (a generic config loader), suppress it with a reason. Give a third-party process only the variables it needs.',
    messages: {
      dynamic: 'Environment read via {{api}} with a name that is not a constant; secrets read this way cannot be checked.',
      enumerates: 'The whole environment is enumerated via {{api}}; this exposes every secret in the process.',
      exposed: 'The whole environment ({{api}}) is passed to {{target}}, a process configured outside this code; it receives every secret in this process. Pass only the variables it needs.',
      filtered: "Environment names starting with {{prefixes}} are enumerated via {{api}}, which includes the registry secret '{{name}}'; read it by name through the resolver.",
      family: "Environment read via {{api}} of a name computed in the family {{family}}, which includes the registry secret '{{name}}'; read it by name through the resolver.",
      buildEnvironment: "The build environment is printed via {{api}} in a Dockerfile RUN, and it holds the secret '{{name}}' (an ARG, ENV or secret mount above); print only the variables you need.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        shell: { type: 'boolean', description: 'Also report dynamic reads in shell scripts (`${!VAR}`, `env`). Off by default: a script has no resolver to call.' },
      },
      additionalProperties: false,
    },
    cwe: ['CWE-526'],
    securitySeverity: '4.0',
    precision: 'high',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell'],
    bad: [
      { lang: 'ts', code: 'const value = process.env[name];' },
      { lang: 'ts', code: "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';\n\nconst transport = new StdioClientTransport({ command: config.command, env: { ...process.env } });" },
    ],
    good: [
      { lang: 'ts', code: "const KEY = 'OPENROUTER_API_KEY';\nconst value = await resolveSecret(KEY);" },
      { lang: 'ts', code: "import { spawn } from 'node:child_process';\n\nspawn('git', ['status'], { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });" },
    ],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    if (file.language === 'shell' && ctx.options.shell !== true) return;
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' || fact.name !== null || fact.access) continue;
      // A helper's parameter whose callers were found: the names are read (and judged) at the calls.
      if (fact.keyParam?.resolvedAtCallers) continue;
      // `optional_env_var(name)` with the resolver's own parameter: the resolver decides what it reads.
      if (readsThroughResolver(fact, ctx)) continue;
      // The whole environment handed to a function of a resolver path: the sanctioned reader.
      if (fact.handedTo?.file && ctx.isResolverPath(fact.handedTo.file)) continue;
      const report = reportFor(fact, ctx);
      if (report) yield { ...report, file: file.file, range: fact.range };
    }
  },
});

function reportFor(fact: EnvReadFact, ctx: RuleContext): { messageId: string; data: Record<string, string> } | null {
  const api = fact.api;
  // `Boolean(process.env[name])`: whether it is set, nothing of any value.
  if (!fact.enumerates && fact.presence) return null;
  if (!fact.enumerates) return isFamily(fact.nameParts) ? familyReport(fact.nameParts, api, ctx) : { messageId: 'dynamic', data: { api } };
  const use = fact.enumeration;
  switch (use?.use) {
    case 'scrub':
    case 'mask':
    case 'child-process':
    case 'named-reads':
    case 'presence':
      return null;
    case 'filter': {
      const [first] = secretsUnder(use.prefixes, ctx);
      return first ? { messageId: 'filtered', data: { api, prefixes: use.prefixes.map((p) => `'${p}'`).join(', '), name: first } } : null;
    }
    case 'third-party':
      return { messageId: 'exposed', data: { api, target: use.target } };
    case 'build-environment': {
      // A Dockerfile RUN's environment holds what the file declared: exposed only if one of those names is a secret.
      const secret = use.names.find((name) => ctx.names.get(name)?.secret.kind === 'secret' || (!ctx.names.has(name) && ctx.looksLikeSecret(name)));
      return secret ? { messageId: 'buildEnvironment', data: { api, name: secret } } : null;
    }
    default:
      return { messageId: 'enumerates', data: { api } };
  }
}
