import type { ConfigFact, FileFacts } from '../core/facts.js';
import type { Range } from '../core/facts.js';
import { defineRule, type Fix, type Report } from '../core/rule.js';
import { documentedIn, ENV_EXAMPLE_SCOPES, isTestHarnessName, secretScopes } from './secret-scopes.js';
import { isSampleProjectPath } from './sample-paths.js';
import { platformTokenSet } from '../core/platform-tokens.js';

function isExampleFile(file: FileFacts): ConfigFact | undefined {
  return file.facts.find((f): f is ConfigFact => f.kind === 'config' && f.type === 'env-file' && f.data.example === true);
}

export default defineRule({
  meta: {
    id: 'env-example-drift',
    area: 'drift',
    defaultSeverity: 'warn',
    description: 'Report `.env.example`-style files that list secret names the registry lacks, or lack secrets the registry requires.',
    rationale:
      'The example env file is what a new developer copies and what deployment templates are built from. A secret-looking name there that the registry does not know is an unowned secret (or a typo of a registered one); a registry secret missing from every example file is one nobody will know to set until production fails.',
    fix: 'Add the missing registry secret (canonical name, empty or placeholder value) to the example file, and either register the unknown name or rename it to the registry name. A commented-out line (`# NAME=`) documents an optional secret as well as a set one. Secrets that live only in CI (every reference is a `${{ secrets.X }}` in a workflow, or `scope: ci` in the registry), secrets only tests read (CI workflows and scripts may hand them over; a registry `scope:` overrides this) or named for a test harness (`TEST_…`, `E2E_…`), secrets only sample projects read (code under `examples/`, `demo/`, `cookbook/` and the like: a sample bot\'s own token, which the sample documents; also a secret no scanned code reads that only samples\' example env files list; a registry `scope:` overrides this), and `scope: docs` secrets need not be in the example file; a secret only tests read is missing from the test template (`.env.test.example`) when the project has one; nor do tokens a platform injects (`GITHUB_TOKEN` and the other `platform_tokens`) or standard variables of the system and SDKs that a registry may list as secrets (`HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY` in either case, `OTEL_EXPORTER_OTLP_HEADERS` of OpenTelemetry and its per-signal forms): without a `scope:` in the registry they are inferred as `docs`, set outside the project. Names that do not look like secrets (per `secret_patterns`) are not reported, so ordinary config such as `PORT` can stay, and neither are platform tokens listed as another way to sign in (`# VERCEL_OIDC_TOKEN=`). Which example file a missing secret is reported at: the template of the project (an example file whose directory holds every scanned file, normally the one at the root); in a monorepo without one, the app example (`apps/web/.env.example`) whose directory holds code reading the secret, else a top-level app example (at most two directories below the top of the scan, not in a tool directory: `tools/`, `scripts/`, `bench/`, `benchmarks/`, `.github/`, and documenting at least one registry secret: a docs site\'s `APP_URL`/`API_URL` template is not one for secrets) whose code runs on the same runtime as a reader in shared code (under `packages/`, `libs/`, `shared/`, `common/` or `internal/`: a key read in `packages/utils`; a library at the top of the tree, such as an SDK beside a server, documents its own keys), else none (the key of a Rust gateway is not asked of the example file of a TS UI; a secret no code reads is asked only of the template of the project). Example files of sample projects (under `examples/`, `samples/`, `demo/`, `tutorials/`, `cookbook/`, `recipes/`, `fixtures/`, `testdata/`, `test/`, `tests/`, `e2e/`, and compound test directories such as `e2e_tests/` or `integration-tests/`) document names but are never where a secret is missing, and their own keys are not reported as unknown; code there (a test helper reading the key a test run is given) does not make a secret missing from the example file of the app. An example file that lists under a fifth of the secrets it should hold while 25 or more are missing (a library\'s few providers out of 200 optional keys) gets one finding for them all, which names the first missing secrets and whose fix adds every one the code reads; give the optional ones `scope: [docs]`, or set the option `complete: true` to have each reported. `--fix` appends each missing secret the code reads as an empty `NAME=` line at the end of that example file, in registry order: the end of the file is stable whatever order or grouping the file uses, and a reviewer sees the additions together.',
    messages: {
      unknown: "'{{name}}' in the example env file looks like a secret but is not in the registry; register it or use the registry name.",
      missing: "registry secret '{{name}}' ({{secretId}}) is missing from every example env file; add '{{name}}=' with a placeholder.",
      missingUnreferenced: "registry secret '{{name}}' ({{secretId}}) is in no example env file and no scanned code reads it; add '{{name}}=' if a library reads it implicitly, or drop the registry entry if it is unused.",
      sample: 'the example env files list only {{listed}} of the {{total}} registry secrets this file should hold; the {{missing}} missing ({{names}}) are reported together: add those a deployment must set, give the optional ones `scope: [docs]` in the registry, or set the option `complete: true` to report each.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        complete: { type: 'boolean', description: 'Report every missing secret on its own even when the example file lists only a small share of them (a sample of a few providers).' },
      },
      additionalProperties: false,
    },
    cwe: ['CWE-1059'],
    securitySeverity: '2.0',
    precision: 'high',
    appliesTo: ['dotenv'],
    fixable: 'code',
    bad: [{ lang: 'dotenv', file: '.env.example', code: '# .env.example (registry: OPENROUTER_API_KEY, STRIPE_SECRET_KEY)\nOPENROUTER_API_KEY=\nSENDGRID_API_KEY=' }],
    good: [{ lang: 'dotenv', file: '.env.example', code: '# .env.example\nOPENROUTER_API_KEY=\nGITHUB_TOKEN=\n# Optional: billing\n# STRIPE_SECRET_KEY=\nPORT=3000' }],
  },
  *checkProject(project, ctx): Generator<Report> {
    const examples = project.files.filter((f) => f.language === 'dotenv' && isExampleFile(f)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // Without any example file there is nothing to drift from.
    if (examples.length === 0) return;
    const present = new Set<string>();
    // A token the platform injects (`# VERCEL_OIDC_TOKEN=` beside a key, as another way to sign in) is no secret of the project's to register.
    const platform = new Set(ctx.settings.platformTokens ?? platformTokenSet());
    for (const file of examples) {
      for (const { name, range } of documentedNames(file)) {
        present.add(name);
        // A sample project's own keys (`examples/cursor/.env.example`: its ngrok token) are not the project's secrets.
        if (!ctx.names.has(name) && ctx.looksLikeSecret(name) && !platform.has(name) && !isTestHarnessName(name) && !isSampleProjectPath(file.file)) {
          yield { messageId: 'unknown', data: { name }, file: file.file, range, envName: name };
        }
      }
    }
    // The project's own example file is where a missing secret belongs. Example files of sample
    // projects (`examples/chat/.env.example`) list what each sample needs, not the app's secrets:
    // they count as documentation above, but without a file of the project's own there is no
    // template the secret is missing from (tensorzero: 20 findings on its first sample's file).
    const own = examples.filter((file) => !isSampleProjectPath(file.file));
    if (own.length === 0) return;
    // The project's own template: an example file whose directory holds every scanned file (the root's, in a real tree).
    const rootExample = own.find((example) => {
      if (isTestTemplate(example.file)) return false;
      const prefix = directoryOf(example.file);
      return prefix === '' || project.files.every((file) => file.file.startsWith(`${prefix}/`));
    });
    const scopes = secretScopes(project, ctx);
    const testExample = own.find((example) => isTestTemplate(example.file));
    const runtimes = runtimesByFile(project.files);
    // An example file that documents no registry secret at all (a docs site's APP_URL and API_URL)
    // is a template of settings, not of secrets: never the fallback for a key read in shared code.
    const secretNames = new Set(ctx.registry.secrets.filter((secret) => secret.kind === 'secret').flatMap((secret) => [secret.env, ...secret.aliases]));
    const holdsSecrets = new Set(own.filter((example) => documentedNames(example).some(({ name }) => secretNames.has(name))).map((example) => example.file));
    // Depth is counted from the top of what was scanned (a scan of `apps/` or of one fixture case).
    const top = commonDirectory(project.files.map((file) => file.file));
    let listed = 0;
    const missingAt = new Map<string, Report[]>();
    for (const secret of ctx.registry.secrets) {
      if (secret.kind !== 'secret' || !documentedIn(scopes.of(secret), ENV_EXAMPLE_SCOPES)) continue;
      if ([secret.env, ...secret.aliases].some((name) => present.has(name))) {
        if (!scopes.testOnly(secret)) listed++;
        continue;
      }
      // A secret only tests read belongs in the project's test template (`.env.test.example`, langfuse) if it has one, else nowhere.
      const testOnly = scopes.testOnly(secret);
      if (testOnly && !testExample) continue;
      // One only sample projects read (`examples/discord/bot.py`'s bot token) is the sample's: its own files document it.
      if (!testOnly && scopes.sampleOnly(secret)) continue;
      // Code of the app that reads it: not a compose file passing it to a container, nor a sample or a test fixture.
      const readers = scopes.readersOf(secret).filter((file) => runtimes.has(file) && !isSampleProjectPath(file));
      const primary = testOnly ? testExample : (rootExample ?? packageExampleFor(own, readers, runtimes, top, holdsSecrets));
      if (!primary) continue;
      const exampleFact = isExampleFile(primary)!;
      const at = exampleFact.range;
      const messageId = scopes.referenced(secret) ? 'missing' : 'missingUnreferenced';
      // Only a secret the code reads is certainly wanted in the example file; an unreferenced one may be dropped instead.
      const fix = messageId === 'missing' ? appendFix(primary.file, exampleFact, secret.env) : undefined;
      const report: Report = { messageId, data: { name: secret.env, secretId: secret.id }, file: primary.file, range: at, secretId: secret.id, envName: secret.env, ...(fix ? { fix } : {}) };
      missingAt.set(primary.file, [...(missingAt.get(primary.file) ?? []), report]);
    }
    for (const [file, reports] of missingAt) {
      if (ctx.options.complete !== true && isSample(listed, reports.length)) {
        const names = reports.slice(0, SAMPLE_NAMES_SHOWN).map((report) => String(report.data?.name));
        const data = { listed: String(listed), total: String(listed + reports.length), missing: String(reports.length), names: `${names.join(', ')}${reports.length > names.length ? ', …' : ''}` };
        // `--fix` still adds every missing secret the code reads, as one insertion (the per-secret fixes, joined in order).
        const fix = joinedAppendFix(reports);
        yield { messageId: 'sample', data, file, range: reports[0].range, ...(fix ? { fix } : {}) };
        continue;
      }
      yield* reports;
    }
  },
});

