// Whether an env name a shell script expands holds a secret: a registry secret (not `kind: config`),
// or, for a name the registry does not know, one that looks like a secret (`secret_patterns`). The
// shell rules ask it of the names their facts carry (no-secret-echo, no-secret-in-url).
import type { RuleContext } from '../core/rule.js';

export function isSecretName(name: string, ctx: RuleContext): { secretId: string | null } | null {
  const info = ctx.names.get(name);
  if (info) return info.secret.kind === 'secret' ? { secretId: info.secret.id } : null;
  return ctx.looksLikeSecret(name) ? { secretId: null } : null;
}
