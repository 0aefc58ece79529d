// End-to-end test of `reportlint serve` in a real browser: Debian's Chromium, headless,
// driven by puppeteer-core (pinned in package-lock.json; it downloads no browser).
//   node serve_test.mjs /path/to/reportlint SAMPLE.txt [SCREENSHOT.png]
// Uploads the sample draft, a Word document and a GBK text; checks that the marked
// findings are the command line's (`--format json --column-unit utf16`), that clicking a
// finding scrolls to it and shows its rule page, that switching the document type
// relints, that fixing all and downloading gives what `reportlint --fix` writes, and the
// printable report. Security: a foreign Host or Origin gets 403, an oversized upload a
// clear 413, and two pages uploading at once each get their own file's findings.
// `--open` calls xdg-open (a stand-in on PATH) with the printed address.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import http from 'node:http';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';

const [binary, sample, screenshot] = process.argv.slice(2);
if (!binary || !sample) throw new Error('usage: node serve_test.mjs REPORTLINT SAMPLE [SCREENSHOT]');
const work = mkdtempSync(join(tmpdir(), 'reportlint-serve-'));
// Polled by time, not by animation frame: a page in a background tab (the two-page case
// below) gets no animation frames, and a frame-polled wait there never ends.
const POLL = { polling: 100 };
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref());

// --- the command line's answers, to compare with ---------------------------------------
function cli(args, file) {
  try {
    return execFileSync(binary, [...args, file], { encoding: 'utf8', cwd: work });
  } catch (e) {
    if (e.status === 1) return e.stdout;  // findings
    throw e;
  }
}
function cliFindings(file, profile = '') {
  const args = ['--format', 'json', '--column-unit', 'utf16', '--config', 'builtin:default'];
  if (profile) args.push('--profile', profile);
  return JSON.parse(cli(args, file)).files[0].diagnostics;
}

// Test inputs: the sample, a Word document from Word's own template (python-docx), and
// the sample in GBK.
const draft = join(work, basename(sample));
copyFileSync(sample, draft);
const docx = join(work, '述职报告.docx');
execFileSync('/usr/bin/python3', ['-c', `
import docx, sys
d = docx.Document()
d.add_paragraph('xx局2023年述职报告')
d.add_heading('一、履职情况', level=1)
d.add_paragraph('截止目前，完成了xx项任务，一是加强学习，三是改进作风。')
d.add_paragraph('第一项工作', style='List Number')
d.add_paragraph('第二项工作xx，截止目前已完成', style='List Number')
d.add_heading('二、存在问题', level=1)
d.add_paragraph('工作中存在某某问题。')
d.save(sys.argv[1])
`, docx]);
const gbk = join(work, 'gbk-draft.txt');
execFileSync('/usr/bin/python3', ['-c', 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gbk"))', draft, gbk]);

// --- the server ------------------------------------------------------------------------------
const server = spawn(binary, ['serve'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await Promise.race([
  new Promise((resolve) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
  }),
  timeout(20000, 'the server printing its address'),
]);
const port = new URL(url).port;

// How a server sent SIGTERM ended (Ctrl+C is SIGINT, handled alike): its exit status, or
// the signal when it came before the server took the signals over.
function stopped(child) {
  child.kill('SIGTERM');
  return Promise.race([
    new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))),
    timeout(10000, 'the server stopping on SIGTERM'),
  ]);
}

