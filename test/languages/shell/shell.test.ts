import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { analyzeShellSnippet, isShellTestPath, shellFrontEnd } from '../../../src/languages/shell/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

async function facts(code: string, file = 'scripts/deploy.sh'): Promise<Fact[]> {
  return (await shellFrontEnd.analyze(file, code, fixtureOptions())).facts;
}

function brief(f: Fact): string {
  const at = `${f.range.line}:${f.range.column}-${f.range.endColumn}`;
  switch (f.kind) {
    case 'env-read':
      return `${at} read ${f.name ?? '?'} ${f.api}${f.enumerates ? ' enumerates' : ''}`;
    case 'name-ref':
      return `${at} ref ${f.name} ${f.context}${f.hasLiteralValue ? ' literal' : ''}`;
    case 'config':
      return `${at} ${f.type} ${JSON.stringify(f.data)}`;
    case 'secret-store-call':
      return `${at} store ${f.provider} ${f.api}`;
    case 'comment':
      return `${at} comment`;
    default:
      return `${at} ${f.kind}`;
  }
}

describe('shell env reads', () => {
  it('reports $X, ${X}, ${X:-d} and printenv X, skipping special, positional and local variables', async () => {
    const code = 'LOCAL=1\necho "$GITHUB_TOKEN" ${STRIPE_KEY} "${OPENROUTER_API_KEY:-none}" $1 $@ $? $LOCAL $lower $RANDOM\nprintenv OPENROUTER_KEY\n';
    const reads = (await facts(code)).filter((f) => f.kind === 'env-read').map(brief);
    expect(reads).toEqual(['2:7-20 read GITHUB_TOKEN $X', '2:22-35 read STRIPE_KEY $X', '2:37-64 read OPENROUTER_API_KEY $X', '3:10-24 read OPENROUTER_KEY printenv']);
  });

  it('reports the self-default pattern and exported assignments as reads', async () => {
    const code = 'TOKEN="${TOKEN:-x}"\nexport KEY=1\necho "$KEY"\n';
    expect((await facts(code)).filter((f) => f.kind === 'env-read').map((f) => f.kind === 'env-read' && f.name)).toEqual(['TOKEN', 'KEY']);
  });

  it('reports indirect expansion as dynamic and bare env/printenv as enumeration', async () => {
    const code = 'echo "${!name}"\nenv\nprintenv\nenv FOO=1 python app.py\n';
    expect((await facts(code)).filter((f) => f.kind === 'env-read').map(brief)).toEqual([
      '1:7-15 read ? ${!X}',
      '2:1-4 read ? env enumerates',
      '3:1-9 read ? printenv enumerates',
    ]);
  });
});

