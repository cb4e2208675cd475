// Edits on vox (vox-foundation/vox at 3456cc901b4b44bed8a00966206950544b7999b2, corpus/repos.json "vox"); each `apply` maps the file's text to the edited text.
export default ({ append, prepend, blankMiddle, sub }) => {
  const EXT = 'apps/editor/vox-vscode/src/extension.ts';
  const MTR = 'apps/editor/vox-vscode/src/core/mcpToolResult.ts';
  const CLI = 'apps/editor/vox-vscode/src/core/VoxMcpClient.ts';
  const single = [
    { id: 'vx1', file: CLI, desc: 'append a comment line (no leak root in vox TS)', apply: append('// eof\n') },
    { id: 'vx2', file: MTR, desc: 'console.log(result) in parseMcpToolResult (no root passes a secret)', apply: sub('    const r = result as McpResult | null;\n', '    console.log(result);\n    const r = result as McpResult | null;\n') },
  ];
  const cumulative = {
    // vox's TypeScript has no leak root (no registry secret is read in TS), so the first step makes one
    // (extension.ts reads OPENROUTER_API_KEY and hands it to mcpToolResult.ts).
    voxRoot: [
      { id: 'vr1', file: EXT, desc: 'extension.ts reads OPENROUTER_API_KEY and passes it to parseMcpToolResult', apply: (t) => sub('export function activate(context: vscode.ExtensionContext) {\n', 'export function activate(context: vscode.ExtensionContext) {\n    parseMcpToolResult(process.env.OPENROUTER_API_KEY);\n')(sub("import { VoxMcpClient } from './core/VoxMcpClient';\n", "import { VoxMcpClient } from './core/VoxMcpClient';\nimport { parseMcpToolResult } from './core/mcpToolResult';\n")(t)) },
      { id: 'vr2', file: MTR, desc: 'console.log(result) in parseMcpToolResult (new finding)', apply: sub('    const r = result as McpResult | null;\n', '    console.log(result);\n    const r = result as McpResult | null;\n') },
      { id: 'vr3', file: MTR, desc: 'string literal in unwrapVoxToolEnvelope changed (unread by the root)', apply: (t) => t.replace("'success' in parsed", "'ok' in parsed") },
      { id: 'vr4', file: MTR, desc: 'blank line in the middle', apply: blankMiddle },
      { id: 'vr5', file: MTR, desc: 'comment at the top (finding moves)', apply: prepend('// moved\n') },
    ],
  };
  return { single, cumulative };
};
