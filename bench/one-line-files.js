// Generates one-line ("minified") JavaScript files of a given size for the linear-time benchmark:
// a deterministic stream of statements with `process.env.X` reads (registry names, aliases,
// deprecated names and unknown secret-looking names), string literals, template literals,
// comments and nested calls, joined without a single newline.
import fs from 'node:fs';
import { BENCH_SECRETS } from './corpus-typescript.js';

const NAMES = BENCH_SECRETS.flatMap((s) => [s.env, ...(s.aliases ?? []), ...(s.deprecated ? [s.deprecated] : [])]);

/** One statement group; `i` makes identifiers unique so the text never repeats exactly. */
export function oneLineChunk(i) {
  const name = NAMES[i % NAMES.length];
  return (
    `var a${i}=process.env.${name}||"fallback-${i}";` +
    `var u${i}=process.env["UNKNOWN_SERVICE_TOKEN_${i % 7}"];` +
    `function f${i}(x,y){return x+"::"+y+'\\u00e9'+\`t\${x}\`+/*c${i}*/(y?1:0)}` +
    `var s${i}={k:"value ${i} with spaces",n:${i},l:[1,2,3],o:{p:"q",r:f${i}(1,2)}};` +
    `if(a${i}&&s${i}.n>0){console.log("ok",s${i}.k)}` +
    // Leak flows: a resolver result and a secret env read reaching a logger and a URL.
    `function g${i}(){var t=resolveSecret("${name}");console.log("token "+t);return fetch("https://x.test/?key="+a${i})}`
  );
}

/** Writes a one-line file of at least `bytes` bytes; returns the number of registry reads in it. */
export function writeOneLineFile(file, bytes) {
  const parts = [];
  let size = 0;
  let reads = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = oneLineChunk(i);
    parts.push(chunk);
    size += chunk.length;
    reads++;
  }
  fs.writeFileSync(file, parts.join(''));
  return { bytes: size, chunks: reads };
}
