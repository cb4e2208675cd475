import type { ConfigFact, FileFacts } from '../core/facts.js';
import { placeholderReason, type ValueProfile } from '../core/placeholder-value.js';
import { defineRule, type Report } from '../core/rule.js';

/** Where a build-time value comes from, for the message. */
const SOURCES: Record<string, string> = {
  'docker-arg': 'a Dockerfile ARG',
  'docker-env': 'a Dockerfile ENV',
  'docker-build-arg': 'a compose build arg',
  'shell-build-arg': 'a docker build --build-arg',
};

/** The arg name of a build-arg fact; a quoted `--build-arg "X=$X"` may arrive with its quote still attached. */
function argName(fact: ConfigFact): string | null {
  return typeof fact.data.name === 'string' ? fact.data.name.replace(/^["']+|["']+$/g, '') || null : null;
}

function profileOf(fact: ConfigFact): ValueProfile | undefined {
  return fact.data.valueProfile as ValueProfile | undefined;
}

/** A written value that is only a placeholder (`""`, `changeme`, `CAFEBABE`), references aside. */
function isPlaceholderWithoutReferences(profile: ValueProfile | undefined): boolean {
  return profile !== undefined && profile.references === 0 && placeholderReason(profile) !== null;
}

/**
 * Dockerfile ARGs that only exist to let the build run: a non-empty placeholder default
 * (`ARG NEXT_PRIVATE_ENCRYPTION_KEY="CAFEBABE"`) that no build in the project overrides with
 * `--build-arg` or compose `build.args`. An empty default (`ARG TOKEN=""`) asks for a value and
 * stays reported.
 */
function dummyArgs(file: FileFacts, passed: Set<string>): Set<string> {
  const dummies = new Set<string>();
  for (const fact of file.facts) {
    if (fact.kind !== 'config' || fact.type !== 'docker-arg') continue;
    const name = argName(fact);
    const profile = profileOf(fact);
    if (name && !passed.has(name) && profile && profile.length > 0 && isPlaceholderWithoutReferences(profile)) dummies.add(name);
  }
  return dummies;
}

/**
 * What a build-time value stores. `ENV API_KEY=""`, `ENV API_KEY=changeme` or a compose build arg
 * with such a value stores nothing
 * (see placeholderReason); `ENV API_KEY=$API_KEY` copies a build argument into the image config,
 * so it is reported unless every name it copies is a dummy ARG.
 */
function storesNothing(fact: ConfigFact, dummies: Set<string>): boolean {
  // A global ARG (before the first FROM) that no stage declares again reaches FROM lines only, never a RUN.
  if (fact.type === 'docker-arg') return dummies.has(argName(fact) ?? '') || fact.data.globalOnly === true;
  // Compose `build.args: { NPM_TOKEN: "" }` passes nothing; `NPM_TOKEN: ${NPM_TOKEN}` or a bare `- NPM_TOKEN` does.
  if (fact.type === 'docker-build-arg') return isPlaceholderWithoutReferences(profileOf(fact));
  if (fact.type !== 'docker-env') return false;
  const profile = profileOf(fact);
  if (isPlaceholderWithoutReferences(profile)) return true;
  const references = (fact.data.references ?? []) as string[];
  return profile !== undefined && profile.length === 0 && references.length > 0 && references.every((r) => dummies.has(r));
}

export default defineRule({
  meta: {
    id: 'no-secret-build-arg',
    area: 'config',
    defaultSeverity: 'error',
    description: 'Disallow passing a secret into an image build as a Dockerfile ARG/ENV or a --build-arg.',
    rationale:
      'Build arguments and ENV values are recorded in the image: `docker history` shows ARG values used by RUN steps, ENV is baked into the image config, and both end up in every registry and cache the image reaches. Anyone who can pull the image can read the secret, long after it was rotated elsewhere. An `ENV` whose value is empty or a placeholder (`ENV API_KEY=""`, `changeme`; the test of `no-secret-literal-in-config`) stores nothing and is not reported; `ENV API_KEY=$API_KEY` copies the build argument into the image and is. An ARG whose default is a non-empty placeholder (`ARG ENCRYPTION_KEY="CAFEBABE"`, there so the build runs) and that no build in the project overrides with `--build-arg` or compose `build.args` is not reported, nor an ENV that only copies such ARGs, nor an ARG declared before the first `FROM` that no stage declares again (only `FROM` lines see it; no RUN step records it). A secret mount (`RUN --mount=type=secret`) keeps the value out of the image only while it stays in the mount: a RUN that writes it to a file (`echo \"KEY=$KEY\" > /app/.env`, `cat /run/secrets/KEY > .npmrc`, `cp /run/secrets/KEY /app/`) stores it in the layer, unless the same RUN deletes that file.',
    fix: 'Use a BuildKit secret mount: `RUN --mount=type=secret,id=NAME,env=NAME cmd` in the Dockerfile and `docker build --secret id=NAME,env=NAME` (or compose `build.secrets`) to supply it. Runtime secrets belong in the container environment at run time, not in the image.',
    messages: {
      registry: "'{{name}}' ({{secretId}}) is passed to the image build as {{source}}; it is stored in the image. Use 'RUN --mount=type=secret,id={{name}}' instead.",
      looksSecret: "'{{name}}' looks like a secret and is passed to the image build as {{source}}; it is stored in the image. Use 'RUN --mount=type=secret,id={{name}}' instead.",
      persisted: "'{{name}}', mounted as a build secret, is written to {{path}} by this RUN and stays in the image layer; use it where it is mounted, or delete the file in the same RUN.",
    },
    optionsSchema: {
      type: 'object',
      properties: { registryOnly: { type: 'boolean', description: 'Only report registry secrets, not names that merely match secret_patterns.' } },
      additionalProperties: false,
    },
    cwe: ['CWE-538', 'CWE-200'],
    securitySeverity: '7.5',
    precision: 'high',
    appliesTo: ['dockerfile', 'compose', 'shell', 'workflow'],
    bad: [{ lang: 'dockerfile', code: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci' }],
    good: [{ lang: 'dockerfile', code: 'RUN --mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN \\\n    npm ci' }],
  },
  *checkProject(project, ctx): Generator<Report> {
    const registryOnly = ctx.options.registryOnly === true;
    const passed = new Set<string>();
    for (const file of project.files) {
      for (const fact of file.facts) {
        if (fact.kind !== 'config' || (fact.type !== 'shell-build-arg' && fact.type !== 'docker-build-arg')) continue;
        if (fact.type === 'docker-build-arg' && isPlaceholderWithoutReferences(profileOf(fact))) continue;
        passed.add(argName(fact) ?? '');
      }
    }
    for (const file of project.files) {
      const dummies = file.language === 'dockerfile' ? dummyArgs(file, passed) : new Set<string>();
      for (const fact of file.facts) {
        if (fact.kind === 'config' && fact.type === 'docker-secret-persisted') {
          // The mount says the value is a secret; the registry can only say it is not (a `kind: config` name).
          const name = String(fact.data.name);
          const info = ctx.names.get(name);
          if (info ? info.secret.kind !== 'secret' : registryOnly) continue;
          const path = typeof fact.data.path === 'string' ? `'${fact.data.path}'` : 'a file';
          yield { messageId: 'persisted', data: { name, path }, file: file.file, range: fact.range, secretId: info?.secret.id ?? null, envName: name };
          continue;
        }
        if (fact.kind !== 'config' || !(fact.type in SOURCES)) continue;
        const name = argName(fact);
        if (!name || storesNothing(fact, dummies)) continue;
        const info = ctx.names.get(name);
        const data = { name, source: SOURCES[fact.type] };
        if (info) {
          if (info.secret.kind !== 'secret') continue;
          yield { messageId: 'registry', data: { ...data, secretId: info.secret.id }, file: file.file, range: fact.range, secretId: info.secret.id, envName: name };
        } else if (!registryOnly && ctx.looksLikeSecret(name)) {
          yield { messageId: 'looksSecret', data, file: file.file, range: fact.range, envName: name };
        }
      }
    }
  },
});
