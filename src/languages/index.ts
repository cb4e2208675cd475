// Language id -> front end. A new language is a new front end emitting the same facts.
import type { FrontEnd, LanguageId } from '../core/facts.js';
import { composeFrontEnd } from './config/compose.js';
import { dockerfileFrontEnd } from './config/dockerfile.js';
import { dotenvFrontEnd } from './config/dotenv.js';
import { kubernetesFrontEnd } from './config/kubernetes.js';
import { markdownFrontEnd } from './config/markdown.js';
import { workflowFrontEnd } from './config/workflow.js';
import { pythonFrontEnd } from './python/index.js';
import { rustFrontEnd } from './rust/index.js';
import { shellFrontEnd } from './shell/index.js';
import { typescriptFrontEnd } from './typescript/index.js';

const FRONT_ENDS: Partial<Record<LanguageId, FrontEnd>> = {
  typescript: typescriptFrontEnd,
  javascript: typescriptFrontEnd,
  rust: rustFrontEnd,
  python: pythonFrontEnd,
  shell: shellFrontEnd,
  workflow: workflowFrontEnd,
  compose: composeFrontEnd,
  kubernetes: kubernetesFrontEnd,
  dockerfile: dockerfileFrontEnd,
  dotenv: dotenvFrontEnd,
  markdown: markdownFrontEnd,
};

export function frontEndFor(language: LanguageId): FrontEnd | undefined {
  return FRONT_ENDS[language];
}
