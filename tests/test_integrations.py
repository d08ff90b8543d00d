"""The CI integrations: the pre-commit hooks run the way pre-commit runs them (entry, args and
the staged file names that match ``files``), the GitHub Action's shell steps run as a script
with the runner's files, shell completion, and the Dockerfile's shape (Docker cannot build here:
its base images are not reachable)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from clearance.cli.main import app

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MANUFACTURER = {
    "name": "Acme GmbH",
    "address": "Hauptstr. 1, 10115 Berlin",
    "email": "safety@acme.example",
    "country": "DE",
}
CLEAN = {
    "kind": "listing",
    "id": "L-1",
    "markets": ["DE"],
    "title": "Keramiktasse",
    "model": "M-1",
    "batch": "B-1",
    "images": ["https://img.example/1.jpg"],
    "manufacturer": MANUFACTURER,
    "notices": {"legal_guarantee": True},  # the EU legal-guarantee notice (from 27 Sep 2026)
}
BLOCKED = {k: v for k, v in {**CLEAN, "id": "L-2"}.items() if k != "manufacturer"}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["CLEARANCE_CACHE"] = "off"
    return env


def _hooks() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {h["id"]: h for h in hooks}


def _run_hook(
    hook: dict[str, Any], staged: list[str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run a hook as pre-commit does: its entry split like a shell, its args, then the staged
    files that match ``files`` and not ``exclude`` (unless pass_filenames is false)."""
    files = [
        f
        for f in staged
        if re.search(hook.get("files", ""), f) and not re.search(hook.get("exclude", "^$"), f)
    ]
    argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
    if hook.get("pass_filenames", True):
        argv += files
    return subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)


def test_hooks_are_well_formed() -> None:
    hooks = _hooks()
    assert set(hooks) == {"clearance-check", "clearance-rules-validate", "clearance-rules-test"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert shlex.split(hook["entry"])[0] == "clearance"
        re.compile(hook["files"])


def test_check_hook_screens_the_staged_catalogue_files(tmp_path: Path) -> None:
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue" / "clean.jsonl").write_text(json.dumps(CLEAN) + "\n", "utf-8")
    (tmp_path / "catalogue" / "blocked.jsonl").write_text(json.dumps(BLOCKED) + "\n", "utf-8")
    (tmp_path / "package.json").write_text("{}", "utf-8")
    (tmp_path / "README.md").write_text("# shop", "utf-8")
    hook = _hooks()["clearance-check"]
    ok = _run_hook(hook, ["catalogue/clean.jsonl", "README.md", "package.json"], tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 document(s): 1 pass" in ok.stdout
    failed = _run_hook(hook, ["catalogue/clean.jsonl", "catalogue/blocked.jsonl"], tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "EU.GPSR.19A.MANUFACTURER" in failed.stdout


def _small_library(tmp_path: Path) -> Path:
    """The bundled library with one pack, so that the rule hooks run quickly."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    keep = {"data", "law", "schema", "terms"}
    for folder in rules.iterdir():
        if folder.is_dir() and folder.name not in keep and folder.name != "sg":
            shutil.rmtree(folder)
    return rules


def test_rule_hooks_validate_and_test_the_packs(tmp_path: Path) -> None:
    rules = _small_library(tmp_path)
    for hook_id in ("clearance-rules-validate", "clearance-rules-test"):
        result = _run_hook(_hooks()[hook_id], ["rules/sg/gst-low-value.yaml"], tmp_path)
        assert result.returncode == 0, hook_id + result.stdout + result.stderr
    pack = rules / "sg" / "gst-low-value.yaml"
    pack.write_text(pack.read_text("utf-8").replace("severity: block", "severity: fatal"), "utf-8")
    broken = _run_hook(
        _hooks()["clearance-rules-validate"], ["rules/sg/gst-low-value.yaml"], tmp_path
    )
    assert broken.returncode != 0
    assert "gst-low-value.yaml" in broken.stdout + broken.stderr


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return data


def _expand(value: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """Resolve the ${{ inputs.x }}, ${{ steps.s.outputs.x }} and ${{ github.action_path }}
    expressions the way the runner does."""

    def one(m: re.Match[str]) -> str:
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr.startswith("steps."):
            return outputs[expr.split(".")[-1]]
        if expr == "github.action_path":
            return str(REPO)
        raise AssertionError(f"unknown expression {expr}")

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def _run_action(tmp_path: Path, paths: str, fail_on: str) -> tuple[int, dict[str, str], Path]:
    action = _action()
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs.update(paths=paths, **{"fail-on": fail_on})
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("", "utf-8")
    outputs: dict[str, str] = {}
    code = 0
    for step in action["runs"]["steps"]:
        if "run" not in step or step.get("id") == "install":  # installing needs the network
            continue
        env = _env()
        env.update(GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output))
        env["RUNNER_TEMP"] = str(tmp_path)
        for key, value in step.get("env", {}).items():
            env[key] = _expand(str(value), inputs, outputs)
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        for line in output.read_text("utf-8").splitlines():
            key, _, value = line.partition("=")
            outputs[key] = value
        code = result.returncode
        if code:
            break
    return code, outputs, summary


def test_the_action_screens_uploads_and_gates(tmp_path: Path) -> None:
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue" / "listings.jsonl").write_text(
        json.dumps(CLEAN) + "\n" + json.dumps(BLOCKED) + "\n", "utf-8"
    )
    code, outputs, summary = _run_action(tmp_path, "catalogue", "block")
    assert outputs["exit-code"] == "1" and code == 1
    assert summary.read_text("utf-8").startswith("## Clearance check")
    sarif = json.loads((tmp_path / "clearance.sarif").read_text("utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"EU.GPSR.19A.MANUFACTURER"}
    code, outputs, _ = _run_action(tmp_path, "catalogue", "none")
    assert outputs["exit-code"] == "0" and code == 0


def test_the_action_installs_from_its_own_checkout() -> None:
    [install] = [s for s in _action()["runs"]["steps"] if s.get("id") == "install"]
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert "pip install" in install["run"] and '"$ACTION_PATH"' in install["run"]


def test_shell_completion_is_offered() -> None:
    result = CliRunner().invoke(app, ["--show-completion", "bash"])
    assert result.exit_code == 0
    assert "_CLEARANCE_COMPLETE" in result.output


def test_the_dockerfile_builds_the_wheel_and_runs_clearance() -> None:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    stages = re.findall(r"^FROM (\S+)", text, flags=re.M)
    assert len(stages) == 2, "a build stage with the compiler, a run stage without"
    assert "pip wheel" in text and "--no-index --find-links /wheels clearance" in text
    assert 'ENTRYPOINT ["clearance"]' in text
    assert re.search(r"^USER (?!root)", text, flags=re.M), "the image does not run as root"
    assert ".venv" in (REPO / ".dockerignore").read_text(encoding="utf-8")


def test_pre_commit_accepts_the_hook_file() -> None:
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
