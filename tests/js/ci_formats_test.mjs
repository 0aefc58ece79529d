// --format gitlab and --format rdjson validated against schemas of GitLab's Code Quality
// report and reviewdog's rdjson (tests/js/schemas: written from the published definitions,
// which come with no machine-readable schema in any package this machine can install),
// and checked for what those tools rely on: GitLab's fingerprints unique and stable,
// reviewdog's columns in UTF-8 bytes with suggestions that apply.
//   node ci_formats_test.mjs REPORTLINT FILE...
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [binary, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const schema = (name) => ajv.compile(JSON.parse(readFileSync(new URL(`./schemas/${name}`, import.meta.url), 'utf8')));
const validators = { gitlab: schema('gitlab-code-quality.schema.json'), rdjson: schema('rdjson.schema.json') };

// Run from the file's directory, as CI runs from the repository's root: paths come out
// relative, as both tools want them.
function lint(format, file) {
  const run = spawnSync(binary, ['--config', 'builtin:default', '--format', format, basename(file)],
                        { cwd: dirname(file), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(run.status === 0 || run.status === 1, `${file}: exit status ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const validate = validators[format];
  if (!validate(report)) {
    for (const e of validate.errors) console.error(`${file} (${format}): ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    process.exit(1);
  }
  return report;
}

let issues = 0, suggestions = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');

  const gitlab = lint('gitlab', file);
  const fingerprints = new Set(gitlab.map((i) => i.fingerprint));
  assert.equal(fingerprints.size, gitlab.length, `${file}: GitLab fingerprints are unique`);
  assert.deepEqual(lint('gitlab', file).map((i) => i.fingerprint), [...fingerprints], 'and stable from run to run');
  issues += gitlab.length;

  const rdjson = lint('rdjson', file);
  assert.equal(rdjson.diagnostics.length, gitlab.length, 'the same findings');
  for (const d of rdjson.diagnostics) {
    for (const s of d.suggestions ?? []) {
      // Columns are UTF-8 bytes from 1: both ends of a suggestion's range must fall on
      // character boundaries of their lines (at most just past the line's end).
      for (const at of [s.range.start, s.range.end]) {
        const bytes = Buffer.from(lines[at.line - 1] ?? '', 'utf8');
        assert.ok(at.column - 1 <= bytes.length + 1, `${file}:${at.line}: column ${at.column} is past the line`);
        const before = bytes.subarray(0, at.column - 1).toString('utf8');
        assert.ok(!before.includes('\uFFFD'), `${file}:${at.line}:${at.column}: a suggestion's range cuts a character`);
      }
      ++suggestions;
    }
  }
  console.log(`ok - ${file}`);
}
assert.ok(issues > 0 && suggestions > 0, 'issues and suggestions were checked');
console.log(`ok - ${issues} GitLab issues and reviewdog diagnostics, ${suggestions} suggestions`);
