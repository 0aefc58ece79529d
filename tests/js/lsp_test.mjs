// End-to-end test of `reportlint lsp` with a real LSP client: the JSON-RPC connection of
// vscode-languageserver-protocol, the library VS Code's language client is built on.
//   node lsp_test.mjs /path/to/reportlint
// Opens drafts, waits for diagnostics, checks their ranges in UTF-16 and UTF-32 (Chinese
// text and a character outside the BMP), versions and rule pages, applies a code action
// from anywhere on the line and the fix-all action, edits incrementally, pulls
// diagnostics, follows config changes (saved, watched, noticed when idle, set by the
// client) and shows a broken config on the config file, coalesces a burst of edits,
// checks that an untrusted project's plugins are not loaded, and that malformed input,
// unknown methods, a double close and a vanishing client are handled per the protocol.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import * as rpc from 'vscode-languageserver-protocol/node';

const binary = process.argv[2];
if (!binary) throw new Error('usage: node lsp_test.mjs REPORTLINT');
// Timers are unref()ed: a pending timeout must not keep the test alive once it is done.
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref());

// A server with a client connection, and a way to wait for the next diagnostics of a URI.
function start(cwd, env) {
  const child = spawn(binary, ['lsp'], { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout),
                                                  new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const shown = [];
  const published = [];  // every publishDiagnostics, in order
  const registrations = [];
  connection.onNotification(rpc.ShowMessageNotification.type, (params) => shown.push(params));
  connection.onRequest(rpc.RegistrationRequest.type, (params) => { registrations.push(...params.registrations); });
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    const resolve = waiting.get(params.uri);
    if (resolve) {
      waiting.delete(params.uri);
      resolve(params.diagnostics);
    }
  });
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, connection, exited, shown, published, registrations,
    diagnostics(uri, ms = 10000) {
      return Promise.race([new Promise((resolve) => waiting.set(uri, resolve)), timeout(ms, `diagnostics of ${uri}`)]);
    },
  };
}

async function initialize(server, encodings, extra = {}) {
  const capabilities = { textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: {} },
                         ...(extra.capabilities ?? {}) };
  if (encodings) capabilities.general = { positionEncodings: encodings };
  const result = await server.connection.sendRequest(rpc.InitializeRequest.type,
                                                     { processId: process.pid, rootUri: null, capabilities,
                                                       initializationOptions: extra.initializationOptions });
  server.connection.sendNotification(rpc.InitializedNotification.type, {});
  return result;
}

async function shutdown(server) {
  await server.connection.sendRequest(rpc.ShutdownRequest.type);
  server.connection.sendNotification(rpc.ExitNotification.type);
  const code = await Promise.race([server.exited, timeout(5000, 'exit after shutdown')]);
  assert.equal(code, 0, 'exit after shutdown is status 0');
  server.connection.dispose();
}

const workspace = mkdtempSync(join(tmpdir(), 'reportlint-lsp-'));
// An emoji (outside the BMP: two UTF-16 units, one code point) before the placeholder.
const draft = '2023年工作总结\n😀开展“邻里守望”活动xx次。\n截止目前，D员带头完成任务。\n';
const draftPath = join(workspace, '草稿.txt');
writeFileSync(draftPath, draft);
const uri = pathToFileURL(draftPath).href;

