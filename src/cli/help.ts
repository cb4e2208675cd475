// Kept in one place so the README and `--help` can be compared by a test.
export const HELP_TEXT = `clavis-lint: registry-driven secrets-policy linter

Usage:
  clavis-lint [scan] [PATH...]        scan PATHs (default: the project root); files = report only those
  clavis-lint init [--yes] [--force] [DIR]
                                      write a first secrets.registry.yaml and .clavis-lint.yaml for DIR
                                      (default .) from the names the repository uses; asks on a terminal
  clavis-lint rules [--json]          the rule catalog
  clavis-lint explain RULE            what a rule checks, why, and how to fix it
  clavis-lint registry check          run only the registry rules; list kinds guessed from names
  clavis-lint registry export --format json|markdown|env-example
  clavis-lint docs --check|--fix      check or regenerate marked doc blocks from the registry
  clavis-lint inventory [--format markdown|json]
                                      every secret access site, by secret id and source
  clavis-lint merge REPORT...         combine the JSON or SARIF reports (or baselines) of --shard runs
                                      into what one unsharded scan writes (-o FILE, else stdout)

Options:
  --config FILE                 config file (default: .clavis-lint.yaml found upwards to the git root)
  --registry FILE|SPEC          registry file, or rust:PATH / json:PATH
  -f, --format FORMAT           text (default), compact (path:line:col: severity rule-id message),
                                json, sarif, github, markdown; text and compact show paths relative
                                to the working directory, the others relative to the project root
  -o, --output FILE             write the report to FILE instead of stdout
  --rule ID=off|warn|error      set a rule's level everywhere (repeatable; beats rules: and overrides:)
  --max-warnings N              exit 1 when there are more than N warnings
  --changed-since REF           report only findings in files changed since REF (git diff)
  --diff-filter MODE            added (finding lines are added lines), file (default), none
  --baseline FILE               report only findings not in the baseline; list stale entries
                                (beats the config's baseline: key)
  --update-baseline             write the current findings to the baseline file and exit 0
  --policy-from REF             judge the tree by the config, registry and baseline at REF (read
                                through git) and report how the tree's own policy is weaker
  --today YYYY-MM-DD            date for alias lifecycle checks (default: today)
  --hard-cut                    treat every deprecated alias as an error now
  --fix                         apply the certain fixes of the reported findings ([*] in text
                                output), then report what remains
  --fix-dry-run                 print those fixes as a unified diff (values masked); write nothing
  --include-suppressed          keep suppressed findings in SARIF (with justifications)
  --allow-empty                 accept a scan that covers no file (else: exit 2 naming the config key)
  --workers N                   analysis threads, 0 to 64 (default: by size and cores; 0 = none);
                                never more than the cores or the files to parse
  --cache, --no-cache           result cache: on by default, off when CI is set (--cache turns it on
                                there, e.g. with actions/cache); reports are the same either way
  --cache-location DIR          where the cache lives (default .clavis-lint-cache/ at the project root)
  --shard I/N                   analyse and report part I of N (by workspace package, else by path
                                hash), plus what cross-file checks need from other parts; see 'merge'
  --timing                      put the scan time in JSON stats.ms (else 0: identical runs, identical bytes),
                                its split by phase in stats.phases and the leak pass's part in stats.leakMs
  --no-color                    no colours in text output (also NO_COLOR); rule ids link to their
                                docs on a terminal that is not CI (FORCE_HYPERLINK=1|0 decides)
  -q, --quiet                   report errors only, no warnings (and no progress line)
  -y, --yes                     init: take the proposals without asking (also when not a terminal)
  --force                       init: overwrite an existing registry or config
  -h, --help                    this help
  -v, --version                 the version

Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage, config or registry error.
  docs --check: 1 a marked block is out of date (docs --fix repairs it); 2 a configured page is
  missing, unreadable, outside the project or malformed (never rewritten by --fix).
`;
