// Python classes that print a secret they hold: a dataclass or pydantic model's generated `repr`
// shows every field, so `print(model)`, `log.debug(f"{model!r}")`, a traceback's locals or a
// debugger show a secret stored in one (`self.api_key = self.api_key or os.getenv("X")` in a
// method, the shape of provider dataclasses, or a field whose default reads the environment).
// The leak is invisible where the object is printed, so it is reported at the field. A field
// left out of the `repr` (`field(repr=False)`, `Field(repr=False)`), typed with a secret wrapper
// (`SecretStr`, a registry type), or a class with its own `__repr__`/`__str__` is not reported.
import type { Node } from 'web-tree-sitter';
import type { LeakyTypeFact } from '../../core/facts.js';
import type { ClassModel } from './class-model.js';
import { envReadAt, ENV_READ_TYPES } from './env-reads.js';
import type { ModuleScope } from './module-scope.js';
import { rangeOf } from './python-syntax.js';
import type { SecretTypes } from './redaction.js';
import type { Taint } from './taint.js';

export interface LeakyTypeInputs {
  classes: Map<string, ClassModel>;
  /** `Class.self.field` -> what the class's methods store there. */
  instanceAttributes: Map<string, Taint>;
  secretTypes: SecretTypes;
  scope: ModuleScope;
  /** Registry env names of `kind: secret` -> their id. */
  secretNames: Record<string, string>;
}

export function findLeakyTypes({ classes, instanceAttributes, secretTypes, scope, secretNames }: LeakyTypeInputs): LeakyTypeFact[] {
  const facts: LeakyTypeFact[] = [];
  for (const cls of classes.values()) {
    if (!cls.generatedRepr) continue;
    for (const field of cls.annotatedFields) {
      const declaration = cls.fieldDeclarations.get(field);
      if (!declaration || cls.hiddenFields.has(field) || secretTypes.typeIn(cls.fieldAnnotations.get(field) ?? '')) continue;
      const stored = instanceAttributes.get(`${cls.name}.self.${field}`);
      const fromMethod = stored && stored.origin === 'source' && !stored.opaque ? stored.secretId : null;
      const secretId = fromMethod ?? envDefaultSecret(declaration.childForFieldName('right'), scope, secretNames);
      if (!secretId) continue;
      const target = declaration.childForFieldName('left') ?? declaration;
      facts.push({ kind: 'leaky-type', typeName: cls.name, field, exposure: `${cls.generatedRepr} __repr__`, secretId, range: rangeOf(target) });
    }
  }
  return facts;
}

/** The secret a field's default reads from the environment (`= os.getenv("X")`, `field(default_factory=lambda: os.getenv("X"))`). */
function envDefaultSecret(value: Node | null, scope: ModuleScope, secretNames: Record<string, string>): string | null {
  if (!value) return null;
  for (const node of [value, ...value.descendantsOfType(ENV_READ_TYPES as string[])]) {
    if (!node) continue;
    const read = envReadAt(node, scope);
    if (read?.name && secretNames[read.name]) return secretNames[read.name];
  }
  return null;
}