async function utf16Session() {
  const server = start(workspace);
  const init = await initialize(server, undefined);
  assert.equal(init.capabilities.positionEncoding, 'utf-16', 'UTF-16 when the client does not say');
  assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
  assert.ok(init.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.reportlint'), 'fix-all offered');
  assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics offered');

  const opened = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri, languageId: 'plaintext', version: 1, text: draft } });
  const diagnostics = await opened;
  const unfilled = diagnostics.find((d) => d.code === 'placeholder.unfilled');
  assert.ok(unfilled, 'the placeholder is reported');
  // 😀 is two UTF-16 units: xx starts at unit 12 of line 1 (11 code points).
  assert.deepEqual(unfilled.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } });
  assert.equal(draft.split('\n')[1].slice(unfilled.range.start.character, unfilled.range.end.character), 'xx');
  assert.equal(unfilled.severity, 1, 'error → DiagnosticSeverity.Error');
  assert.equal(unfilled.source, 'reportlint');
  assert.equal(server.published.at(-1).version, 1, 'diagnostics carry the version they are for');
  const page = fileURLToPath(unfilled.codeDescription.href);
  assert.ok(page.endsWith('/docs/rules/placeholder.unfilled.md') && existsSync(page), 'codeDescription links the rule page');
  const pulled = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(pulled.kind, 'full');
  assert.deepEqual(pulled.items, diagnostics, 'pulled diagnostics are the published ones');
  const misused = diagnostics.find((d) => d.code === 'phrasing.misused');
  assert.deepEqual(misused.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  assert.ok(misused.relatedInformation?.length >= 1, 'notes become relatedInformation');
  assert.equal(misused.relatedInformation[0].location.uri, uri);

  // The quick fix for 截止目前, asked for from the end of its line (where a normal-mode
  // cursor sits, past the finding) and applied as the client would, clears the finding.
  const lineEnd = { line: 2, character: draft.split('\n')[2].length - 1 };
  const actions = await server.connection.sendRequest(rpc.CodeActionRequest.type,
                                                      { textDocument: { uri }, range: { start: lineEnd, end: lineEnd },
                                                        context: { diagnostics: [] } });
  const action = actions.find((a) => a.diagnostics?.[0]?.code === 'phrasing.misused');
  assert.ok(action, 'a quick fix for the misused word');
  assert.equal(action.kind, 'quickfix');
  assert.equal(action.isPreferred, true, 'a certain fix is preferred');
  const [edit] = action.edit.changes[uri];
  const lines = draft.split('\n');
  const line = lines[edit.range.start.line];
  lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  const fixed = lines.join('\n');
  assert.ok(fixed.includes('截至目前'));

  // Only the quick fixes, or only the fix-all action, when the client asks for a kind.
  const onlyFixAll = await server.connection.sendRequest(rpc.CodeActionRequest.type,
                                                         { textDocument: { uri }, range: { start: lineEnd, end: lineEnd },
                                                           context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(onlyFixAll.length, 1);
  assert.equal(onlyFixAll[0].kind, 'source.fixAll.reportlint');
  assert.ok(onlyFixAll[0].edit.changes[uri].length >= 2, 'every certain fix of the document');

  // The fix sent as an incremental edit, the way the client applies it.
  const changed = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
                                     { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
  const after = await changed;
  assert.equal(server.published.at(-1).version, 2);
  assert.ok(!after.some((d) => d.code === 'phrasing.misused'), 'the fixed finding is gone');
  assert.ok(after.some((d) => d.code === 'placeholder.censored-word'), 'the others stay');

  const closed = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  assert.deepEqual(await closed, [], 'closing clears the diagnostics');
  // A second close of the same document is ignored; the server still answers.
  server.connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await shutdown(server);
}

async function utf32Session() {
  const server = start(workspace);
  const init = await initialize(server, ['utf-32', 'utf-16']);
  assert.equal(init.capabilities.positionEncoding, 'utf-32', 'the client\'s first supported encoding');
  const opened = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri, languageId: 'plaintext', version: 1, text: draft } });
  const unfilled = (await opened).find((d) => d.code === 'placeholder.unfilled');
  assert.deepEqual(unfilled.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 13 } });
  await shutdown(server);
}

