// Runs a command as a child process and measures its wall time and peak RSS: with GNU
// `/usr/bin/time -v` when present, else (node commands only) through a preload that reports
// `process.resourceUsage().maxRSS` at exit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

function hasGnuTime() {
  if (!fs.existsSync(GNU_TIME)) return false;
  try {
    return fs.statSync(GNU_TIME).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ node: string[], cwd: string, stdoutFile?: string }} command  arguments for `node`
 * @returns {Promise<{ wallMs: number, cpuMs: number | null, peakRssMb: number | null, exitCode: number | null, stdout: string, stderr: string }>}
 */
export async function measureNode({ node, cwd, stdoutFile }) {
  const useTime = hasGnuTime();
  const probeFile = path.join(os.tmpdir(), `clavis-bench-rss-${process.pid}-${Date.now()}.txt`);
  const args = useTime ? ['-v', process.execPath, ...node] : ['--require', RSS_PROBE, ...node];
  const command = useTime ? GNU_TIME : process.execPath;
  const env = { ...process.env, CLAVIS_BENCH_RSS_FILE: probeFile, NO_COLOR: '1' };
  const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  if (typeof out === 'number') fs.closeSync(out);
  let peakRssMb = null;
  let cpuMs = null;
  if (useTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (match) peakRssMb = Number(match[1]) / 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
    stderr = stderr.slice(0, stderr.lastIndexOf('\tCommand being timed:')).trim();
  } else if (fs.existsSync(probeFile)) {
    peakRssMb = Number(fs.readFileSync(probeFile, 'utf8')) / 1024;
    fs.rmSync(probeFile, { force: true });
  }
  return { wallMs, cpuMs, peakRssMb, exitCode, stdout, stderr };
}

export const rssMethod = () => (hasGnuTime() ? '/usr/bin/time -v (peak RSS of the largest process)' : 'process.resourceUsage().maxRSS in the child');

/** Runs `measure` `runs` times and keeps the fastest run (the least disturbed by other load). */
export async function bestOf(runs, measure) {
  let chosen = null;
  for (let i = 0; i < runs; i++) {
    const result = await measure();
    if (!chosen || result.wallMs < chosen.wallMs) chosen = result;
  }
  return chosen;
}

/** A JSON file's content, or null when it is missing or not JSON (a tool that crashed wrote none). */
export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
