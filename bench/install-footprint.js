// Install footprint of the npm package (issue 12): packs this checkout, installs the tarball into
// fresh projects as a user would (`npm i -D clavis-lint`), and prints the size of node_modules, the
// number of packages and whether any install script ran. Needs the npm registry (the machine's only
// network). Run: `npm run build && node bench/install-footprint.js`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-footprint-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const tarball = path.join(work, JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO))[0].filename);
console.log(`tarball: ${(fs.statSync(tarball).size / 1e6).toFixed(1)} MB packed`);

function measure(label, preinstall) {
  const project = path.join(work, label.replace(/\W+/g, '-'));
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'footprint-probe', version: '1.0.0', private: true }));
  if (preinstall) npm(['install', '-D', '--no-audit', '--no-fund', ...preinstall], project);
  const before = du(path.join(project, 'node_modules'));
  const beforeCount = packages(path.join(project, 'node_modules')).length;
  const log = npm(['install', '-D', '--no-audit', '--no-fund', '--foreground-scripts', tarball], project);
  const names = packages(path.join(project, 'node_modules'));
  const typescripts = names.filter((n) => n === 'typescript' || n.endsWith('/typescript'));
  console.log(`${label}: +${((du(path.join(project, 'node_modules')) - before) / 1e6).toFixed(1)} MB, +${names.length - beforeCount} packages` +
    ` (${names.length} in all), typescript copies: ${typescripts.length}, install scripts run: ${/> .*(install|postinstall)/.test(log) ? 'yes' : 'no'}`);
}

/** Every package directory (with a package.json) under node_modules, nested ones included. */
function packages(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (entry.startsWith('@')) { found.push(...packages(full, `${prefix}${entry}/`)); continue; }
    if (!fs.existsSync(path.join(full, 'package.json'))) continue;
    found.push(`${prefix}${entry}`);
    found.push(...packages(path.join(full, 'node_modules'), `${prefix}${entry}/node_modules/`));
  }
  return found;
}

function du(dir) {
  if (!fs.existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

measure('fresh project');
measure('project with typescript 5.9', ['typescript@5.9']);
fs.rmSync(work, { recursive: true, force: true });
