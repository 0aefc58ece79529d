#!/usr/bin/env python3
"""Runs docs/ci.md's GitLab CI job, exactly as written, in a stand-in for the runner.

  gitlab_ci_test.py BIN_DIR SOURCE_DIR

`before_script` builds reportlint from its repository: that is the README's build, run by
the install test, so here reportlint comes from BIN_DIR instead. `script` runs line by line
with sh in a workspace of drafts, as GitLab does; the job fails at the first failing line.
Checked: the Code Quality report the job declares is written and holds the findings, with
the fields GitLab reads; the gate fails on an error and passes with a baseline.
"""
import json
import os
import subprocess
import sys
import tempfile

import yaml

BIN_DIR, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def recipe(doc, name):
    text = open(os.path.join(SOURCE, doc), encoding="utf-8").read()
    marker = f"<!-- recipe: {name} -->\n"
    at = text.index(marker) + len(marker)
    body = text.index("\n", at) + 1
    return text[body:text.index("\n```", body) + 1]


def run_job(workspace):
    (job,) = yaml.safe_load(recipe("docs/ci.md", "gitlab-ci")).values()
    env = dict(os.environ, PATH=BIN_DIR + ":" + os.environ["PATH"])
    for line in job["script"]:
        if subprocess.run(["sh", "-c", line], cwd=workspace, env=env, capture_output=True).returncode:
            return False, job
    return True, job


with tempfile.TemporaryDirectory() as temp:
    os.makedirs(os.path.join(temp, "drafts"))
    with open(os.path.join(temp, "drafts", "工作总结.md"), "w", encoding="utf-8") as f:
        f.write("全年完成投资xx亿元，截止目前已开工。\n")
    baseline = os.path.join(temp, ".reportlint-baseline.json")
    with open(baseline, "w") as f:
        json.dump({"version": 2, "findings": []}, f)
    passed, job = run_job(temp)
    assert not passed, "the gate passed with an error in a draft"
    report_file = job["artifacts"]["reports"]["codequality"]
    report = json.load(open(os.path.join(temp, report_file), encoding="utf-8"))
    rules = {issue["check_name"] for issue in report}
    assert {"placeholder.unfilled", "phrasing.misused"} <= rules, report
    for issue in report:
        assert issue["location"]["path"] == "drafts/工作总结.md", issue
        assert issue["fingerprint"] and issue["severity"] in ("info", "minor", "major", "critical", "blocker"), issue
    print("ok - the documented GitLab job writes its Code Quality report and fails on an error")
    subprocess.run([os.path.join(BIN_DIR, "reportlint"), "--write-baseline", baseline, "drafts"], cwd=temp,
                   check=True, capture_output=True)
    passed, _ = run_job(temp)
    assert passed, "the gate failed although the baseline records every finding"
    print("ok - with a baseline of today's findings the job passes")
