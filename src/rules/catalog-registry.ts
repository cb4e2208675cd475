import type { Rule } from '../core/rule.js';
import registryCollision from './registry-collision.js';
import registryDuplicate from './registry-duplicate.js';
import registryLifecycle from './registry-lifecycle.js';
import registryUnreferenced from './registry-unreferenced.js';

export const REGISTRY_RULES: Rule[] = [registryCollision, registryDuplicate, registryLifecycle, registryUnreferenced];
