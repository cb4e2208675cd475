// `clavis-lint init`, step 4 (pure): the text of `secrets.registry.yaml` and `.clavis-lint.yaml`.
// Both start with a `yaml-language-server` modeline so editors complete and validate them
// against the schemas the package ships (`schema/`); the path is relative to the written file,
// as yaml-language-server resolves it. Names and paths come from the repository, so every scalar
// is quoted unless it is plainly safe, and comments never carry a line break.
import type { ProposedSecret } from './propose-registry.js';
import type { ResolverCandidate } from './propose-resolver.js';

export const REGISTRY_FILE = 'secrets.registry.yaml';
export const CONFIG_FILE = '.clavis-lint.yaml';
export const REGISTRY_SCHEMA = 'registry.schema.json';
export const CONFIG_SCHEMA = 'clavis-lint.schema.json';

/** How many files an entry's "seen in" comment names before "+N more". */
const SEEN_IN_SHOWN = 3;

/** A plain scalar when it cannot be read as anything else, else a double-quoted (JSON) one. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** Text on one line without control characters: safe in a `#` comment and on a terminal (no escape sequences). */
export function oneLineText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

export interface RegistryRenderInput {
  secrets: readonly ProposedSecret[];
  resolver: ResolverCandidate | undefined;
  /** The modeline's schema path, relative to the registry file. */
  schemaPath: string;
}

export function renderRegistry(input: RegistryRenderInput): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${input.schemaPath}`,
    '# Secrets registry, written by `clavis-lint init` from the names this repository uses.',
    '# Review it before you commit it:',
    '# - kinds are guessed from the names: uncomment `kind:` to confirm a guess (or write the other kind);',
    '# - aliases are proposals: move a name on its way out to `deprecated:` with a `remove_after:` date;',
    '# - give every secret an `owner:` (who rotates it).',
    'version: 1',
    'resolver:',
  ];
  if (input.resolver) {
    const r = input.resolver;
    out.push(
      `  # Proposed by init: ${r.reads} of the ${r.total} secret reads in code are here (${r.names} names).`,
      '  # Direct reads are allowed in these paths; everywhere else code goes through them.',
      '  paths:',
      `    - ${yamlScalar(r.glob)}`,
    );
  } else {
    out.push(
      '  # No module does most of the secret reads yet. List the one that should (an env.ts, a',
      '  # config/ module): direct reads are allowed there, everywhere else code goes through it.',
      '  paths: []',
    );
  }
  if (input.secrets.length === 0) {
    out.push('# init found no secret-looking names; add an entry for each secret the code reads.', 'secrets: []');
    return `${out.join('\n')}\n`;
  }
  out.push('secrets:');
  for (const s of input.secrets) {
    out.push(`  - id: ${yamlScalar(s.id)}`, `    env: ${yamlScalar(s.env)}`);
    if (s.aliases.length > 0) {
      out.push(`    aliases: [${s.aliases.map(yamlScalar).join(', ')}] # proposed by init: ${s.aliasReason ?? 'same secret'}`);
    }
    out.push(`    # kind: ${s.kindGuess} # ${s.kindReason}`, '    # owner:');
    const shown = s.files.slice(0, SEEN_IN_SHOWN).join(', ');
    const more = s.files.length > SEEN_IN_SHOWN ? `, +${s.files.length - SEEN_IN_SHOWN} more` : '';
    if (s.files.length > 0) out.push(`    # seen in: ${oneLineText(shown + more)}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderConfig(schemaPath: string): string {
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    '# clavis-lint configuration, written by `clavis-lint init`. Every setting not listed here is at',
    '# its default (README, "Configuration"). YAML only: clavis-lint never runs code to read its config.',
    `registry: ${REGISTRY_FILE}`,
    '# Once every secret is registered and read through the resolver, make new ones fail the build:',
    '# rules:',
    '#   no-unregistered-secret-env: error',
    '',
  ].join('\n');
}
