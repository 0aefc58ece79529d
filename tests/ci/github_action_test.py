#!/usr/bin/env python3
"""Runs docs/ci.md's GitHub workflow, exactly as written, with this repository's action.yml.

  github_action_test.py BIN_DIR SOURCE_DIR

A small stand-in for the Actions runner: the job's steps run in order in a workspace that
is the checked-out repository of drafts. `run:` steps run with bash, except the container's
package set-up (apt-get: this machine has what it needs); `uses: actions/checkout` is the
workspace itself; `uses: <owner>/reportlint@<ref>` runs action.yml's composite steps from
SOURCE_DIR with the step's inputs (reportlint is on PATH, from BIN_DIR, so the action's
install step finds it); `uses: github/codeql-action/upload-sarif` checks that the file it
would upload is a SARIF log. `if: always()` steps run after a failure, others do not.
Checked: the annotations and the job's failure on an error; a SARIF log; with the
baseline recording today's findings, the job passes.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

BIN_DIR, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def recipe(doc, name):
    text = open(os.path.join(SOURCE, doc), encoding="utf-8").read()
    marker = f"<!-- recipe: {name} -->\n"
    at = text.index(marker) + len(marker)
    assert text.startswith("```", at), f"{doc}: recipe {name} is not followed by a fenced block"
    body = text.index("\n", at) + 1
    return text[body:text.index("\n```", body) + 1]


def expand(value, inputs):
    """${{ inputs.NAME }} as the runner expands it."""
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs.get(m.group(1), ""), str(value))


def run_bash(script, env, cwd):
    r = subprocess.run(["bash", "-e", "-c", script], env=env, cwd=cwd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def run_job(workspace, temp):
    workflow = yaml.safe_load(recipe("docs/ci.md", "github-workflow"))
    (job,) = workflow["jobs"].values()
    github_path = os.path.join(temp, "github_path")
    open(github_path, "w").close()
    env = dict(os.environ, PATH=BIN_DIR + ":" + os.environ["PATH"], GITHUB_PATH=github_path, RUNNER_TEMP=temp,
               GITHUB_WORKSPACE=workspace)
    failed, output = False, ""
    for step in job["steps"]:
        if failed and "always()" not in str(step.get("if", "")):
            continue
        if "run" in step:
            if "apt-get" in step["run"]:
                continue  # the container's set-up
            code, out, err = run_bash(step["run"], env, workspace)
        elif step["uses"].startswith("actions/checkout@"):
            continue  # the workspace is the checkout
        elif step["uses"].startswith("github/codeql-action/upload-sarif@"):
            sarif = json.load(open(os.path.join(workspace, step["with"]["sarif_file"]), encoding="utf-8"))
            code, out, err = (0 if sarif.get("version") == "2.1.0" else 1), "", ""
        elif re.match(r"[\w-]+/reportlint@", step["uses"]):
            action = yaml.safe_load(open(os.path.join(SOURCE, "action.yml"), encoding="utf-8"))
            inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
            inputs.update({k: str(v) for k, v in (step.get("with") or {}).items()})
            unknown = set(step.get("with") or {}) - set(action["inputs"])
            assert not unknown, f"the workflow passes inputs action.yml does not have: {unknown}"
            code, out, err = 0, "", ""
            for inner in action["runs"]["steps"]:
                inner_env = dict(env, GITHUB_ACTION_PATH=SOURCE)
                inner_env.update({k: expand(v, inputs) for k, v in (inner.get("env") or {}).items()})
                code, o, e = run_bash(expand(inner["run"], inputs), inner_env, workspace)
                out, err = out + o, err + e
                if code:
                    break
        else:
            raise AssertionError(f"a step this stand-in cannot run: {step}")
        output += out + err
        failed = failed or code != 0
    return failed, output


def main():
    with tempfile.TemporaryDirectory() as temp:
        workspace = os.path.join(temp, "repo")
        os.makedirs(os.path.join(workspace, "drafts"))
        with open(os.path.join(workspace, "drafts", "2024年 总结.txt"), "w", encoding="utf-8") as f:
            f.write("全年完成投资xx亿元，截止目前已开工。\n")
        # No baseline yet: an empty one (version 2, no findings).
        baseline = os.path.join(workspace, ".reportlint-baseline.json")
        with open(baseline, "w") as f:
            json.dump({"version": 2, "findings": []}, f)

        failed, output = run_job(workspace, temp)
        assert failed, "the job passed with an error in a draft:\n" + output
        assert "::error file=drafts/2024年 总结.txt,line=1,col=7" in output, output
        assert os.path.exists(os.path.join(workspace, "reportlint.sarif")), "no SARIF log written"
        print("ok - the documented workflow fails on an error, with annotations and a SARIF log")

        subprocess.run([os.path.join(BIN_DIR, "reportlint"), "--write-baseline", baseline, "drafts"], cwd=workspace,
                       check=True, capture_output=True)
        failed, output = run_job(workspace, temp)
        assert not failed, "the job failed although the baseline records every finding:\n" + output
        print("ok - with a baseline of today's findings the job passes")


main()
