import { describe, expect, it } from 'vitest';
import type { FrontEndOptions, FunctionSummaryFact, LeakFact } from '../../../src/core/facts.js';
import { pythonModulePath } from '../../../src/languages/python/cross-file-calls.js';
import { analyzePython, pythonFrontEnd } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

/** Summaries of a file without a source are made on demand: the engine asks with `options.summarize`. */
async function summaries(code: string, file = 'pkg/util.py', options: Partial<FrontEndOptions> = {}): Promise<FunctionSummaryFact[]> {
  const result = await analyzePython(file, code, fixtureOptions({ summarize: ['log_key'], ...options }));
  return result.facts.filter((f): f is FunctionSummaryFact => f.kind === 'function-summary');
}

async function leaks(code: string, functionSummaries: FunctionSummaryFact[], file = 'pkg/main.py'): Promise<LeakFact[]> {
  const result = await analyzePython(file, code, fixtureOptions({ functionSummaries }));
  return result.facts.filter((f): f is LeakFact => f.kind === 'leak');
}

const step = (line: number, note: string) => ({ file: 'pkg/util.py', line, column: 5, endLine: line, endColumn: 9, note });

/** What pass one would report for `def log_key(k, level=0): logging.info(k)` and `def bearer(k): return "Bearer " + k` in pkg/util.py. */
const HELPERS: FunctionSummaryFact[] = [
  {
    kind: 'function-summary', language: 'python', name: 'log_key', module: 'pkg.util', params: ['k', 'level'], returns: [],
    sinks: [{ param: 0, ruleId: 'no-secret-in-log', sink: 'logging.info', range: { line: 5, column: 18, endLine: 5, endColumn: 19 }, flow: [step(5, 'reaches logging.info (no-secret-in-log)')] }],
    range: { line: 4, column: 5, endLine: 4, endColumn: 12 },
  },
  { kind: 'function-summary', language: 'python', name: 'bearer', module: 'pkg.util', params: ['k'], returns: [0], sinks: [], range: { line: 8, column: 5, endLine: 8, endColumn: 11 } },
];

const SOURCE = 'from app.secrets import resolve_secret\nk = resolve_secret("OpenRouterApiKey")\n';

describe('python cross-file: module paths', () => {
  it('derives dotted module paths from file paths', () => {
    expect(pythonModulePath('pkg/util.py')).toBe('pkg.util');
    expect(pythonModulePath('pkg/__init__.py')).toBe('pkg');
    expect(pythonModulePath('pkg/sub/types.pyi')).toBe('pkg.sub.types');
    expect(pythonModulePath('main.py')).toBe('main');
  });
});

describe('python cross-file: pass one summaries', () => {
  it('summarises parameters that reach a sink or the return value, with the in-callee flow', async () => {
    const code = [
      'import logging',
      '',
      'def log_key(k, level=0):',
      '    message = f"key {k}"',
      '    logging.info(message)',
      '',
      'def bearer(prefix, k):',
      '    return prefix + " " + k',
      '',
      'def harmless(k):',
      '    logging.info("length %d", len(k))',
      '    return len(k)',
    ].join('\n');
    const found = await summaries(code);
    expect(found.map((s) => [s.name, s.module, s.params, s.returns, s.sinks.map((x) => `${x.param}:${x.ruleId}:${x.sink}@${x.range.line}`)])).toEqual([
      ['log_key', 'pkg.util', ['k', 'level'], [], ['0:no-secret-in-log:logging.info@5']],
      ['bearer', 'pkg.util', ['prefix', 'k'], [0, 1], []],
    ]);
    expect(found[0].sinks[0].flow.map((s) => `${s.file}:${s.line}:${s.note}`)).toEqual([
      'pkg/util.py:4:assigned to message',
      'pkg/util.py:5:reaches logging.info (no-secret-in-log)',
    ]);
  });

  it('names methods Class.method without self, skips nested functions and dunders (__init__ sinks belong to the class), uses the package path for __init__', async () => {
    const code = [
      'class Client:',
      '    def __init__(self, token):',
      '        print(token)',
      '    def send(self, token):',
      '        print(token)',
      '    @staticmethod',
      '    def show(token):',
      '        print(token)',
      '',
      'def outer(x):',
      '    def inner(token):',
      '        print(token)',
      '    return 1',
    ].join('\n');
    const found = await summaries(code, 'pkg/__init__.py');
    expect(found.map((s) => `${s.module}:${s.name}(${s.params!.join(',')})->${s.sinks.map((x) => x.param).join(',')}`)).toEqual([
      'pkg:Client.send(token)->0',
      'pkg:Client.show(token)->0',
      // The class itself, called: its `__init__` prints the argument.
      'pkg:Client(token)->0',
    ]);
  });

  it('summarises a file without a source only when asked, and a file with one only in its first analysis', async () => {
    const helper = 'import logging\ndef log_key(k):\n    logging.info(k)\n';
    expect(await summaries(helper, 'pkg/util.py', { summarize: undefined })).toEqual([]);
    expect((await summaries(helper)).map((s) => s.name)).toEqual(['log_key']);
    const withSource = `${SOURCE}import logging\ndef log_key(k):\n    logging.info(k)\n`;
    expect((await summaries(withSource, 'pkg/util.py', { summarize: undefined })).map((s) => s.name)).toEqual(['log_key', 'k']);
    expect(await summaries(withSource)).toEqual([]);
  });

  it('emits nothing when leak analysis is off', async () => {
    expect(await summaries('import logging\ndef log_key(k):\n    logging.info(k)\n', 'pkg/util.py', { leakAnalysis: false })).toEqual([]);
  });

  it('reports calls to functions defined elsewhere that receive a secret, aliases resolved to the imported name', async () => {
    const code = [
      SOURCE,
      'import logging',
      'import pkg.util as util',
      'from .util import bearer as b',
      'from . import fmt',
      'util.log_key(k)',
      'b(k)',
      'fmt.show(k)',
      'helper(k)',
      'helper2("constant")',
      'str(k)',
      'logging.info(k)',
      'k.strip()',
      'def local(x):',
      '    return x',
      'local(k)',
    ].join('\n');
    const result = await analyzePython('pkg/main.py', code, fixtureOptions());
    expect(result.unresolvedCalls).toEqual(['bearer', 'fmt.show', 'helper', 'util.log_key']);
    expect((await analyzePython('pkg/main.py', code, fixtureOptions({ leakAnalysis: false }))).unresolvedCalls).toBeUndefined();
  });
});