async function configSession() {
  // The nearest .reportlint.toml applies; saving it re-lints the open documents.
  const project = join(workspace, 'project');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(project);
  const config = join(project, '.reportlint.toml');
  writeFileSync(config, '[rules]\n"placeholder.unfilled" = "off"\n');
  const docUri = pathToFileURL(join(project, 'a.md')).href;
  const server = start(workspace);
  await initialize(server, undefined);
  const opened = server.diagnostics(docUri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: '完成xx次。\n' } });
  assert.ok(!(await opened).some((d) => d.code === 'placeholder.unfilled'), 'the project config turns the rule off');
  writeFileSync(config, '[rules]\n"placeholder.unfilled" = "warning"\n');
  const reloaded = server.diagnostics(docUri);
  server.connection.sendNotification(rpc.DidSaveTextDocumentNotification.type,
                                     { textDocument: { uri: pathToFileURL(config).href } });
  const after = await reloaded;
  const unfilled = after.find((d) => d.code === 'placeholder.unfilled');
  assert.ok(unfilled, 'after saving the config the rule is back');
  assert.equal(unfilled.severity, 2, 'at the severity the config now gives');
  await shutdown(server);
}

async function watchedConfigSession() {
  // A client that watches files is asked to report .reportlint.toml changes, and a change
  // it reports re-lints; a broken config is shown on the config file while the draft keeps
  // its findings; a config changed behind everyone's back is noticed when the server is idle.
  const { mkdirSync } = await import('node:fs');
  const project = join(workspace, 'watched');
  mkdirSync(project);
  const config = join(project, '.reportlint.toml');
  const configUri = pathToFileURL(config).href;
  writeFileSync(config, '[rules]\n"placeholder.unfilled" = "off"\n');
  const docUri = pathToFileURL(join(project, 'a.txt')).href;
  const server = start(workspace);
  await initialize(server, undefined, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  const opened = server.diagnostics(docUri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: docUri, languageId: 'plaintext', version: 1, text: '完成xx次。截止目前。\n' } });
  assert.ok(!(await opened).some((d) => d.code === 'placeholder.unfilled'));
  const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.ok(watch, 'the server registered a file watcher');
  assert.deepEqual(watch.registerOptions.watchers, [{ globPattern: '**/.reportlint.toml' }]);

  writeFileSync(config, '[rules]\n"placeholder.unfilled" = "warning"\n');
  const reloaded = server.diagnostics(docUri);
  server.connection.sendNotification(rpc.DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: 2 }] });
  assert.ok((await reloaded).some((d) => d.code === 'placeholder.unfilled'), 'a watched change re-lints');

  // Broken: an error on the config file at its line and column; the draft keeps its findings.
  const before = server.published.filter((p) => p.uri === docUri).length;
  writeFileSync(config, '[rules]\n"placeholder.unfilled" = "sometimes"\n');
  const configDiagnostics = server.diagnostics(configUri);
  server.connection.sendNotification(rpc.DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: 2 }] });
  const [broken] = await configDiagnostics;
  assert.equal(broken.range.start.line, 1, 'on the line of the bad value');
  assert.equal(broken.severity, 1);
  assert.equal(server.published.filter((p) => p.uri === docUri).length, before, 'the draft\'s findings are not cleared');

  // Repaired without telling the server: it notices when idle, clears the config's error
  // and re-lints the draft.
  const cleared = server.diagnostics(configUri, 10000);
  const relinted = server.diagnostics(docUri, 10000);
  writeFileSync(config, '[rules]\n"phrasing.misused" = "off"\n');
  assert.deepEqual(await cleared, [], 'the config error is cleared');
  const now = await relinted;
  assert.ok(!now.some((d) => d.code === 'phrasing.misused'), 'the repaired config applies');
  await shutdown(server);
}

