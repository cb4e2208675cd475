// Registry ids that mix cases and digits (`StripeConnectV2WebhookSecret`) look like keys to the
// by-look masker; they are names the team wrote, so messages and flow notes show them (found on
// dubinc/dub, where findings read `****…`). A value in the same message is still masked.
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';

describe('messages keep registry names', () => {
  it('shows a digit-bearing secret id and env name, and still masks a value-like token', () => {
    const dir = writeTree({
      'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: StripeConnectV2WebhookSecret\n    env: STRIPE_CONNECT_V2_WEBHOOK_SECRET\n    kind: secret\n',
      'src/hook.ts': 'export const s = process.env.STRIPE_CONNECT_V2_WEBHOOK_SECRET;\nconsole.log(s);\n',
    });
    const run = runCli([dir, '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string; flow?: { note: string }[] }[] }).findings;
    const read = findings.find((f) => f.ruleId === 'no-direct-env-read');
    expect(read?.message).toContain('StripeConnectV2WebhookSecret');
    const leak = findings.find((f) => f.ruleId === 'no-secret-in-log');
    expect(leak?.message).toContain('StripeConnectV2WebhookSecret');
    expect(run.stdout).not.toContain('****');
  });
});