describe('python cross-file: pass two with other modules\' summaries', () => {
  const leakLines = (found: LeakFact[]) => found.map((l) => `${l.range.line}:${l.range.column}:${l.ruleId}:${l.sink}:${l.secretId}`);

  it('resolves relative, aliased, module-alias and plain-name calls to a sink summary, located at the sink', async () => {
    const imports = ['from .util import log_key', 'from pkg.util import log_key as lk', 'import pkg.util as util'].join('\n');
    const calls: Array<[string, string]> = [
      ['log_key(k)', '6:9'],
      ['lk(k)', '6:4'],
      ['util.log_key(k)', '6:14'],
      ['util.log_key(level=1, k=k)', '6:25'],
    ];
    for (const [call, handOver] of calls) {
      const found = await leaks(`${SOURCE}${imports}\n${call}\n`, HELPERS);
      // The fact sits at the sink in pkg/util.py (the engine files it there); the flow shows the hand-over.
      expect(leakLines(found)).toEqual(['5:18:no-secret-in-log:logging.info:OpenRouterApiKey']);
      expect(found[0].flow.at(-1)?.file).toBe('pkg/util.py');
      expect(found[0].flow.map((s) => `${s.line}:${s.column}`)).toContain(handOver);
    }
    expect(leakLines(await leaks(`${SOURCE}log_key(k)\n`, HELPERS))).toEqual(['5:18:no-secret-in-log:logging.info:OpenRouterApiKey']);
  });

  it('reports one finding per sink however many calls reach it', async () => {
    const found = await leaks(`${SOURCE}from .util import log_key\nlog_key(k)\nlog_key(k + "!")\n`, HELPERS);
    expect(found).toHaveLength(1);
  });

  it('builds the flow from the caller steps, the hand-over and the callee steps', async () => {
    const [leak] = await leaks(`${SOURCE}from .util import log_key\nlog_key(k)\n`, HELPERS);
    expect(leak.flow.map((s) => `${s.file}:${s.line}:${s.note}`)).toEqual([
      'pkg/main.py:2:secret OpenRouterApiKey from resolve_secret("OpenRouterApiKey")',
      'pkg/main.py:2:assigned to k',
      "pkg/main.py:4:passed to 'log_key' (param 'k')",
      'pkg/util.py:5:reaches logging.info (no-secret-in-log)',
    ]);
  });

  it('taints the result of a call whose summary returns a tainted parameter', async () => {
    const code = `${SOURCE}from .util import bearer\nheader = bearer(k)\nprint(header)\nprint(bearer("x"))\n`;
    const found = await leaks(code, HELPERS);
    expect(leakLines(found)).toEqual(['5:7:no-secret-in-log:print:OpenRouterApiKey']);
    expect(found[0].flow.map((s) => s.note)).toContain('returned by bearer() (pkg.util)');
  });

  it('ignores untainted arguments, other modules with the same function name, and its own module', async () => {
    expect(await leaks(`${SOURCE}from .util import log_key\nlog_key("safe", level=k)\n`, HELPERS)).toEqual([]);
    expect(await leaks(`${SOURCE}from other.place import log_key\nlog_key(k)\n`, HELPERS)).toEqual([]);
    expect(await leaks(`${SOURCE}log_key(k)\n`, HELPERS, 'pkg/util.py')).toEqual([]);
    // Without summaries the same call is not a leak: the finding comes from the summary.
    expect(await leaks(`${SOURCE}from .util import log_key\nlog_key(k)\n`, [])).toEqual([]);
  });

  it('prefers a function defined in the file over an imported summary of the same name', async () => {
    const code = `${SOURCE}def log_key(k):\n    return len(k)\nlog_key(k)\n`;
    expect(await leaks(code, HELPERS)).toEqual([]);
  });
});

describe('python cross-file: prefilter', () => {
  it('skips helper modules that only talk about secrets (their summaries are made on demand) and ordinary modules', () => {
    const helper = 'import logging\n\ndef log_key(k):\n    logging.info(k)\n';
    expect(pythonFrontEnd.prefilter(helper, fixtureOptions())).toBe(false);
    expect(pythonFrontEnd.prefilter(helper, fixtureOptions({ leakAnalysis: false }))).toBe(false);
    expect(pythonFrontEnd.prefilter('import logging\n\ndef total(items):\n    logging.info(len(items))\n', fixtureOptions())).toBe(false);
  });

  it('lets in `environ` and `environb` as names, not the word environment', () => {
    expect(pythonFrontEnd.prefilter('import os\nx = os.environ["A"]\n', fixtureOptions())).toBe(true);
    expect(pythonFrontEnd.prefilter('from os import environb', fixtureOptions())).toBe(true);
    expect(pythonFrontEnd.prefilter('def make_environment(environment_id):\n    return environment_id\n', fixtureOptions())).toBe(false);
  });
});
