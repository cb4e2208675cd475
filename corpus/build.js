// Rebuilds the real-repository corpus: for each pinned repository in corpus/repos.json, a checkout
// of its commit from the local mirror into CORPUS_DIR/<name>, then our registry and config
// (corpus/repos/<name>/*) copied over the tree. Their code never enters this repository.
//   node corpus/build.js [name...]      CORPUS_DIR=/work/corpus MIRROR_DIR=/work/.mirror
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = process.env.CORPUS_DIR ?? '/work/corpus';
const mirrorDir = process.env.MIRROR_DIR ?? '/work/.mirror';
const { repos } = JSON.parse(fs.readFileSync(path.join(here, 'repos.json'), 'utf8'));
const wanted = process.argv.slice(2);

for (const entry of repos.filter((r) => wanted.length === 0 || wanted.includes(r.name))) {
  const gitDir = path.join(mirrorDir, entry.repo.replace('/', '+'), 'repo');
  if (!fs.existsSync(gitDir)) {
    console.error(`skip ${entry.name}: no mirror at ${gitDir} (fetch github:${entry.repo} first)`);
    continue;
  }
  const target = path.join(corpusDir, entry.name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  // The mirror may lack its largest blobs: leave those files out rather than fail. `git archive`
  // reads excluded blobs all the same (git 2.39), so the tree goes through a temporary index
  // from which the missing files are removed before checkout.
  const env = { ...process.env, GIT_INDEX_FILE: path.join(os.tmpdir(), `clavis-corpus-${process.pid}-${entry.name}.index`) };
  try {
    execFileSync('git', ['--git-dir', gitDir, 'read-tree', entry.commit], { env });
    const missing = missingBlobs(gitDir, entry.commit);
    if (missing.length > 0) execFileSync('git', ['--git-dir', gitDir, 'update-index', '--force-remove', '-z', '--stdin'], { env, input: missing.join('\0') });
    execFileSync('git', ['--git-dir', gitDir, '--work-tree', target, 'checkout-index', '--all', '--force'], { env, maxBuffer: 1 << 30 });
  } finally {
    fs.rmSync(env.GIT_INDEX_FILE, { force: true });
  }
  // A git repository of its own, so discovery and the project root behave as in a real checkout.
  execFileSync('git', ['init', '-q'], { cwd: target });
  const overlay = path.join(here, 'repos', entry.name);
  if (fs.existsSync(overlay)) fs.cpSync(overlay, target, { recursive: true, filter: (src) => !src.endsWith('labels.json') });
  console.log(`${entry.name}: ${entry.repo}@${entry.commit.slice(0, 9)} -> ${target}`);
}

function missingBlobs(gitDir, commit) {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28 }).toString('utf8');
  const entries = listing.split('\0').filter(Boolean).map((line) => {
    const [meta, file] = line.split('\t');
    return { type: meta.split(' ')[1], oid: meta.split(' ')[2], file };
  }).filter((e) => e.type === 'blob');
  const check = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch-check'], { input: entries.map((e) => e.oid).join('\n') + '\n', maxBuffer: 1 << 28 }).toString('utf8').split('\n');
  return entries.filter((_, i) => check[i]?.endsWith(' missing')).map((e) => e.file);
}
