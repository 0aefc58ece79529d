#!/usr/bin/env python3
"""Runs docs/scale.md's GitHub Actions matrix, as written, and compares with one run.

  matrix_test.py BIN_DIR SOURCE_DIR

The `run:` steps of the `shard` job run once per value of the matrix with
${{ matrix.shard }} expanded, in one workspace (which stands for the artifacts uploaded and
downloaded: the same files); then the `merge` job's `run:` steps. The container's apt-get,
the checkout and the action's install-only use are skipped (reportlint comes from BIN_DIR;
the action itself is tested by github_action_test.py). Checked: every file of the archive is
in exactly one shard; the merged JSON equals a single run's but for nothing; the merged
SARIF holds every result of a single run, with rule indexes that point at their rules;
the merge job fails when the archive has an error.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

BIN_DIR, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
REPORTLINT = os.path.join(BIN_DIR, "reportlint")


def recipe(doc, name):
    text = open(os.path.join(SOURCE, doc), encoding="utf-8").read()
    marker = f"<!-- recipe: {name} -->\n"
    at = text.index(marker) + len(marker)
    body = text.index("\n", at) + 1
    return text[body:text.index("\n```", body) + 1]


def run_steps(steps, workspace, matrix=None):
    env = dict(os.environ, PATH=BIN_DIR + ":" + os.environ["PATH"])
    for step in steps:
        if "run" not in step or "apt-get" in step["run"]:
            continue
        script = step["run"]
        if matrix is not None:
            script = re.sub(r"\$\{\{\s*matrix\.shard\s*\}\}", str(matrix), script)
        r = subprocess.run(["bash", "-e", "-c", script], cwd=workspace, env=env, capture_output=True, text=True)
        if r.returncode:
            return False, r.stdout + r.stderr
    return True, ""


def make_archive(root, with_error):
    drafts = [
        "全年完成投资12亿元，截至目前已开工。\n",
        "这个方案挺好，大家觉得蛮不错。\n",
        "年度工作总结\n\n一、主要成绩\n（一）加强基础设施建设。\n（三）完善配套设施。\n",
        "部门预算执行率达到95%,较上年提高3个百分点。\n",
    ]
    for i in range(40):
        folder = os.path.join(root, "archive", f"{2000 + i % 7}年")
        os.makedirs(folder, exist_ok=True)
        text = drafts[i % len(drafts)] * (1 + i % 5)
        if with_error and i == 17:
            text += "全年完成投资xx亿元。\n"
        with open(os.path.join(folder, f"报告 {i:02d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


def main():
    workflow = yaml.safe_load(recipe("docs/scale.md", "github-matrix"))
    shard_job, merge_job = workflow["jobs"]["shard"], workflow["jobs"]["merge"]
    shards = shard_job["strategy"]["matrix"]["shard"]
    for with_error in (False, True):
        with tempfile.TemporaryDirectory() as workspace:
            make_archive(workspace, with_error)
            for k in shards:
                ok, output = run_steps(shard_job["steps"], workspace, k)
                assert ok, f"shard {k} failed:\n{output}"
            merged_ok, output = run_steps(merge_job["steps"], workspace)
            single = json.loads(subprocess.run([REPORTLINT, "--format", "json", "--fail-on", "never", "archive/"],
                                               cwd=workspace, capture_output=True, text=True).stdout)
            merged = json.load(open(os.path.join(workspace, "report.json"), encoding="utf-8"))
            seen = [f["path"] for k in shards
                    for f in json.load(open(os.path.join(workspace, f"report-{k}.json"), encoding="utf-8"))["files"]]
            assert sorted(seen) == sorted(f["path"] for f in single["files"]), "a file is in no shard, or in two"
            assert len(seen) == len(set(seen)) == 40
            assert merged == single, "the merged report differs from a single run"
            sarif = json.load(open(os.path.join(workspace, "report.sarif"), encoding="utf-8"))
            (run,) = sarif["runs"]
            assert len(run["results"]) == sum(len(f["diagnostics"]) for f in single["files"])
            for r in run["results"]:
                assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
            assert merged_ok != with_error, output
            print(f"ok - {len(shards)} shards merged equal a single run ({'with' if with_error else 'without'} an error)")


main()
