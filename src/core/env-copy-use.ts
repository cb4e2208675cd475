// The ConfigFact a front end emits where a module mentions another module's function that returns
// a copy of the environment (src/core/env-copy-helpers.ts): shared by the front ends and the pass.

export const ENV_COPY_USE = 'env-copy-use';

/** What `data` of an `env-copy-use` fact holds: the function's name, and the child process when the copy goes to one. */
export interface EnvCopyUse {
  function: string;
  use: 'child-process' | 'unknown';
  target?: string;
}
