"""End to end in a real browser: every lesson runs in JupyterLab and its quiz answers back.

One JupyterLab server (loopback, random port, token, throw-away Jupyter
folders) serves a *copy* of the lessons, so autosave never touches the
repository; one headless Debian Chromium, driven by Playwright, opens each
lesson, runs all cells from the Run menu, waits for the kernel to go idle and
checks that no cell printed a traceback. In lessons that display a quiz, it
answers one question right and one wrong and reads the feedback. Screenshots
go to ``test-artifacts/`` (git-ignored), with the server log.

The module is skipped when ``/usr/bin/chromium`` is missing, unless
``SCO_COURSE_REQUIRE_BROWSER=1`` (CI sets it), in which case it fails. Never
``playwright install``: the Debian browser is used through
``executable_path``. ``SCO_COURSE_TEST_ROOT`` points the test at another
course checkout.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(os.environ.get("SCO_COURSE_TEST_ROOT") or Path(__file__).resolve().parents[1])
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LESSONS = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
QUIZ_CALL = re.compile(r"""\b(?:quiz|load_bank)\(\s*["']([^"']+)["']""")
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook tab in front
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
SERVER_START_S = 180
RUN_ALL_S = 420  # per notebook, on a busy 2-core machine
MS = 1000


def _browser_unavailable() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


_why_not = _browser_unavailable()
if _why_not and os.environ.get("SCO_COURSE_REQUIRE_BROWSER") == "1":
    pytest.fail(f"SCO_COURSE_REQUIRE_BROWSER=1 but {_why_not}", pytrace=False)
if _why_not:
    pytest.skip(_why_not, allow_module_level=True)
if not LESSONS:
    pytest.skip("no lessons in notebooks/ yet", allow_module_level=True)

from playwright.sync_api import (  # noqa: E402  (after the skip checks)
    BrowserContext,
    Locator,
    Page,
    expect,
    sync_playwright,
)

from sco_course.i18n import t  # noqa: E402
from sco_course.quizzes import Question, load_bank  # noqa: E402

# --------------------------------------------------------------------------- the server


@dataclass
class Lab:
    """A running JupyterLab: its base URL, token, served folder and process."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, path: str, method: str = "GET") -> Any:
        request = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _jupyter_dirs(base: Path) -> dict[str, str]:
    """Throw-away Jupyter folders, with settings that keep JupyterLab quiet and predictable."""
    dirs = {
        name: base / name
        for name in ("runtime", "config", "data", "settings", "workspaces", "ipython")
    }
    for folder in dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    settings = dirs["settings"] / "@jupyterlab"
    # every cell in the DOM (no virtual scrolling), no autosave, no news or update toasts
    _write_json(
        settings / "notebook-extension" / "tracker.jupyterlab-settings", {"windowingMode": "none"}
    )
    _write_json(
        settings / "docmanager-extension" / "plugin.jupyterlab-settings", {"autosave": False}
    )
    _write_json(
        settings / "apputils-extension" / "notification.jupyterlab-settings",
        {"checkForUpdates": False, "fetchNews": "false", "doNotDisturbMode": True},
    )
    return {
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "JUPYTERLAB_SETTINGS_DIR": str(dirs["settings"]),
        "JUPYTERLAB_WORKSPACES_DIR": str(dirs["workspaces"]),
        "IPYTHONDIR": str(dirs["ipython"]),
        "JUPYTER_PLATFORM_DIRS": "1",
    }


def _children(pid: int) -> list[int]:
    """PIDs of the direct children of ``pid`` (the kernels of a Jupyter server)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _stop(lab: Lab) -> None:
    """Shut the kernels and the server down: politely, then by their own PIDs."""
    kernels = _children(lab.process.pid)
    with contextlib.suppress(OSError, urllib.error.URLError):
        for session in lab.api("/api/sessions"):
            lab.api(f"/api/sessions/{session['id']}", method="DELETE")
    with contextlib.suppress(OSError, urllib.error.URLError):
        lab.api("/api/shutdown", method="POST")
    try:
        lab.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(lab.process.pid, signal.SIGTERM)  # the group started below
        try:
            lab.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(lab.process.pid, signal.SIGKILL)
            lab.process.wait(timeout=15)
    for pid in kernels:  # kernels run in their own sessions; end any survivor by its PID
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL) if os.getpgid(pid) == pid else os.kill(
                pid, signal.SIGKILL
            )


def _start(base: Path) -> Lab:
    served = base / "course"
    served.mkdir()
    shutil.copytree(ROOT / "notebooks", served / "notebooks")  # autosave-safe copy
    if (ROOT / "exercises").is_dir():
        shutil.copytree(ROOT / "exercises", served / "exercises")
    env = {**os.environ, **_jupyter_dirs(base / "jupyter")}  # conftest.py's settings included
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "browser-jupyterlab.log"
    last_error = ""
    for _attempt in range(3):  # the free port may be taken between probe and bind
        port, token = _free_port(), secrets.token_hex(16)
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.open_browser=False",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={served}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",  # no PyPI queries
        ]
        if os.geteuid() == 0:  # containers and CI runners often run as root
            command.append("--allow-root")
        with log.open("wb") as out:
            process = subprocess.Popen(
                command,
                cwd=served,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        lab = Lab(f"http://127.0.0.1:{port}", token, served, process, log)
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline and process.poll() is None:
            try:
                lab.api("/api/status")
                return lab
            except (OSError, urllib.error.URLError) as exc:
                last_error = str(exc)
                time.sleep(0.5)
        _stop(lab)
        last_error += "\n" + log.read_text(errors="replace")[-3000:]
    pytest.fail(f"JupyterLab did not start:\n{last_error}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    server = _start(tmp_path_factory.mktemp("lab"))
    try:
        yield server
    finally:
        _stop(server)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh user-data dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
            timeout=120 * MS,
        )
        context.set_default_timeout(60 * MS)
        try:
            yield context
        finally:
            context.close()


# --------------------------------------------------------------------------- helpers


def _kernel_idle(lab: Lab, path: str) -> bool:
    for session in lab.api("/api/sessions"):
        if session.get("path") == path and session.get("kernel"):
            return session["kernel"].get("execution_state") == "idle"
    return False


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


# Reads the notebook's state in one go: "error" as soon as a traceback shows,
# "done" once every code cell has an execution count, else false.
_RUN_STATE_JS = """
([stderrSelector]) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const errors = [...panel.querySelectorAll(stderrSelector)]
    .filter(e => /Traceback|Error/.test(e.textContent));
  if (errors.length) return 'error';
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(e => e.textContent.trim());
  if (!prompts.length || prompts.some(p => p.includes('*'))) return false;
  return prompts.every(p => /\\[\\d+\\]/.test(p)) ? 'done' : false;
}
"""


def _run_all(page: Page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def _quiz_question(lesson: Path) -> tuple[Question, str] | None:
    """The first single-choice or true/false question of the lesson's quiz, and its bank."""
    nb = nbformat.read(lesson, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for name in QUIZ_CALL.findall(cell.source):
            for question in load_bank(name).questions:
                if question.type in ("single", "truefalse"):
                    return question, name
    return None


def _option_labels(question: Question, lang: str) -> tuple[str, str]:
    """The radio-button labels of a right and a wrong answer (the widget's own wording)."""
    if question.type == "truefalse":
        right = bool(question.answer)
        label = {True: t("quiz.true", lang=lang), False: t("quiz.false", lang=lang)}
        return label[right], label[not right]
    labels = {
        o.key: f"{chr(ord('A') + i)}. {o.label(lang)}" for i, o in enumerate(question.options)
    }
    wrong = next(key for key in labels if key != question.answer)
    return labels[question.answer], labels[wrong]


def _question_box(page: Page, question: Question, lang: str) -> Locator:
    prompt = page.locator(f"{PANEL} .widget-html", has_text=question.prompt[lang]).first
    return prompt.locator(
        "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '),"
        " ' widget-vbox ')][1]"
    )


def _answer(box: Locator, label: str, lang: str) -> None:
    box.get_by_role("radio", name=label, exact=True).check()
    box.locator("button", has_text=t("quiz.check", lang=lang)).click()


# --------------------------------------------------------------------------- the tests


_lessons_run: list[str] = []
_quizzes_answered: list[str] = []


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_in_jupyterlab(lesson: Path, lab: Lab, browser: BrowserContext) -> None:
    path = f"notebooks/{lesson.name}"
    shot = ARTIFACTS / f"browser-{lesson.stem}"
    lang = os.environ.get("SCO_COURSE_LANG", "en")
    _lessons_run.append(lesson.name)
    page = browser.new_page()
    messages: list[str] = []
    page.on("pageerror", lambda exc: messages.append(f"page error: {exc}"))
    try:
        # a fresh workspace per lesson: JupyterLab restores nothing opened before
        workspace = f"test-{len(_lessons_run)}-{lesson.stem}"
        page.goto(
            f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?token={lab.token}", timeout=120 * MS
        )
        page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.wait_for(timeout=120 * MS)
        dialog = page.locator(".jp-Dialog")  # e.g. "Select Kernel" if metadata is missing
        if dialog.count() and dialog.locator(".jp-mod-accept").count():
            dialog.locator(".jp-mod-accept").click()
        _wait(lambda: _kernel_idle(lab, path), SERVER_START_S, f"the kernel of {path}")

        _run_all(page)
        state = page.wait_for_function(
            _RUN_STATE_JS, arg=[STDERR], timeout=RUN_ALL_S * MS, polling=500
        ).json_value()
        _wait(lambda: _kernel_idle(lab, path), RUN_ALL_S, f"{path} to finish")
        page.screenshot(path=f"{shot}.png")
        errors = [e.inner_text() for e in page.locator(f"{PANEL} {STDERR}").all()]
        errors = [e for e in errors if "Traceback" in e or "Error" in e]
        assert state == "done" and not errors, (
            f"{path}: a cell failed in JupyterLab:\n" + "\n---\n".join(errors)[:5000]
        )

        found = _quiz_question(lesson)
        if found is None:
            return
        question, bank = found
        right, wrong = _option_labels(question, lang)
        box = _question_box(page, question, lang)
        box.scroll_into_view_if_needed()
        _answer(box, right, lang)
        # "✔ Correct." or, for true/false questions, "✔ Correct: the statement is ..."
        correct, incorrect = (
            t(k, lang=lang).rstrip(".") for k in ("quiz.correct", "quiz.incorrect")
        )
        expect(box).to_contain_text(correct, timeout=30 * MS)
        box.screenshot(path=f"{shot}-quiz-right.png")
        _answer(box, wrong, lang)
        expect(box).to_contain_text(incorrect, timeout=30 * MS)
        expect(box).not_to_contain_text(correct)
        box.screenshot(path=f"{shot}-quiz-wrong.png")
        _quizzes_answered.append(f"{lesson.name}: {bank}/{question.id}")
    except Exception:
        with contextlib.suppress(Exception):
            page.screenshot(path=f"{shot}-failure.png")
        if messages:
            print("\n".join(messages), file=sys.stderr)
        raise
    finally:
        with contextlib.suppress(Exception):
            for session in lab.api("/api/sessions"):
                if session.get("path") == path:
                    lab.api(f"/api/sessions/{session['id']}", method="DELETE")
        page.close()


def test_at_least_one_quiz_was_answered_in_the_browser() -> None:
    if not _lessons_run:
        pytest.skip("no lesson ran in this session (deselected)")
    with_quiz = [p.name for p in LESSONS if _quiz_question(p) is not None]
    if not with_quiz:
        pytest.skip("no lesson displays a single-choice or true/false quiz question")
    assert _quizzes_answered, f"no quiz was answered; lessons with quizzes: {with_quiz}"
