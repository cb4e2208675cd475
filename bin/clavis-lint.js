#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
import { run } from '../lib/cli/run.js';

await run();
