// YAML syntax errors in our own words. The `yaml` package's messages quote the source (a tag, an
// alias, a bad escape, the text of an unexpected token, and a code frame when pretty), and the
// quoted text may be a secret value; so no message of the parser ever reaches output. Each
// error code maps to a sentence saying what was expected; the position goes in line/column.

const SENTENCES: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot have an anchor or a tag',
  BAD_ALIAS: 'an alias is malformed or refers to no anchor defined before it',
  BAD_COLLECTION_TYPE: 'a tag does not fit the kind of collection it is on',
  BAD_DIRECTIVE: 'a directive (a line starting with %) is malformed',
  BAD_DQ_ESCAPE: 'a double-quoted string contains an invalid escape sequence',
  BAD_INDENT: 'the indentation is wrong, or a flow collection is not closed where expected',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a reserved character; quote it',
  BLOCK_AS_IMPLICIT_KEY: 'a nested mapping is not allowed on the same line as its key',
  BLOCK_IN_FLOW: 'a block collection cannot appear inside a flow collection ([...] or {...})',
  DUPLICATE_KEY: 'a mapping has the same key twice',
  IMPOSSIBLE: 'the document structure is inconsistent',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR: 'a required character is missing (a closing quote or bracket, a `:`, a `,` or a space)',
  MULTILINE_IMPLICIT_KEY: 'an implicit key spans more than one line',
  MULTIPLE_ANCHORS: 'a node has more than one anchor',
  MULTIPLE_DOCS: 'the file holds several documents where one was expected',
  MULTIPLE_TAGS: 'a node has more than one tag',
  NON_STRING_KEY: 'a mapping key is not a string',
  RESOURCE_EXHAUSTION: 'aliases expand to too much data',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML allows spaces only',
  TAG_RESOLVE_FAILED: 'a tag is unknown',
  UNEXPECTED_TOKEN: 'unexpected content here',
};

/** "YAML syntax error (CODE): <what was expected>", with no text from the file. */
export function yamlSyntaxErrorText(code: string): string {
  const sentence = SENTENCES[code] ?? 'the text is not valid YAML';
  const safeCode = /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'UNKNOWN';
  return `YAML syntax error (${safeCode}): ${sentence}`;
}