async function settingsSession() {
  // Settings from the client: a column unit at initialize, then another config through
  // workspace/didChangeConfiguration.
  const server = start(workspace);
  await initialize(server, undefined, { initializationOptions: { columnUnit: 'codepoint' } });
  const opened = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri, languageId: 'plaintext', version: 1, text: draft } });
  const unfilled = (await opened).find((d) => d.code === 'placeholder.unfilled');
  assert.deepEqual(unfilled.range.start, { line: 1, character: 11 }, 'columnUnit: code points although UTF-16 was negotiated');
  const other = join(workspace, 'other.toml');
  writeFileSync(other, 'extends = ["builtin:default"]\n[rules]\n"placeholder.*" = "off"\n');
  const reloaded = server.diagnostics(uri);
  server.connection.sendNotification(rpc.DidChangeConfigurationNotification.type,
                                     { settings: { reportlint: { config: other } } });
  const after = await reloaded;
  assert.ok(!after.some((d) => d.code.startsWith('placeholder.')), 'the config from the settings applies');
  assert.ok(after.some((d) => d.code === 'phrasing.misused'));
  await shutdown(server);
}

async function typoSession() {
  // The server keeps each clause's suspected typos between edits: an edited clause is
  // looked at again, an unchanged one keeps its finding.
  const server = start(workspace);
  await initialize(server, undefined);
  const typoUri = pathToFileURL(join(workspace, 'typo.txt')).href;
  const lines = ['这项工作刻不容援，必须抓紧。', '各部门要加强协作。'];
  const opened = server.diagnostics(typoUri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: typoUri, languageId: 'plaintext', version: 1, text: lines.join('\n') + '\n' } });
  const typos = (d) => d.filter((x) => x.code === 'phrasing.suspected-typo');
  assert.equal(typos(await opened).length, 1, 'the typo is found');
  // The second line edited into a typo of its own; the first is unchanged.
  let changed = server.diagnostics(typoUri);
  server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: typoUri, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, text: '各部门要通力合做。' }] });
  let found = typos(await changed);
  assert.equal(found.length, 2, 'the edited clause is looked at again, the other kept');
  assert.deepEqual(found.map((d) => d.range.start.line), [0, 1]);
  // The first typo corrected: its finding goes, the second stays.
  changed = server.diagnostics(typoUri);
  server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: typoUri, version: 3 },
    contentChanges: [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } }, text: '缓' }] });
  found = typos(await changed);
  assert.deepEqual(found.map((d) => d.range.start.line), [1]);
  await shutdown(server);
}

async function burstSession() {
  // Ten edits sent at once on a large draft: linted once, for the last text.
  const server = start(workspace);
  await initialize(server, undefined);
  const bigUri = pathToFileURL(join(workspace, 'burst.txt')).href;
  const text = '截止目前完成xx项。\n'.repeat(60000);  // about 1.7 MB
  const opened = server.diagnostics(bigUri, 120000);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: bigUri, languageId: 'plaintext', version: 1, text } });
  await opened;
  const start_ = server.published.length;
  const last = server.diagnostics(bigUri, 120000);
  for (let v = 2; v <= 11; ++v) {
    server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: bigUri, version: v },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
  }
  await last;
  // Whatever reached the server before it started linting is coalesced: an answer for
  // version 11 comes (however long linting the draft takes on this machine), nothing
  // after it, and there are far fewer answers than edits.
  const answered = () => server.published.slice(start_).some((p) => p.uri === bigUri && p.version === 11);
  for (let waited = 0; !answered() && waited < 60000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const answers = server.published.slice(start_).filter((p) => p.uri === bigUri);
  assert.equal(answers.at(-1).version, 11, 'the last answer is for the last text');
  assert.ok(answers.length <= 3, `a burst of 10 edits was linted ${answers.length} times`);
  await shutdown(server);
}