describe('shell exports, config facts and stores', () => {
  it('emits export name refs with hasLiteralValue only for literal values', async () => {
    const code = 'export A_TOKEN=ghp_FAKE B_TOKEN="$X" C_TOKEN= D_TOKEN\ndeclare -x E_TOKEN=lit\n';
    expect((await facts(code)).filter((f) => f.kind === 'name-ref').map(brief)).toEqual([
      '1:8-15 ref A_TOKEN shell-export literal',
      '1:25-32 ref B_TOKEN shell-export',
      '1:38-45 ref C_TOKEN shell-export',
      '1:47-54 ref D_TOKEN shell-export',
      '2:12-19 ref E_TOKEN shell-export literal',
    ]);
  });

  it('emits the ConfigFacts no-secret-echo reads', async () => {
    const code = [
      'set -euxo pipefail',
      'set -o xtrace',
      'set +x',
      'echo "token $GITHUB_TOKEN"',
      'printf "%s" "$STRIPE_KEY" | docker login --password-stdin',
      'echo "KEY=$KEY" >> "$GITHUB_ENV"',
      'echo "::add-mask::$TOKEN"',
      'echo hello',
      'env | sort',
      'export -p',
      'set',
      'cat ~/.netrc',
      'docker build --build-arg GITHUB_TOKEN --build-arg=NPM_TOKEN=abc --build-arg "X=$Y" .',
      'curl -H "Authorization: Bearer $H_KEY" "https://api.example.com/v1/$ITEM?page=$PAGE&key=${Q_KEY}#frag=$F"',
    ].join('\n');
    // Value-literal positions (for output masking) are tested in test/security/masking.test.ts.
    expect((await facts(code)).filter((f) => f.kind === 'config' && f.type !== 'value-literal').map(brief)).toEqual([
      // `expanded`: the names later commands expand, which the trace prints (no-secret-echo keeps those in scope).
      '1:1-19 shell-xtrace {"expanded":["F","GITHUB_ENV","GITHUB_TOKEN","H_KEY","ITEM","KEY","PAGE","Q_KEY","STRIPE_KEY","TOKEN","Y"]}',
      '2:1-14 shell-xtrace {"expanded":["F","GITHUB_ENV","GITHUB_TOKEN","H_KEY","ITEM","KEY","PAGE","Q_KEY","STRIPE_KEY","TOKEN","Y"]}',
      '3:1-7 shell-xtrace-off {}',
      '4:1-27 shell-echo {"command":"echo","names":["GITHUB_TOKEN"]}',
      '5:1-26 shell-echo {"command":"printf","names":["STRIPE_KEY"],"piped":true,"pipedTo":[{"command":"docker"}]}',
      '6:1-16 shell-echo {"command":"echo","names":["KEY"],"toFile":true}',
      '7:1-26 shell-echo {"command":"echo","names":["TOKEN"],"workflowCommand":"add-mask"}',
      '9:1-4 shell-env-dump {"command":"env"}',
      '10:1-10 shell-env-dump {"command":"export -p"}',
      '11:1-4 shell-env-dump {"command":"set"}',
      '12:5-13 shell-cat {"path":"~/.netrc"}',
      '13:26-38 shell-build-arg {"name":"GITHUB_TOKEN"}',
      '13:39-64 shell-build-arg {"name":"NPM_TOKEN","hasLiteralValue":true}',
      '13:77-83 shell-build-arg {"name":"X"}',
      // Only names expanded in a URL's query: not the header's, the path's or the fragment's.
      '14:40-106 shell-url-query {"command":"curl","names":["PAGE","Q_KEY"]}',
    ]);
  });

  it('emits secret-store CLI calls, also inside command substitutions', async () => {
    const code = 'T="$(op read op://ci/gh/token)"\nvault read secret/x\naws --profile p secretsmanager get-secret-value --secret-id x\naz keyvault secret show --name n\ndoppler secrets get K --plain\ninfisical secrets get K\nvault status\n';
    expect((await facts(code)).filter((f) => f.kind === 'secret-store-call').map(brief)).toEqual([
      '1:6-30 store 1password op read',
      '2:1-20 store vault vault read',
      '3:1-62 store aws-secrets-manager aws secretsmanager get-secret-value',
      '4:1-33 store azure-key-vault az keyvault secret show',
      '5:1-30 store doppler doppler secrets get',
      '6:1-24 store infisical infisical secrets get',
    ]);
  });

  it('emits comment facts for suppression directives only', async () => {
    const code = '# hello\necho "$GITHUB_TOKEN" # clavis-lint-disable-line no-secret-echo -- masked upstream\n';
    expect((await facts(code)).filter((f) => f.kind === 'comment')).toEqual([
      { kind: 'comment', text: '# clavis-lint-disable-line no-secret-echo -- masked upstream', range: { line: 2, column: 22, endLine: 2, endColumn: 82 } },
    ]);
  });

  it('marks test scripts and survives garbage', async () => {
    expect(isShellTestPath('tests/run.sh')).toBe(true);
    expect(isShellTestPath('scripts/run_test.sh')).toBe(true);
    expect(isShellTestPath('scripts/run.sh')).toBe(false);
    const read = (await facts('echo "$GITHUB_TOKEN"\n', 'tests/e2e.sh')).find((f) => f.kind === 'env-read');
    expect(read).toMatchObject({ inTest: true });
    await expect(shellFrontEnd.analyze('x.sh', 'if then fi ((( $(\n\uFFFD\u0000 "${', fixtureOptions())).resolves.toBeDefined();
  });
});

describe('analyzeShellSnippet', () => {
  it('maps positions into the host file with line and column offsets', async () => {
    // A `run: |` block at YAML line 11 whose lines were de-indented by 10 columns.
    const { facts: out } = await analyzeShellSnippet('.github/workflows/ci.yml', 'echo start\necho "$GITHUB_TOKEN"\n', 10, 10, fixtureOptions());
    expect(out.filter((f) => f.kind === 'env-read').map(brief)).toEqual(['12:17-30 read GITHUB_TOKEN $X']);
  });

  it('honours a per-line column map', async () => {
    const map = (line: number): number => (line === 1 ? 5 : 8);
    const { facts: out } = await analyzeShellSnippet('w.yml', 'echo $STRIPE_KEY\necho $GITHUB_TOKEN', 2, 0, fixtureOptions(), map);
    expect(out.filter((f) => f.kind === 'env-read').map(brief)).toEqual(['3:11-22 read STRIPE_KEY $X', '4:14-27 read GITHUB_TOKEN $X']);
  });

  it('blanks GitHub expressions so they neither break parsing nor count as literal values', async () => {
    const code = 'echo "${{ secrets.GITHUB_TOKEN }}" $OPENROUTER_API_KEY\nexport STRIPE_KEY=${{ secrets.STRIPE_KEY }}\necho done';
    const { facts: out } = await analyzeShellSnippet('w.yml', code, 0, 0, fixtureOptions());
    expect(out.filter((f) => !(f.kind === 'config' && f.type === 'value-literal')).map(brief)).toEqual([
      '1:1-55 shell-echo {"command":"echo","names":["OPENROUTER_API_KEY"],"expressions":["secrets.GITHUB_TOKEN"]}',
      '1:36-55 read OPENROUTER_API_KEY $X',
      '2:8-18 ref STRIPE_KEY shell-export',
    ]);
  });
});
