// What the leak analysis needs to know about the classes of a module: how a constructor call maps
// its arguments onto instance fields (`__init__` storing `self.x = x`, or the annotated fields of
// a dataclass / pydantic model / NamedTuple), and whether an instance prints its fields.
import type { Node } from 'web-tree-sitter';
import { baseNames } from './sink-matcher.js';

/** pydantic's model bases: they validate (and convert) what a constructor is given for each annotated field. */
const PYDANTIC_BASES = new Set(['BaseModel', 'BaseSettings', 'RootModel']);

export interface ClassModel {
  name: string;
  node: Node;
  /** Parameters of `__init__` (without `self`), when the class defines one. */
  initParams: string[] | null;
  /** Annotated class-level fields in declaration order (dataclass / pydantic / NamedTuple constructors). */
  annotatedFields: string[];
  /** The annotation of each annotated field, as written (`Optional[SecretStr]`). */
  fieldAnnotations: Map<string, string>;
  /**
   * A pydantic model (a base named BaseModel/BaseSettings/RootModel, also through classes of the
   * same module): a value given for a `SecretStr` field is stored as the wrapper, not as text.
   */
  validatesFields: boolean;
  /** `self.<field> = <param>` in `__init__`: field -> parameter index (filled by the analysis). */
  initFields: Map<string, number>;
  /**
   * True when an instance's `repr` shows its fields: a record-like class (no own `__init__`,
   * annotated fields). A plain class prints `<X object>`; an own `__repr__`/`__str__` is trusted.
   */
  printsFields: boolean;
}

/** `classDefinitions`: the module's `class_definition` nodes, in source order. */
export function collectClasses(classDefinitions: Node[]): Map<string, ClassModel> {
  const classes = new Map<string, ClassModel>();
  for (const cls of classDefinitions) {
    const name = cls.childForFieldName('name')?.text;
    const body = cls.childForFieldName('body');
    if (!name || !body) continue;
    let initParams: string[] | null = null;
    let customRepr = false;
    const annotatedFields: string[] = [];
    const fieldAnnotations = new Map<string, string>();
    for (const statement of body.namedChildren) {
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (definition?.type === 'function_definition') {
        const fn = definition.childForFieldName('name')?.text;
        if (fn === '__repr__' || fn === '__str__') customRepr = true;
        if (fn === '__init__') initParams = parameterNames(definition).slice(1);
        continue;
      }
      if (statement.type !== 'expression_statement') continue;
      const assignment = statement.namedChildren[0];
      if (assignment?.type !== 'assignment' || !assignment.childForFieldName('type')) continue;
      const left = assignment.childForFieldName('left');
      if (left?.type === 'identifier' && left.text !== 'model_config' && !/^(typing\.)?ClassVar\b/.test(assignment.childForFieldName('type')!.text)) {
        annotatedFields.push(left.text);
        fieldAnnotations.set(left.text, assignment.childForFieldName('type')!.text);
      }
    }
    classes.set(name, {
      name, node: cls, initParams, annotatedFields, fieldAnnotations, initFields: new Map(),
      validatesFields: baseNames(cls).some((base) => PYDANTIC_BASES.has(base)),
      printsFields: !customRepr && initParams === null && annotatedFields.length > 0,
    });
  }
  return classes;
}

function parameterNames(fn: Node): string[] {
  const names: string[] = [];
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const id = param.type === 'identifier' ? param : (param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier'));
    names.push(id?.type === 'identifier' ? id.text : '*');
  }
  return names;
}
