// reportlint serve: the page. Plain JavaScript, no framework and nothing fetched from
// elsewhere. The server lints; this file shows the document with each finding marked in
// place, the list beside it, and sends fixes back to be written in the file's own format.
"use strict";

const SEVERITIES = [["error", "错误"], ["warning", "警告"], ["note", "提示"]];
const RANK = { error: 3, warning: 2, note: 1 };
const $ = (id) => document.getElementById(id);

const state = { files: [], current: -1, selected: -1, maxBytes: 20 << 20, presets: [], profiles: [] };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function status(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

async function errorOf(response) {
  try {
    return (await response.json()).error || `服务器返回 ${response.status}`;
  } catch {
    return `服务器返回 ${response.status}`;
  }
}

function form(entry, extra = {}) {
  const data = new FormData();
  data.append("file", entry.blob, entry.name);
  data.append("preset", $("preset").value);
  data.append("profile", $("profile").value);
  for (const [k, v] of Object.entries(extra)) data.append(k, v);
  return data;
}

async function lint(entry) {
  entry.pending = true;
  const response = await fetch("/api/lint", { method: "POST", body: form(entry) });
  entry.pending = false;
  if (!response.ok) {
    entry.result = null;
    entry.error = await errorOf(response);
  } else {
    entry.result = await response.json();
    entry.error = null;
  }
}

// --- files ------------------------------------------------------------------------------
async function addFiles(list) {
  const added = [];
  for (const file of list) {
    if (file.size > state.maxBytes) {
      status(`${file.name}：文件太大（上限 ${state.maxBytes >> 20} MB）`, true);
      continue;
    }
    const entry = { name: file.name, blob: file, result: null, error: null, modified: false };
    state.files.push(entry);
    added.push(entry);
  }
  if (!added.length) return;
  status(`正在检查 ${added.map((e) => e.name).join("、")}…`);
  await Promise.all(added.map(lint));
  show(state.files.indexOf(added[0]));
}

async function relintAll() {
  if (!state.files.length) return;
  status("正在按新的设置重新检查…");
  await Promise.all(state.files.map(lint));
  show(state.current);
}

function renderTabs() {
  const tabs = $("tabs");
  tabs.replaceChildren();
  tabs.setAttribute("role", "tablist");
  state.files.forEach((entry, i) => {
    const n = entry.result ? entry.result.diagnostics.length : "!";
    tabs.append(el("button", { type: "button", role: "tab", "aria-selected": String(i === state.current), onclick: () => show(i) },
      `${entry.name}${entry.modified ? "（已修改）" : ""} · ${n}`));
  });
}

// --- the document, findings marked in place -------------------------------------------
// Per line, the parts of each finding on it: [start, end) in UTF-16 units of the line.
function segmentsByLine(result) {
  const lines = result.lines;
  const byLine = lines.map(() => []);
  result.diagnostics.forEach((d, i) => {
    const last = Math.max(lines.length - 1, 0);
    const first = Math.min(d.line - 1, last);
    const end = Math.min(d.end_line - 1, last);
    const empty = d.line === d.end_line && d.column === d.end_column;
    for (let l = first; l <= end; l++) {
      const length = lines[l] ? lines[l].text.length : 0;
      // Columns count from the typed text, after a Word paragraph's automatic number.
      const typed = lines[l] ? lines[l].typed : 0;
      const start = l === d.line - 1 ? Math.min(d.column - 1 + typed, length) : 0;
      // A range running to column 1 of a later line ends before that line's number.
      const stop = l !== d.end_line - 1 ? length : l > d.line - 1 && d.end_column === 1 ? 0 : Math.min(d.end_column - 1 + typed, length);
      // A finding on the automatic number itself is an empty range at column 1: mark the number.
      if (empty && typed > 0 && d.column === 1) { byLine[l].push({ i, start: 0, end: typed, severity: d.severity }); break; }
      if (empty) { byLine[l].push({ i, start, end: start, severity: d.severity }); break; }
      if (stop > start) byLine[l].push({ i, start, end: stop, severity: d.severity });
    }
    // A range that ends at the start of the next line still marks something.
    if (!empty && !byLine.some((segs) => segs.some((s) => s.i === i)) && lines[first]) {
      const length = lines[first].text.length;
      byLine[first].push({ i, start: Math.min(d.column - 1 + lines[first].typed, length), end: length, severity: d.severity });
    }
  });
  return byLine;
}

function mark(severity, findings, text, anchors) {
  const m = el("mark", { class: `finding ${severity}${text ? "" : " empty"}`, tabindex: "0", dataset: { findings: findings.join(" ") } }, text);
  if (anchors.length) m.dataset.anchors = anchors.join(" ");
  m.addEventListener("click", () => select(findings[0]));
  m.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(findings[0]); } });
  return m;
}