/** Missing secrets from which an example file that lists few of them reads as a sample (litellm: 12 listed, 221 missing). */
const SAMPLE_MIN_MISSING = 25;
/** The share of its secrets under which an example file is a sample of a few providers, not the project's template. */
const SAMPLE_MAX_LISTED_SHARE = 0.2;
const SAMPLE_NAMES_SHOWN = 8;

/**
 * An example env file that lists a small share of the secrets it should hold, and misses many
 * (a few of a library's 200 optional provider keys): one finding for them all serves better than
 * dozens at the same line, whether the file is a sample or an incomplete template.
 */
function isSample(listed: number, missing: number): boolean {
  return missing >= SAMPLE_MIN_MISSING && listed < SAMPLE_MAX_LISTED_SHARE * (listed + missing);
}

/** Keys the file sets and keys it documents in a commented-out line (`# NAME=`), in file order. */
function documentedNames(file: FileFacts): Array<{ name: string; range: Range }> {
  const names: Array<{ name: string; range: Range }> = [];
  for (const fact of file.facts) {
    if (fact.kind === 'name-ref' && fact.context === 'env-file-key') names.push({ name: fact.name, range: fact.range });
    else if (fact.kind === 'config' && fact.type === 'env-file-commented-key') names.push({ name: String(fact.data.name), range: fact.range });
  }
  return names.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/**
 * Appends `NAME=` at the end of the example file (the dotenv front end says where it ends). A file
 * without a final newline gets one before the new line, so the last entry is not extended.
 */
function appendFix(file: string, example: ConfigFact, name: string): Fix | undefined {
  const end = example.data.end as { line: number; column: number } | undefined;
  if (!end) return undefined;
  const text = example.data.endsWithNewline === false ? `\n${name}=` : `${name}=\n`;
  return { edits: [{ file, range: { line: end.line, column: end.column, endLine: end.line, endColumn: end.column }, text, expected: '' }] };
}

/** The appends of `reports` (all at the end of one example file) as one edit. */
function joinedAppendFix(reports: readonly Report[]): Fix | undefined {
  const edits = reports.flatMap((report) => report.fix?.edits ?? []);
  if (edits.length === 0) return undefined;
  const [first] = edits;
  const newlineFirst = first.text.startsWith('\n');
  const names = edits.map((edit) => edit.text.replace(/\n/g, ''));
  const text = newlineFirst ? `\n${names.join('\n')}` : `${names.join('\n')}\n`;
  return { edits: [{ ...first, text }] };
}

/**
 * A monorepo without a root example file keeps one per app (`apps/web/.env.example`,
 * `ui/.env.example`), each listing what its app reads. A secret is missing from the one whose
 * directory holds code reading it; else from a top-level app's (at most two directories deep)
 * whose code runs on the same runtime as a reader in shared code (dub: `apps/web` for a key read
 * in `packages/utils`; not mem0's `server/` for keys its top-level library `mem0/` reads; not an
 * example file that documents no registry secret, such as voltagent's docs site's); else from none. tensorzero's Rust gateway keys are not asked of the TS UI's
 * file, nor crewAI's provider keys of one tool's nested example; an unread secret of no file.
 */
function packageExampleFor(own: readonly FileFacts[], readers: readonly string[], runtimes: ReadonlyMap<string, string>, top: string, holdsSecrets: ReadonlySet<string>): FileFacts | undefined {
  const under = (file: string, directory: string): boolean => file.startsWith(`${directory}/`);
  const direct = own.find((example) => readers.some((reader) => under(reader, directoryOf(example.file))));
  if (direct) return direct;
  // Only shared code counts here (`packages/utils`): a library that is a product of its own at the
  // top of the tree (mem0's `mem0/` beside its `server/`) documents its keys for its own users.
  const readerRuntimes = new Set(readers.filter(isSharedPackagePath).map((reader) => runtimes.get(reader)).filter((r): r is string => r !== undefined));
  return own.find((example) => {
    const directory = directoryOf(example.file);
    const fromTop = top === '' ? directory : directory.slice(top.length + 1);
    if (fromTop.split('/').length > 2 || isToolingPath(fromTop) || !holdsSecrets.has(example.file)) return false;
    return [...runtimes].some(([file, runtime]) => readerRuntimes.has(runtime) && under(file, directory));
  });
}

/**
 * Directories of a repository's own tooling (benchmarks, release and CI scripts). A tool's example
 * file lists what that tool needs (vercel/ai's `tools/memory-benchmark/.env.example`: one
 * Anthropic key), not the keys of the SDK packages beside it, so it is never the fallback template
 * for a key read in shared code; a key the tool's own code reads is still asked of it.
 */
const TOOLING_DIRECTORIES = new Set(['tools', 'tooling', 'scripts', 'bench', 'benchmark', 'benchmarks', '.github']);

function isToolingPath(directory: string): boolean {
  return directory.split('/').some((segment) => TOOLING_DIRECTORIES.has(segment.toLowerCase()));
}

/** Directories that hold code shared by a monorepo's apps. */
const SHARED_DIRECTORIES = new Set(['packages', 'libs', 'shared', 'common', 'internal']);

function isSharedPackagePath(file: string): boolean {
  return file.split('/').slice(0, -1).some((segment) => SHARED_DIRECTORIES.has(segment));
}

/** The longest directory holding every file ('' for the scan root). */
function commonDirectory(files: readonly string[]): string {
  if (files.length === 0) return '';
  let common = directoryOf(files[0]).split('/').filter(Boolean);
  for (const file of files) {
    const parts = directoryOf(file).split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}

/** The runtime a code file's reads happen in: Node for TS/JS, else its language; configs and docs have none. */
function runtimesByFile(files: readonly FileFacts[]): Map<string, string> {
  const runtimes = new Map<string, string>();
  for (const file of files) {
    const language = file.language;
    if (language === 'typescript' || language === 'javascript') runtimes.set(file.file, 'node');
    else if (language === 'python' || language === 'rust') runtimes.set(file.file, language);
  }
  return runtimes;
}

function directoryOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** `.env.test.example`, `.env.example.test`, `.env.testing.example`: the template of the test runs' settings. */
function isTestTemplate(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  return name.split('.').some((part) => part === 'test' || part === 'tests' || part === 'testing');
}

