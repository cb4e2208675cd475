import type { Rule } from '../core/rule.js';
import policyWeakened from './policy-weakened.js';
import registryCollision from './registry-collision.js';
import registryDuplicate from './registry-duplicate.js';
import registryLifecycle from './registry-lifecycle.js';
import registryUnreferenced from './registry-unreferenced.js';

export const REGISTRY_RULES: Rule[] = [policyWeakened, registryCollision, registryDuplicate, registryLifecycle, registryUnreferenced];
