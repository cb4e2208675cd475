// A read whose name is decided at a call of one of `resolver.functions` (Rust/Python one-step
// helpers: `required_env_var("X")` in another module, whose body reads `std::env::var(name)`)
// goes through the resolver: calling it is what the bypass rules ask for. So does a helper defined
// in a resolver path (`definedIn`), called from another file. The fact is still
// emitted (lifecycle and inventory see the name at the call); only the bypass rules skip it.
import type { EnvReadFact } from '../core/facts.js';
import type { RuleContext } from '../core/rule.js';

export function readsThroughResolver(fact: EnvReadFact, ctx: RuleContext): boolean {
  if (fact.via?.kind !== 'call' || !fact.via.function) return false;
  // A helper of a resolver path called from another file (`loadSetting({ environmentVariableName: 'X' })`): a resolver call.
  if (fact.via.definedIn && ctx.isResolverPath(fact.via.definedIn)) return true;
  const callee = lastPart(fact.via.function);
  return ctx.registry.resolver.functions.some((fn) => lastPart(fn) === callee);
}

/** `client::required_env_var`, `settings.get` -> the function's own name. */
function lastPart(path: string): string {
  return path.split(/::|\./).pop() ?? path;
}