async function trustSession() {
  // Opening a draft in a project that is not trusted runs none of the project's code: its
  // plugin directory (here a file that is no library at all) is not loaded, the built-in
  // checks run, and the user is told why, once.
  const { mkdirSync } = await import('node:fs');
  const project = join(workspace, 'stranger');
  mkdirSync(join(project, 'plugins'), { recursive: true });
  writeFileSync(join(project, 'plugins', 'evil.so'), 'not a library: loading it would be an error\n');
  writeFileSync(join(project, '.reportlint.toml'), '[plugins]\npaths = ["plugins"]\n');
  const docUri = pathToFileURL(join(project, 'a.txt')).href;
  const home = join(workspace, 'home');
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: '', REPORTLINT_TRUST: '' };
  const server = start(workspace, env);
  await initialize(server, undefined);
  const opened = server.diagnostics(docUri);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: docUri, languageId: 'plaintext', version: 1, text: '完成xx次。\n' } });
  assert.ok((await opened).some((d) => d.code === 'placeholder.unfilled'), 'the built-in checks ran');
  assert.equal(server.shown.filter((m) => m.type === 1).length, 0, 'nothing was loaded from the project');
  const warning = server.shown.find((m) => m.type === 2 && m.message.includes('未被信任'));
  assert.ok(warning, 'the user is told the project is not trusted');
  assert.ok(warning.message.includes('reportlint trust'), 'and how to trust it');
  await shutdown(server);

  // With REPORTLINT_TRUST=1 the server loads the project's plugins — this one fails, as it should.
  const trusted = start(workspace, { ...env, REPORTLINT_TRUST: '1' });
  await initialize(trusted, undefined);
  trusted.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                      { textDocument: { uri: docUri, languageId: 'plaintext', version: 1, text: '完成xx次。\n' } });
  // The failure is an error message (no diagnostics: the draft could not be linted).
  for (let i = 0; i < 200 && !trusted.shown.some((m) => m.type === 1); ++i) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(trusted.shown.some((m) => m.type === 1 && m.message.includes('evil.so')), 'trusted: the plugin was loaded (and failed)');
  await shutdown(trusted);
}

async function largeInputs() {
  // A burst of 4,000 incremental edits in one message on a 1 MB document, and a code
  // action on a 1 MB line holding thousands of findings: each is answered (the work is
  // linear; it used to be quadratic and take minutes).
  const server = start(workspace);
  await initialize(server, undefined);
  const bigUri = pathToFileURL(join(workspace, 'big.txt')).href;
  const line = '完成xx项，截止目前。'.repeat(100000);  // one line, 1 MB, 200,000 findings
  // Generous limits: a sanitizer build is ten times slower, and these only catch a hang.
  let opened = server.diagnostics(bigUri, 120000);
  server.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
                                     { textDocument: { uri: bigUri, languageId: 'plaintext', version: 1, text: line + '\n' } });
  assert.ok((await opened).length > 100000, 'every finding of the long line is published');
  const actions = await Promise.race([
    server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: bigUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } }, context: { diagnostics: [] } }),
    timeout(120000, 'code actions on a long line')]);
  assert.ok(actions.length >= 100000, 'a quick fix for every 截止目前 of the line');
  const edits = [];
  for (let i = 0; i < 4000; ++i) edits.push({ range: { start: { line: 0, character: i * 10 }, end: { line: 0, character: i * 10 + 2 } }, text: '完成' });
  const changed = server.diagnostics(bigUri, 120000);
  server.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
                                     { textDocument: { uri: bigUri, version: 2 }, contentChanges: edits });
  await Promise.race([changed, timeout(120000, '4,000 edits in one message')]);
  await shutdown(server);
}

// Raw JSON-RPC, to send what a library would refuse to.
function rawServer() {
  const child = spawn(binary, ['lsp'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  const messages = [];
  let notify = null;
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (true) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) return;
      messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()));
      buffer = buffer.subarray(end + 4 + length);
      if (notify) notify();
    }
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, exited,
    sendBody(body) {
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    },
    send(message) { this.sendBody(JSON.stringify({ jsonrpc: '2.0', ...message })); },
    async response(id) {
      const deadline = Date.now() + 10000;
      while (Date.now() < deadline) {
        const found = messages.find((m) => 'id' in m && !('method' in m) && JSON.stringify(m.id) === JSON.stringify(id));
        if (found) return found;
        await new Promise((resolve) => { notify = resolve; setTimeout(resolve, 50).unref(); });
      }
      throw new Error(`no response to ${JSON.stringify(id)}`);
    },
  };
}