function request(path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

let browser;
let opener;  // the --open case's server
try {
  // --- security, without a browser ------------------------------------------------------
  let r = await request('/api/choices', { headers: { Host: `evil.example:${port}` } });
  assert.equal(r.status, 403, 'a foreign Host (DNS rebinding) is refused');
  assert.match(JSON.parse(r.body).error, /主机名不是本机/);
  r = await request('/api/choices', { headers: { Origin: 'https://evil.example' } });
  assert.equal(r.status, 403, 'a foreign Origin is refused');
  r = await request('/api/choices', { headers: { Origin: `http://localhost:${port}` } });
  assert.equal(r.status, 200, 'the page\'s own origin is served');
  r = await request('/etc/passwd');
  assert.equal(r.status, 404, 'nothing is served from disk');
  const boundary = 'reportlintboundary';
  const big = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n${'x'.repeat(21 << 20)}\r\n--${boundary}--\r\n`;
  r = await request('/api/lint', { method: 'POST', body: big,
                                    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(big) } });
  assert.equal(r.status, 413, 'an oversized upload is refused');
  assert.match(JSON.parse(r.body).error, /文件太大：上限为 20 MB/);

  // Bad input: a clear error naming the file, never a crash.
  const part = (name, filename, content) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${content}\r\n`;
  const post = (path, parts) => {
    const body = parts.join('') + `--${boundary}--\r\n`;
    return request(path, { method: 'POST', body,
                           headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(body) } });
  };
  r = await post('/api/lint', [part('file', 'broken.docx', 'PK\x03\x04 not a zip')]);
  assert.equal(r.status, 422);
  assert.match(JSON.parse(r.body).error, /^broken\.docx: error: 无法读取 Word 文档/);
  r = await post('/api/lint', [part('file', 'a.txt', '一、xx'), part('preset', '', 'bogus')]);
  assert.equal(r.status, 422);
  assert.equal(JSON.parse(r.body).error, '未知的规则集“bogus”');
  r = await post('/api/lint', [part('file', 'dir/../名\x01.txt', '一、xx')]);
  assert.equal(r.status, 200, 'any file name is shown, never used as a path');
  assert.equal(JSON.parse(r.body).file, '名\\x01.txt');
  r = await post('/api/lint', [part('file', 'a.txt', '一'), part('file', 'b.txt', '二')]);
  assert.equal(r.status, 400, 'one file per request');
  r = await post('/api/fix', [part('file', 'a.txt', '一、xx'), part('fix', '', '99')]);
  assert.equal(r.status, 400);
  r = await request('/api/lint', { method: 'POST' });
  assert.equal(r.status, 400);
  assert.equal(JSON.parse(r.body).error, '请求中没有文件');

  // --- the page -----------------------------------------------------------------------------
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768, deviceScaleFactor: 2 });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');

  async function upload(p, files) {
    const before = await p.$$eval('#tabs button', (b) => b.length);
    const input = await p.$('#files');
    await input.uploadFile(...files);
    await p.waitForFunction((n) => document.querySelectorAll('#tabs button').length >= n, POLL, before + files.length);
    await p.waitForFunction(() => !document.getElementById('status').textContent.startsWith('正在'), POLL);
  }
  // What the page marked: per finding (by its index) the text of its marks, by line.
  const marked = (p) => p.$$eval('mark.finding', (marks) => {
    const out = {};
    for (const m of marks) {
      const line = Number(m.closest('.line').dataset.line);
      for (const i of m.dataset.findings.split(' ')) {
        out[i] ??= { line, text: '', empty: false };
        if (Number(m.closest('.line').dataset.line) === out[i].line) out[i].text += m.textContent;
        out[i].empty ||= m.classList.contains('empty');
      }
    }
    return out;
  });
  // The text each finding should mark on its first line, from the file's own lines.
  // `lines` are the file's lines, or the page's for a Word document: then each line's
  // automatic number (data-typed units long) comes before the typed text the columns count.
  function expectMarks(lines, findings, got, what, typed = []) {
    assert.equal(Object.keys(got).length, findings.length, `${what}: one mark per finding`);
    findings.forEach((d, i) => {
      const g = got[i];
      assert.ok(g, `${what}: finding ${i} (${d.rule}) is marked`);
      const line = Math.min(d.line, lines.length);
      assert.equal(g.line, line, `${what}: ${d.rule} marked on line ${line}`);
      const text = lines[line - 1] ?? '';
      const shift = typed[line - 1] ?? 0;
      const end = d.end_line === d.line ? d.end_column - 1 + shift : text.length;
      const want = text.slice(d.column - 1 + shift, end);
      if (want === '' && d.line === d.end_line && shift > 0 && d.column === 1)
        assert.equal(g.text, text.slice(0, shift), `${what}: ${d.rule} on an automatic number marks the number`);
      else if (want === '' && d.line === d.end_line) assert.ok(g.empty, `${what}: ${d.rule} at ${d.line}:${d.column} has an empty mark`);
      else if (want !== '') assert.equal(g.text, want, `${what}: ${d.rule} at ${d.line}:${d.column}`);
    });
  }

  // The sample draft: marks equal the command line's findings, position by position.
  await upload(page, [draft]);
  const sampleLines = readFileSync(draft, 'utf8').split(/\r\n|\n|\r/);
  const expected = cliFindings(draft);
  assert.ok(expected.length > 10, 'the sample has findings');
  assert.equal(await page.$$eval('.item', (items) => items.length), expected.length, 'the list has every finding');
  expectMarks(sampleLines, expected, await marked(page), 'sample');
  const chips = await page.$$eval('.chip[data-plugin]', (c) => c.map((x) => x.textContent));
  for (const plugin of new Set(expected.map((d) => d.plugin)))
    assert.ok(chips.includes(`${plugin} ${expected.filter((d) => d.plugin === plugin).length}`), `count of ${plugin}`);

  // Clicking a finding in the list scrolls to its mark and shows it; its rule page opens.
  const pick = expected.length - 1;
  await page.click(`.item[data-finding="${pick}"]`);
  await page.waitForSelector('mark.finding.selected');
  const inView = await page.$eval('mark.finding.selected', (m) => {
    const box = m.getBoundingClientRect();
    const doc = m.closest('.document').getBoundingClientRect();
    return box.top >= doc.top && box.bottom <= doc.bottom;
  });
  assert.ok(inView, 'the selected mark is scrolled into view');
  const itemInView = await page.$eval('.item.selected', (m) => {
    const box = m.getBoundingClientRect();
    const list = m.closest('.list').getBoundingClientRect();
    return box.top >= list.top && box.bottom <= list.bottom;
  });
  assert.ok(itemInView, 'the selected item is scrolled into view in the list');
  assert.equal(await page.$eval('#detail-title', (e) => e.textContent), expected[pick].message);
  await page.click('#show-rule');
  await page.waitForFunction(() => !document.getElementById('rule-page').hidden && document.getElementById('rule-page').textContent.length > 0, POLL);
  assert.equal(await page.$eval('#rule-page h1', (e) => e.textContent), expected[pick].rule, 'the rule page is shown');
  assert.ok(await page.$('#rule-page h2'), 'its sections are rendered');
  // … and clicking a mark selects its list item; the keyboard steps to the next one.
  await page.click('mark.finding[data-findings="0"]');
  assert.equal(await page.$eval('.item.selected', (e) => e.dataset.finding), '0');
  await page.keyboard.press('n');
  assert.equal(await page.$eval('.item.selected', (e) => e.dataset.finding), '1');

  // Switching the document type relints with that profile.
  await page.select('#profile', 'work-plan');
  const workPlan = cliFindings(draft, 'work-plan');
  await page.waitForFunction((n) => document.querySelectorAll('.item').length === n && !document.getElementById('status').textContent.startsWith('正在'), POLL, workPlan.length);
  expectMarks(sampleLines, workPlan, await marked(page), 'work-plan profile');
  await page.select('#profile', '');
  await page.waitForFunction((n) => document.querySelectorAll('.item').length === n && !document.getElementById('status').textContent.startsWith('正在'), POLL, expected.length);

  // The printable report lists every finding.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'true'; }; });
  await page.click('#print');
  assert.equal(await page.$eval('body', (b) => b.dataset.printed), 'true');
  assert.equal(await page.$$eval('#report tbody tr', (rows) => rows.length), expected.length);
  assert.equal(await page.$eval('#report h1', (h) => h.textContent), '审校报告');
  await page.emulateMediaType('print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'the report prints to PDF');
  await page.emulateMediaType('screen');

  if (screenshot) {
    await page.click(`.item[data-finding="3"]`);
    await page.click('#show-rule');
    await page.waitForSelector('#rule-page h1');
    await page.screenshot({ path: screenshot });
  }

  // Fix all, download, and compare with `reportlint --fix` on a copy.
  const downloads = join(work, 'downloads');
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  async function fixAllAndDownload(file) {
    await page.click('#fix-all');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('已应用'), POLL);
    rmSync(downloads, { recursive: true, force: true });
    await page.click('#download');
    const saved = join(downloads, basename(file));
    await Promise.race([
      (async () => { while (!existsSync(saved) || readdirSync(downloads).some((f) => f.endsWith('.crdownload'))) await new Promise((s) => setTimeout(s, 50)); })(),
      timeout(10000, `the download of ${basename(file)}`),
    ]);
    const byCli = join(work, `cli-${basename(file)}`);
    copyFileSync(file, byCli);
    cli(['--fix', '--config', 'builtin:default', '--format', 'json'], byCli);
    return [readFileSync(saved), readFileSync(byCli)];
  }
  let [fromPage, fromCli] = await fixAllAndDownload(draft);
  assert.ok(fromPage.equals(fromCli), 'the downloaded file is what reportlint --fix writes');
  assert.notDeepEqual(fromPage, readFileSync(draft), 'something was fixed');

  // A Word document: shown with its headings, marked as the command line finds; fixed in
  // its own format.
  await upload(page, [docx]);
  const docxFindings = cliFindings(docx);
  assert.equal(await page.$$eval('.item', (items) => items.length), docxFindings.length, 'the .docx findings');
  assert.ok(await page.$('.line.heading.level-1'), 'Word headings are recognisable');
  const shownLines = await page.$$eval('.line .text', (t) => t.map((x) => x.textContent));
  const typed = await page.$$eval('.line', (t) => t.map((x) => Number(x.dataset.typed)));
  assert.ok(shownLines.includes('2.第二项工作xx，截止目前已完成'), `Word's automatic numbers are shown: ${shownLines.join(' / ')}`);
  assert.ok(docxFindings.some((d) => shownLines[d.line - 1].startsWith('2.') && d.rule === 'placeholder.unfilled'), 'a finding after an automatic number');
  expectMarks(shownLines, docxFindings, await marked(page), '.docx', typed);
  [fromPage, fromCli] = await fixAllAndDownload(docx);
  assert.equal(fromPage.subarray(0, 2).toString(), 'PK', 'a .docx comes back as a .docx');
  assert.equal(cliFindings(join(downloads, basename(docx))).length, cliFindings(join(work, `cli-${basename(docx)}`)).length,
               'the downloaded .docx has what --fix left');

  // GBK text: decoded, and written back in GBK.
  await upload(page, [gbk]);
  assert.equal(await page.$$eval('.item', (items) => items.length), cliFindings(gbk).length, 'the GBK draft');
  [fromPage, fromCli] = await fixAllAndDownload(gbk);
  assert.ok(fromPage.equals(fromCli), 'the GBK file is fixed in GBK, as --fix does');

  // One fix at a time: the first finding with a fix, applied alone.
  await upload(page, [draft]);
  const firstFixable = expected.findIndex((d) => d.fixes.length > 0);
  await page.click(`.item[data-finding="${firstFixable}"]`);
  await page.click('#apply-one');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('已应用 1 处'), POLL);
  assert.ok((await page.$$eval('.item', (items) => items.length)) < expected.length, 'one fix applied');

  // Two pages uploading at once get their own findings.
  const other = await browser.newPage();
  other.on('pageerror', (e) => pageErrors.push(e.message));
  await other.goto(url);
  await other.waitForSelector('body[data-ready="true"]');
  const fresh = await browser.newPage();
  fresh.on('pageerror', (e) => pageErrors.push(e.message));
  await fresh.goto(url);
  await fresh.waitForSelector('body[data-ready="true"]');
  await Promise.all([upload(other, [draft]), upload(fresh, [docx])]);
  assert.equal(await other.$$eval('.item', (i) => i.length), expected.length, 'the first page shows the draft');
  assert.equal(await fresh.$$eval('.item', (i) => i.length), cliFindings(docx).length, 'the second page shows the .docx');
  assert.match(await other.$eval('#tabs', (t) => t.textContent), new RegExp(basename(draft)));
  assert.match(await fresh.$eval('#tabs', (t) => t.textContent), /述职报告\.docx/);

  assert.deepEqual(pageErrors, [], 'no script errors on the page');

  // --open hands the address to the desktop's browser (xdg-open), here a stand-in that
  // records it.
  const bin = join(work, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${join(work, 'opened')}"\n`, { mode: 0o755 });
  opener = spawn(binary, ['serve', '--open'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'],
                                                    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  const shown = await Promise.race([
    new Promise((resolve) => { let out = ''; opener.stdout.on('data', (c) => { out += c; const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//); if (m) resolve(m[0]); }); }),
    timeout(20000, 'serve --open printing its address'),
  ]);
  await Promise.race([
    (async () => { while (!existsSync(join(work, 'opened'))) await new Promise((s) => setTimeout(s, 50)); })(),
    timeout(10000, 'xdg-open being called'),
  ]);
  assert.equal(readFileSync(join(work, 'opened'), 'utf8').trim(), shown, '--open opens the printed address');
  assert.equal(await stopped(opener), 0, 'SIGTERM stops the server');

  // A signal that comes before the server listens stops it too.
  const early = spawn(binary, ['serve'], { cwd: work, stdio: 'ignore' });
  early.kill('SIGTERM');
  assert.ok([0, 'SIGTERM'].includes(await stopped(early)), 'SIGTERM at once stops the server');
  console.log(`serve_test: ok (${expected.length} findings marked as the CLI reports them)`);
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  if (opener) opener.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
