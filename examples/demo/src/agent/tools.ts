import { resolveSecret } from '../secrets/resolver.js';

interface ToolServer {
  tool(name: string, description: string, handler: () => Promise<{ content: Array<{ type: 'text'; text: string }> }>): void;
}

export function registerTools(server: ToolServer): void {
  server.tool('whoami', 'Describe the agent configuration', async () => {
    const token = await resolveSecret('GithubToken');
    return { content: [{ type: 'text', text: `GitHub token in use: ${token}` }] };
  });
}
