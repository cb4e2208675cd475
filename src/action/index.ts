// Entry of the bundled Action (dist/index.cjs). CommonJS output has no top-level await.
import { tuneTieringForScans } from '../core/v8-flags.js';
import { runAction } from './main.js';

// The Action runs in a process of its own, as the CLI does: the same V8 tiering (core/v8-flags.ts),
// set before the scan compiles anything it optimises. Tests call runAction and keep Node's defaults.
tuneTieringForScans();
void runAction();
