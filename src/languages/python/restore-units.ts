// Where a test saves an environment variable and where it puts it back: the unit a read and a write
// must share for the read to be a save (see PythonEnvReads.isSavedForRestore), rather than a test
// using the live value while another test of the file patches the same name.
import type { Node } from 'web-tree-sitter';
import { fieldOf } from './python-syntax.js';

/** unittest/pytest set-up and tear-down hooks: what one saves, another puts back. */
const LIFECYCLE_HOOK = /^(async)?(setup|teardown)(_?(class|method|module|function))?$/i;

export interface RestoreUnit {
  /** 'module', or the id of a top-level function, method, or a class's hooks taken together. */
  key: string;
  /** The top-level class holding the node, if any. */
  classId?: number;
  /** Whether the node is inside a set-up/tear-down hook. */
  inHook: boolean;
}

/**
 * The save/restore unit of `node`: its top-level function, or its method in a top-level class.
 * Set-up/tear-down hooks share their container's unit (the class, or 'module' for module hooks),
 * and module-level statements are 'module' (restored by any function).
 */
export function restoreUnit(node: Node): RestoreUnit {
  const chain: Node[] = [];
  for (let p = node.parent; p && p.type !== 'module'; p = p.parent) if (p.type === 'function_definition' || p.type === 'class_definition') chain.unshift(p);
  const [top, inner] = chain;
  const hook = (fn: Node): boolean => LIFECYCLE_HOOK.test(fieldOf(fn, 'name')?.text ?? '');
  if (!top) return { key: 'module', inHook: false };
  if (top.type === 'function_definition') return hook(top) ? { key: 'module', inHook: true } : { key: String(top.id), inHook: false };
  if (inner?.type !== 'function_definition') return { key: String(top.id), classId: top.id, inHook: false };
  return hook(inner) ? { key: String(top.id), classId: top.id, inHook: true } : { key: String(inner.id), classId: top.id, inHook: false };
}
