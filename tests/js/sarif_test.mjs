// reportlint's SARIF output is valid against the official SARIF 2.1.0 schema, offline.
//   node sarif_test.mjs REPORTLINT FILE...
// Each file is linted with --format sarif (code points and UTF-16 columns) and the log
// validated; rules carry help text and fixes come through as SARIF fixes.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { validator } from './sarif_schema.mjs';

const [binary, ...files] = process.argv.slice(2);
const validate = validator();
let results = 0, fixes = 0;
for (const file of files) {
  for (const unit of ['codepoint', 'utf16']) {
    const run = spawnSync(binary, ['--config', 'builtin:default', '--format', 'sarif', '--column-unit', unit, file],
                          { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(run.status === 0 || run.status === 1, `${file}: exit status ${run.status}: ${run.stderr}`);
    const log = JSON.parse(run.stdout);
    if (!validate(log)) {
      for (const e of validate.errors) console.error(`${file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      process.exit(1);
    }
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.columnKind, unit === 'utf16' ? 'utf16CodeUnits' : 'unicodeCodePoints');
    assert.ok(sarifRun.tool.driver.rules.every((r) => r.help?.markdown?.includes('## What it does')), 'every rule has its page as help');
    assert.ok(sarifRun.tool.driver.informationUri, 'the tool has an informationUri');
    for (const r of sarifRun.results) {
      assert.equal(sarifRun.tool.driver.rules[r.ruleIndex].id, r.ruleId, 'ruleIndex points at the rule');
      assert.match(r.partialFingerprints?.['reportlint/v1'] ?? '', /^[0-9a-f]{16}$/, 'each result has its fingerprint');
      fixes += r.fixes ? 1 : 0;
    }
    results += sarifRun.results.length;
  }
  console.log(`ok - ${file}`);
}
assert.ok(results > 0 && fixes > 0, 'results and fixes were validated');
console.log(`ok - ${results} results, ${fixes} with fixes, valid SARIF 2.1.0`);
