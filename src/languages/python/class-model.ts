// What the leak analysis needs to know about the classes of a module: how a constructor call maps
// its arguments onto instance fields (`__init__` storing `self.x = x`, or the annotated fields of
// a dataclass / pydantic model / NamedTuple), and whether an instance prints its fields.
import type { Node } from 'web-tree-sitter';
import { baseNames } from './sink-matcher.js';
import { calleeChain } from './python-syntax.js';

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
  /**
   * The generated `repr` that shows every field, when the class has one and does not replace it:
   * a dataclass (`@dataclass`, not `repr=False`) or a pydantic model, without its own
   * `__repr__`/`__str__`. Null otherwise.
   */
  generatedRepr: 'dataclass' | 'pydantic' | null;
  /** Annotated fields the generated `repr` leaves out (`field(repr=False)`, `Field(repr=False)`). */
  hiddenFields: Set<string>;
  /** The declaration (`api_key: str = ...`) of each annotated field. */
  fieldDeclarations: Map<string, Node>;
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
    const hiddenFields = new Set<string>();
    const fieldDeclarations = new Map<string, Node>();
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
        fieldDeclarations.set(left.text, assignment);
        if (hidesFromRepr(assignment.childForFieldName('right'))) hiddenFields.add(left.text);
      }
    }
    const validatesFields = baseNames(cls).some((base) => PYDANTIC_BASES.has(base));
    const generatedRepr = customRepr ? null : dataclassRepr(cls) ? 'dataclass' : validatesFields ? 'pydantic' : null;
    classes.set(name, {
      name, node: cls, initParams, annotatedFields, fieldAnnotations, initFields: new Map(), validatesFields,
      printsFields: !customRepr && initParams === null && annotatedFields.length > 0,
      generatedRepr, hiddenFields, fieldDeclarations,
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

/** `@dataclass`, `@dataclasses.dataclass(...)`, pydantic's `@dataclass`: with the generated `repr` (no `repr=False`). */
function dataclassRepr(cls: Node): boolean {
  const holder = cls.parent;
  if (holder?.type !== 'decorated_definition') return false;
  return holder.namedChildren.some((decorator) => {
    if (decorator.type !== 'decorator') return false;
    const expression = decorator.namedChildren[0] ?? null;
    const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    if (calleeChain(callee).at(-1) !== 'dataclass') return false;
    return expression?.type !== 'call' || !hasFalseKeyword(expression, 'repr');
  });
}

/** `field(repr=False)` / `Field(default=None, repr=False)`: the field is left out of the generated `repr`. */
function hidesFromRepr(value: Node | null): boolean {
  if (value?.type !== 'call') return false;
  const callee = calleeChain(value.childForFieldName('function')).at(-1);
  return (callee === 'field' || callee === 'Field') && hasFalseKeyword(value, 'repr');
}

function hasFalseKeyword(call: Node, name: string): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some(
    (argument) => argument.type === 'keyword_argument' && argument.childForFieldName('name')?.text === name && argument.childForFieldName('value')?.type === 'false',
  );
}