function renderLine(text, segs, anchored) {
  const out = el("span", { class: "text" });
  const points = new Set([0, text.length]);
  for (const s of segs) { points.add(s.start); points.add(s.end); }
  const sorted = [...points].sort((a, b) => a - b);
  const anchorFor = (i) => { if (anchored.has(i)) return []; anchored.add(i); return [i]; };
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    for (const s of segs.filter((s) => s.start === a && s.end === a)) out.append(mark(s.severity, [s.i], "", anchorFor(s.i)));
    if (k + 1 === sorted.length) break;
    const b = sorted[k + 1];
    const covering = segs.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
    const piece = text.slice(a, b);
    if (!covering.length) { out.append(piece); continue; }
    const severity = covering.reduce((best, s) => (RANK[s.severity] > RANK[best] ? s.severity : best), "note");
    out.append(mark(severity, covering.map((s) => s.i), piece, covering.map((s) => s.i).flatMap(anchorFor)));
  }
  return out;
}

function renderDocument(result) {
  const byLine = segmentsByLine(result);
  const anchored = new Set();
  const root = $("document");
  root.replaceChildren();
  result.lines.forEach((line, l) => {
    const kind = line.kind === "heading" ? `heading level-${line.level}` : line.kind;
    root.append(el("div", { class: `line ${kind}`, dataset: { line: String(l + 1), typed: String(line.typed) } },
      el("span", { class: "no", "aria-hidden": "true" }, String(l + 1)), renderLine(line.text, byLine[l], anchored)));
  });
}

// --- the list beside it --------------------------------------------------------------------
function where(d) { return `第${d.line}行第${d.column}列`; }

function renderList(result) {
  const counts = $("counts");
  counts.replaceChildren();
  const perPlugin = new Map();
  for (const d of result.diagnostics) perPlugin.set(d.plugin, (perPlugin.get(d.plugin) || 0) + 1);
  for (const [name, label] of SEVERITIES) {
    const n = result.diagnostics.filter((d) => d.severity === name).length;
    if (n) counts.append(el("span", { class: `chip ${name}` }, `${label} ${n}`));
  }
  for (const [plugin, n] of [...perPlugin].sort()) counts.append(el("span", { class: "chip", dataset: { plugin } }, `${plugin} ${n}`));
  if (!result.diagnostics.length) counts.append(el("span", { class: "chip" }, "没有发现问题"));

  const list = $("list");
  list.replaceChildren();
  for (const [name, label] of SEVERITIES) {
    const ofSeverity = result.diagnostics.map((d, i) => [d, i]).filter(([d]) => d.severity === name);
    if (!ofSeverity.length) continue;
    const group = el("details", { open: "" }, el("summary", {}, `${label}（${ofSeverity.length}）`));
    const rules = [...new Set(ofSeverity.map(([d]) => d.rule))].sort();
    for (const rule of rules) {
      const items = ofSeverity.filter(([d]) => d.rule === rule);
      group.append(el("div", { class: "group-rule" }, `${rule}（${items.length}）`));
      for (const [d, i] of items)
        group.append(el("button", { type: "button", class: `item ${d.severity}`, dataset: { finding: String(i) }, onclick: () => select(i) },
          el("span", { class: "pos" }, where(d)), d.message));
    }
    list.append(group);
  }
}