async function robustness() {
  const server = rawServer();
  server.send({ id: 1, method: 'textDocument/codeAction', params: {} });
  assert.equal((await server.response(1)).error.code, -32002, 'requests before initialize: ServerNotInitialized');
  server.send({ id: 2, method: 'initialize', params: { capabilities: {} } });
  assert.ok((await server.response(2)).result.capabilities);
  server.sendBody('{"jsonrpc": "2.0", "id": 3, "method": ');  // cut short
  assert.equal((await server.response(null)).error.code, -32700, 'malformed JSON: ParseError with a null id');
  server.send({ id: 4, method: 'textDocument/unknownThing', params: {} });
  assert.equal((await server.response(4)).error.code, -32601, 'unknown method: MethodNotFound');
  server.send({ id: 5, method: 'textDocument/codeAction', params: { textDocument: {} } });
  assert.equal((await server.response(5)).error.code, -32602, 'bad params: InvalidParams');
  server.send({ id: 7, method: 42, params: {} });
  assert.equal((await server.response(7)).error.code, -32600, 'a method that is not a string: InvalidRequest');
  server.send({ id: 8, method: 'textDocument/codeAction',
                params: { textDocument: { uri: 'file:///x.txt' }, range: { start: { line: 2 ** 32, character: 0 }, end: { line: 2 ** 32, character: 0 } } } });
  assert.equal((await server.response(8)).error.code, -32602, 'a position past 32 bits is refused, not wrapped');
  server.send({ method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///never/opened.txt' } } });
  server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///never/opened.txt' }, contentChanges: [] } });
  server.send({ id: 6, method: 'shutdown' });
  assert.equal((await server.response(6)).result, null, 'still answering after bad notifications');
  // The client disappears without `exit`: the server stops by itself.
  server.child.stdin.end();
  const code = await Promise.race([server.exited, timeout(5000, 'exit when the client goes away')]);
  assert.equal(code, 0, 'end of input after shutdown: status 0');

  const abrupt = rawServer();
  abrupt.child.stdin.write('this is not a header\r\n\r\n');
  const abruptCode = await Promise.race([abrupt.exited, timeout(5000, 'exit on broken framing')]);
  assert.equal(abruptCode, 1, 'broken framing: a clean exit with status 1');
}

try {
  await utf16Session();
  console.log('ok - UTF-16 positions, related information, code action, close');
  await utf32Session();
  console.log('ok - UTF-32 negotiated');
  await configSession();
  console.log('ok - config discovery and reload on save');
  await watchedConfigSession();
  console.log('ok - watched config files, a broken config shown on the file, a change noticed when idle');
  await settingsSession();
  console.log('ok - settings from initializationOptions and didChangeConfiguration');
  // The sessions that time large inputs check speed, not memory safety: under the
  // sanitizers (ASAN_OPTIONS is set by the asan preset) they are left to the release run.
  const sanitized = Boolean(process.env.ASAN_OPTIONS);
  if (!sanitized) {
    await burstSession();
    console.log('ok - a burst of edits is linted once');
  }
  await typoSession();
  console.log('ok - suspected typos kept per clause between edits, and looked at again when edited');
  await trustSession();
  console.log('ok - an untrusted project runs no code; REPORTLINT_TRUST=1 lets it');
  await robustness();
  console.log('ok - malformed JSON, unknown methods, a method that is no string, positions past 32 bits, double close, vanishing client');
  if (!sanitized) {
    await largeInputs();
    console.log('ok - 4,000 edits in one message and code actions on a 1 MB line');
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
