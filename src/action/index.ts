// Entry of the bundled Action (dist/index.cjs). CommonJS output has no top-level await.
import { runAction } from './main.js';

void runAction();