function show(i) {
  if (i < 0 || i >= state.files.length) return;
  state.current = i;
  state.selected = -1;
  const entry = state.files[i];
  renderTabs();
  $("detail").hidden = true;
  for (const id of ["fix-all", "download", "print"]) $(id).disabled = !entry.result;
  if (!entry.result) {
    $("workspace").hidden = true;
    status(`${entry.name}：${entry.error}`, true);
    return;
  }
  $("workspace").hidden = false;
  renderDocument(entry.result);
  renderList(entry.result);
  const n = entry.result.diagnostics.length;
  status(n ? `${entry.name}：发现 ${n} 个问题。点击标记或列表查看，按 n / p 在问题间跳转。` : `${entry.name}：没有发现问题。`);
}

// --- one finding -------------------------------------------------------------------------
function select(i) {
  const entry = state.files[state.current];
  const d = entry.result.diagnostics[i];
  state.selected = i;
  for (const m of document.querySelectorAll("mark.selected, .item.selected")) m.classList.remove("selected");
  // The detail first: it takes room from the list, which then scrolls to the item.
  $("detail").hidden = false;
  $("detail-title").textContent = d.message;
  $("detail-where").textContent = `${where(d)} · ${SEVERITIES.find(([s]) => s === d.severity)[1]} · ${d.rule}`;
  $("detail-notes").replaceChildren(...d.notes.map((n) => el("li", {}, n.line ? `${n.message}（第${n.line}行）` : n.message)));
  $("detail-fix").textContent = d.fixes.length ? `修改：${d.fix_message}${d.fix_safe ? "（确定）" : "（建议，请核对后再应用）"}` : "没有自动修改，请手工处理。";
  $("apply-one").disabled = !d.fixes.length;
  $("rule-page").hidden = true;

  const marks = [...document.querySelectorAll("mark.finding")].filter((m) => m.dataset.findings.split(" ").includes(String(i)));
  for (const m of marks) m.classList.add("selected");
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
  const item = document.querySelector(`.item[data-finding="${i}"]`);
  if (item) { item.classList.add("selected"); item.scrollIntoView({ block: "nearest" }); }
}

// The rule pages are Markdown: headings, paragraphs, lists, code blocks, tables, `code`
// and **bold**. Built as DOM nodes, never as HTML text, so a page cannot inject markup.
function inline(text) {
  const out = [];
  for (const part of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) out.push(el("code", {}, part.slice(1, -1)));
    else if (part.startsWith("**") && part.endsWith("**") && part.length > 3) out.push(el("strong", {}, part.slice(2, -2)));
    else if (part) out.push(part.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1"));  // links: their text
  }
  return out;
}

