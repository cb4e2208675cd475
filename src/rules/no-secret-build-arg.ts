import type { ConfigFact } from '../core/facts.js';
import { placeholderReason, type ValueProfile } from '../core/placeholder-value.js';
import { defineRule, type Report } from '../core/rule.js';

/** Where a build-time value comes from, for the message. */
const SOURCES: Record<string, string> = {
  'docker-arg': 'a Dockerfile ARG',
  'docker-env': 'a Dockerfile ENV',
  'docker-build-arg': 'a compose build arg',
  'shell-build-arg': 'a docker build --build-arg',
};

/**
 * `ENV API_KEY=""` or `ENV API_KEY=changeme` bakes nothing secret into the image (see
 * placeholderReason). `ENV API_KEY=$API_KEY` copies a build argument into the image config, so a
 * value made of references is still reported, as is every ARG (its value comes from the build).
 */
function storesNothing(fact: ConfigFact): boolean {
  const profile = fact.data.valueProfile as ValueProfile | undefined;
  return fact.type === 'docker-env' && profile !== undefined && profile.references === 0 && placeholderReason(profile) !== null;
}

export default defineRule({
  meta: {
    id: 'no-secret-build-arg',
    area: 'config',
    defaultSeverity: 'error',
    description: 'Disallow passing a secret into an image build as a Dockerfile ARG/ENV or a --build-arg.',
    rationale:
      'Build arguments and ENV values are recorded in the image: `docker history` shows ARG values used by RUN steps, ENV is baked into the image config, and both end up in every registry and cache the image reaches. Anyone who can pull the image can read the secret, long after it was rotated elsewhere. An `ENV` whose value is empty or a placeholder (`ENV API_KEY=""`, `changeme`; the test of `no-secret-literal-in-config`) stores nothing and is not reported; `ENV API_KEY=$API_KEY` copies the build argument into the image and is.',
    fix: 'Use a BuildKit secret mount: `RUN --mount=type=secret,id=NAME,env=NAME cmd` in the Dockerfile and `docker build --secret id=NAME,env=NAME` (or compose `build.secrets`) to supply it. Runtime secrets belong in the container environment at run time, not in the image.',
    messages: {
      registry: "'{{name}}' ({{secretId}}) is passed to the image build as {{source}}; it is stored in the image. Use 'RUN --mount=type=secret,id={{name}}' instead.",
      looksSecret: "'{{name}}' looks like a secret and is passed to the image build as {{source}}; it is stored in the image. Use 'RUN --mount=type=secret,id={{name}}' instead.",
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
  *checkFile(file, ctx): Generator<Report> {
    const registryOnly = ctx.options.registryOnly === true;
    for (const fact of file.facts) {
      if (fact.kind !== 'config' || !(fact.type in SOURCES)) continue;
      // A quoted `--build-arg "X=$X"` may arrive with its quote still attached.
      const name = typeof fact.data.name === 'string' ? fact.data.name.replace(/^["']+|["']+$/g, '') : null;
      if (!name || storesNothing(fact)) continue;
      const info = ctx.names.get(name);
      const data = { name, source: SOURCES[fact.type] };
      if (info) {
        if (info.secret.kind !== 'secret') continue;
        yield { messageId: 'registry', data: { ...data, secretId: info.secret.id }, file: file.file, range: fact.range, secretId: info.secret.id, envName: name };
      } else if (!registryOnly && ctx.looksLikeSecret(name)) {
        yield { messageId: 'looksSecret', data, file: file.file, range: fact.range, envName: name };
      }
    }
  },
});
