// Preloaded into a measured node child when GNU time is missing: writes its peak RSS (KiB) at exit.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.CLAVIS_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
