// Language detection from the path, plus a cheap look at the first bytes where the path is not
// enough (shell shebangs, Kubernetes manifests). Never parses.
import type { LanguageId } from '../core/facts.js';

const EXTENSIONS: Record<string, LanguageId> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.rs': 'rust',
  '.py': 'python',
  '.pyi': 'python',
  '.sh': 'shell',
  '.bash': 'shell',
  '.md': 'markdown',
  '.markdown': 'markdown',
  // MDX (Docusaurus, Nextra, Fumadocs pages) is Markdown plus JSX; its tables and code are Markdown.
  '.mdx': 'markdown',
};

function extname(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Detects by path alone; returns 'yaml' for YAML that needs a content sniff (Kubernetes or not). */
export function detectByPath(relPath: string): LanguageId | null {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (lower.endsWith('.d.ts')) return null;
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(relPath) || /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(relPath)) return 'workflow';
  // `docker compose -f` takes any name: a prefix before the usual ones counts too (svix's `testing-docker-compose.yml`, `dev.compose.yaml`).
  if (/^([\w.-]*[.-])?(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lower)) return 'compose';
  // `Dockerfile_amd`, `Dockerfile-dev` (text-generation-inference builds five such): `docker build -f` takes any name.
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || /^dockerfile[_-][\w-]*$/.test(lower) || lower.endsWith('.dockerfile') || lower === 'containerfile' || lower.startsWith('containerfile.')) return 'dockerfile';
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'dotenv';
  const ext = extname(lower);
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  return EXTENSIONS[ext] ?? null;
}

/** Refines a path-based guess with the file head: shebang scripts, Kubernetes manifests. */
export function refineByContent(pathGuess: LanguageId | null, head: string): LanguageId | null {
  if (pathGuess === 'yaml') {
    return /^\s*apiVersion\s*:/m.test(head) && /^\s*kind\s*:/m.test(head) ? 'kubernetes' : null;
  }
  if (pathGuess === null && /^#!\s*\S*\b(ba|da|z|k)?sh\b/.test(head)) return 'shell';
  if (pathGuess === null && /^#!\s*\S*\benv\s+(ba|da|z|k)?sh\b/.test(head)) return 'shell';
  return pathGuess;
}