function markdown(text) {
  const root = el("div");
  const lines = text.split("\n");
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (line.startsWith("```")) {
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
      root.append(el("pre", {}, code.join("\n")));
      i++;
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(" ");
      root.append(el(`h${level}`, {}, ...inline(line.replace(/^#+ /, ""))));
      i++;
    } else if (/^\s*[-*] /.test(line)) {
      const list = el("ul");
      while (i < lines.length && (/^\s*[-*] /.test(lines[i]) || /^\s{2,}\S/.test(lines[i]))) {
        if (/^\s*[-*] /.test(lines[i])) list.append(el("li", {}, ...inline(lines[i].replace(/^\s*[-*] /, ""))));
        else list.lastChild.append(...inline(" " + lines[i].trim()));
        i++;
      }
      root.append(list);
    } else if (line.startsWith("|")) {
      const table = el("table");
      for (; i < lines.length && lines[i].startsWith("|"); i++) {
        if (/^\|[\s|:-]+\|$/.test(lines[i])) continue;  // the header's rule
        const cells = lines[i].slice(1, -1).split("|").map((c) => el("td", {}, ...inline(c.trim())));
        table.append(el("tr", {}, ...cells));
      }
      root.append(table);
    } else if (line.trim()) {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !/^(#|```|\||\s*[-*] )/.test(lines[i]); i++) para.push(lines[i].trim());
      root.append(el("p", {}, ...inline(para.join(""))));
    } else {
      i++;
    }
  }
  return root;
}

async function showRule() {
  const d = state.files[state.current].result.diagnostics[state.selected];
  const response = await fetch(`/api/rules/${encodeURIComponent(d.rule)}`);
  const page = $("rule-page");
  if (response.ok) page.replaceChildren(markdown(await response.text()));
  else page.replaceChildren(el("p", {}, await errorOf(response)));
  page.hidden = false;
  page.dataset.rule = d.rule;
}

function step(delta) {
  const entry = state.files[state.current];
  if (!entry || !entry.result || !entry.result.diagnostics.length) return;
  const n = entry.result.diagnostics.length;
  select(state.selected < 0 ? (delta > 0 ? 0 : n - 1) : (state.selected + delta + n) % n);
}

// --- fixes, download, report ----------------------------------------------------------------
async function applyFix(which) {
  const entry = state.files[state.current];
  const response = await fetch("/api/fix", { method: "POST", body: form(entry, { fix: String(which) }) });
  if (!response.ok) { status(`${entry.name}：${await errorOf(response)}`, true); return; }
  const applied = Number(response.headers.get("X-Reportlint-Applied") || 0);
  entry.blob = new Blob([await response.arrayBuffer()]);
  entry.modified = entry.modified || applied > 0;
  await lint(entry);
  show(state.current);
  status(`${entry.name}：已应用 ${applied} 处修改，剩下 ${entry.result ? entry.result.diagnostics.length : "?"} 个问题。可点“下载修改后的文件”保存。`);
}

function download() {
  const entry = state.files[state.current];
  const url = URL.createObjectURL(entry.blob);
  const a = el("a", { href: url, download: entry.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function printReport() {
  const entry = state.files[state.current];
  const r = entry.result;
  const label = (id, choices) => (choices.find((c) => c.id === id) || { label: "自动识别" }).label;
  const rows = r.diagnostics.map((d, i) => el("tr", {},
    el("td", {}, String(i + 1)), el("td", {}, where(d)), el("td", {}, SEVERITIES.find(([s]) => s === d.severity)[1]),
    el("td", {}, d.message, ...d.notes.map((n) => el("div", {}, `注：${n.message}`))), el("td", {}, d.rule),
    el("td", {}, d.fixes.length ? d.fix_message : "")));
  const report = $("report");
  report.replaceChildren(
    el("h1", {}, "审校报告"),
    el("p", {}, `文档：${entry.name}${entry.modified ? "（已修改）" : ""}`),
    el("p", {}, `日期：${new Date().toLocaleString("zh-CN")}　文档类型：${label($("profile").value, state.profiles)}　规则集：${label($("preset").value, state.presets)}`),
    el("p", {}, `共 ${r.diagnostics.length} 个问题：` + SEVERITIES.map(([s, l]) => `${l} ${r.diagnostics.filter((d) => d.severity === s).length}`).join("，")),
    el("table", {}, el("thead", {}, el("tr", {}, ...["序号", "位置", "级别", "问题", "规则", "修改建议"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows)),
    el("p", {}, "由 reportlint 生成"));
  window.print();
}

// --- wiring ----------------------------------------------------------------------------------
async function init() {
  const response = await fetch("/api/choices");
  const choices = await response.json();
  state.maxBytes = choices.max_file_bytes;
  state.presets = choices.presets;
  state.profiles = choices.profiles;
  for (const p of choices.presets) $("preset").append(el("option", { value: p.id }, p.label));
  for (const p of choices.profiles) $("profile").append(el("option", { value: p.id }, p.label));
  $("files").addEventListener("change", (e) => { addFiles([...e.target.files]); e.target.value = ""; });
  $("profile").addEventListener("change", relintAll);
  $("preset").addEventListener("change", relintAll);
  $("fix-all").addEventListener("click", () => applyFix("all"));
  $("apply-one").addEventListener("click", () => applyFix(state.selected));
  $("show-rule").addEventListener("click", showRule);
  $("download").addEventListener("click", download);
  $("print").addEventListener("click", printReport);
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n" || e.key === "j") step(1);
    if (e.key === "p" || e.key === "k") step(-1);
  });
  let depth = 0;
  document.addEventListener("dragenter", (e) => { e.preventDefault(); depth++; $("drop").hidden = false; });
  document.addEventListener("dragleave", () => { if (--depth <= 0) { depth = 0; $("drop").hidden = true; } });
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => { e.preventDefault(); depth = 0; $("drop").hidden = true; addFiles([...e.dataTransfer.files]); });
  document.body.dataset.ready = "true";
}

init().catch((e) => status(`页面初始化失败：${e.message}`, true));
