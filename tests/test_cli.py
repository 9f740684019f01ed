"""The command line as a new user meets it: help, version, targets, where, workspaces, history, import."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from gdz_targets import __version__

from .conftest import FIXTURE_LOG, FIXTURE_PLAN, Gdz, run_gdz_process

COMMANDS = ("status", "show", "export", "log", "void", "undo", "history", "import", "targets", "check", "init",
            "where")  # fmt: skip


def test_version(gdz: Gdz) -> None:
    result = gdz("--version")
    assert (result.exit_code, result.stdout) == (0, f"gdz {__version__}\n")


def test_help_lists_every_command_with_a_summary_and_an_example(gdz: Gdz) -> None:
    result = gdz("--help")
    assert result.exit_code == 0
    listing = result.stdout.split("Commands:\n", 1)[1]
    blocks = re.split(r"\n  (?=\w)", "\n" + listing)  # one block per command, continuation lines included
    summaries = {block.split()[0]: " ".join(block.split()[1:]) for block in blocks if block.strip()}
    for command in COMMANDS:
        assert f"(e.g. gdz {command}" in summaries[command]
        own = gdz(command, "--help")
        assert own.exit_code == 0
        assert f"Example: gdz {command}" in own.stdout


def test_runs_as_a_module() -> None:
    result = run_gdz_process("--version")
    assert (result.returncode, result.stdout) == (0, f"gdz {__version__}\n")


def test_no_arguments_shows_help(gdz: Gdz) -> None:
    result = gdz()
    assert "Usage: gdz" in result.stdout + result.stderr


def test_shell_completion_is_offered(gdz: Gdz) -> None:
    result = gdz("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0
    assert "_GDZ_COMPLETE" in result.stdout


def _complete(shell: str, line: str, env: dict[str, str] | None = None) -> list[str]:
    """What the shell would offer for `line` (ending where the cursor is), through Click's completion protocol."""
    words = line.split(" ")
    variables = {"_GDZ_COMPLETE": f"complete_{shell}", **(env or {})}
    if shell == "bash":
        variables |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        variables |= {"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = run_gdz_process(env=variables)
    assert result.returncode == 0, result.stderr
    if shell == "zsh":  # _arguments '*: :(("value":"help"\n"value"))', or _files when nothing is offered
        pairs = r'"((?:[^"\\]|\\.)*)"(?::"(?:[^"\\]|\\.)*")?'  # "value" or "value":"help", help may fold
        return re.findall(pairs, result.stdout.partition("((")[2])
    return [line.split("\t")[0] for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_of_targets_areas_cities_statuses_kinds_and_formats(shell: str) -> None:
    assert _complete(shell, "gdz show cross-") == ["cross-city-new", "cross-city-total", "cross-city-new-2024",
                                                   "cross-region-services"]  # fmt: skip
    assert "cross-city-total" in _complete(shell, "gdz log cross-city-t")
    assert _complete(shell, "gdz history e-lic") == ["e-licence-uses", "e-licence-top100", "e-licence-types"]
    assert _complete(shell, "gdz status --area ")[:6] == ["1", "2", "3", "4", "5", "6"]
    assert _complete(shell, "gdz log x 1 --city sh") == ["shenzhen"]
    assert _complete(shell, "gdz status --status ov") == ["overdue"]
    assert _complete(shell, "gdz targets --kind m") == ["milestone"]
    assert _complete(shell, "gdz export status --format j") == ["json"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_part_of_a_title_completes_to_the_targets_holding_it(shell: str) -> None:
    # Offered whatever the shell: bash shows them (and puts the one id in place of the words typed); zsh and
    # fish themselves keep only candidates that start with what was typed.
    assert _complete(shell, "gdz show 跨城通办事项总") == ["cross-city-total"]
    assert _complete(shell, "gdz log resolved") == ["hotline-resolution-rate"]  # a word of the English title


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_of_entry_ids(shell: str, tmp_path: Path) -> None:
    env = {"GDZ_PLAN": str(FIXTURE_PLAN), "GDZ_LEDGER": str(tmp_path / "log.toml")}
    (tmp_path / "log.toml").write_bytes(FIXTURE_LOG.read_bytes())
    offered = _complete(shell, "gdz void ", env)
    assert len(offered) == 11 and "9XA4WGZE" in offered
    assert "2KC5T297" not in offered  # voided already: not offered
    assert _complete(shell, "gdz void 9XA4", env) == ["9XA4WGZE"]


def test_targets_lists_the_shipped_plan(gdz: Gdz) -> None:
    result = gdz("targets", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for target in ("cross-city-total", "e-licence-top100", "business-entities", "trading-one-network"):
        assert target in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("  e-licence-top100 "))
    assert row.endswith(
        "≈>=90%"
    )  # Shenzhen's related licence figure: marked, with bound and unit, its date below
    assert ">1000" in result.stdout


def test_targets_filters_by_area_and_kind(gdz: Gdz) -> None:
    result = gdz("targets", "--area", "government-services", "--kind", "numeric", env={"COLUMNS": "200"})
    known = {"top100-zero-gap", "cross-city-new", "cross-city-total", "e-licence-top100", "cross-city-new-2024",
             "same-standard-sz", "e-licence-uses"}  # fmt: skip
    ids = [
        line.split()[0]
        for line in result.stdout.splitlines()[2:]
        if line.split() and line.split()[0] in known
    ]
    assert ids == ["top100-zero-gap", "cross-city-new", "cross-city-total", "e-licence-top100",
                   "cross-city-new-2024", "same-standard-sz"]  # fmt: skip
    context = gdz("targets", "--area", "context", env={"COLUMNS": "200"})
    assert "business-entities" in context.stdout and "cross-city-total" not in context.stdout


def test_targets_in_chinese(gdz: Gdz) -> None:
    result = gdz("targets", "--lang", "zh", "--area", "market-regulation", env={"COLUMNS": "200"})
    assert "公共资源交易“一张网”" in result.stdout
    assert "名称" in result.stdout


def test_language_follows_gdz_lang_then_the_locale(gdz: Gdz) -> None:
    assert "名称" in gdz("targets", env={"GDZ_LANG": "zh", "COLUMNS": "200"}).stdout
    assert "名称" in gdz("targets", env={"LANG": "zh_CN.UTF-8", "COLUMNS": "200"}).stdout
    assert "title" in gdz("targets", env={"LANG": "en_GB.UTF-8", "COLUMNS": "200"}).stdout
    assert "title" in gdz("targets", "--lang", "en", env={"GDZ_LANG": "zh", "COLUMNS": "200"}).stdout


def test_where_says_which_files_and_why(gdz: Gdz, env_setup: Path, tmp_path: Path) -> None:
    result = gdz("where")
    lines = result.stdout.splitlines()
    assert lines[0].endswith("data/targets.toml (shipped with gdz)")
    assert lines[1] == f"log:    {env_setup}/progress.toml (your data directory: no workspace found here)"
    assert lines[2] == f"lock:   {env_setup}/progress.toml.lock"
    assert lines[3].startswith(f"cache:  {env_setup}/cache/log-")
    assert lines[4] == "you:    tester (--by, GDZ_USER, else the login name)"
    ledger = gdz("where", "--ledger", str(tmp_path / "x.toml")).stdout.splitlines()[1]
    assert ledger == f"log:    {tmp_path}/x.toml (from the command line)"
    env = gdz("where", env={"GDZ_LEDGER": str(tmp_path / "y.toml")}).stdout.splitlines()[1]
    assert env == f"log:    {tmp_path}/y.toml (from the environment)"


def test_a_workspace_is_found_from_below(gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert gdz("init", str(tmp_path / "ws")).exit_code == 0
    (tmp_path / "ws" / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "ws" / "deep" / "er")
    assert (
        gdz("where").stdout.splitlines()[1]
        == f"log:    {tmp_path}/ws/progress.toml (from the workspace's gdz.toml)"
    )
    assert gdz("log", "cross-city-total", "1020", "--date", "2023-12-31").exit_code == 0
    assert "cross-city-total" in (tmp_path / "ws" / "progress.toml").read_text()


def test_a_workspace_may_name_its_own_plan(gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gdz.toml").write_text(f'log = "log.toml"\nplan = "{FIXTURE_PLAN}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "(from the workspace's gdz.toml)" in gdz("where").stdout.splitlines()[0]
    assert "pass-rate" in gdz("targets").stdout


def test_a_bad_workspace_file_is_reported(gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gdz.toml").write_text('logg = "log.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = gdz("status")
    assert result.exit_code == 3
    assert result.stderr == f"gdz: {tmp_path}/gdz.toml: unknown key 'logg'; gdz.toml takes log and plan\n"


# --- history, void and undo ----------------------------------------------------------------------------------


def test_history_filters(gdz: Gdz, fixture_env: Path) -> None:
    wide = {"COLUMNS": "200"}
    shown = gdz("history", "pass-rate", env=wide).stdout
    assert "2024-06-30" in shown and "2025-03-31" in shown
    assert "2025-04-15" not in shown  # voided: only with --all
    everything = gdz("history", "pass-rate", "--all", env=wide).stdout
    assert "2025-04-15" in everything and "voided: typo: was 59" in everything
    assert "guangzhou" not in gdz("history", "pass-rate", "--city", "dg", env=wide).stdout.lower()
    since = gdz("history", "--since", "2025-05-01", "--until", "2025-05-31", env=wide).stdout
    assert sorted(re.findall(r"2025-05-\d\d", since)) == ["2025-05-20", "2025-05-31", "2025-05-31"]
    last = gdz("history", "-n", "1", env=wide).stdout
    assert len([line for line in last.splitlines() if re.match(r"^\w{8} ", line)]) == 1


def test_void_by_short_id_and_undo(gdz: Gdz, fixture_env: Path) -> None:
    voided = gdz("void", "7D63GFXK".lower().replace("7d63gfxk", "4WGZE"), "--reason", "wrong city")
    assert voided.exit_code == 0, voided
    assert voided.stdout == ("voided 9XA4WGZE Average wait = 18 days (Dongguan, 2025-04-30): wrong city\n")
    again = gdz("void", "4WGZE", "--reason", "again")
    assert (again.exit_code, again.stderr) == (
        2,
        "gdz: entry 01JT783SM0FDHTAQ029XA4WGZE is already void (wrong city)\n",
    )
    logged = gdz("log", "wait-days", "17", "--date", "2025-05-31")
    assert logged.exit_code == 0
    declined = gdz("undo", input="n\n")
    assert declined.exit_code == 1
    assert "Void " in declined.stdout
    undone = gdz("undo", input="y\n")
    assert undone.exit_code == 0
    assert "Average wait = 17 days (Dongguan, 2025-05-31): undo" in undone.stdout
    nothing = gdz("undo", "--yes")
    assert (nothing.exit_code, nothing.stderr) == (2, "gdz: no entry recorded by tester is left to undo\n")


def test_status_counts_corrections(gdz: Gdz, fixture_env: Path) -> None:
    before = gdz("export", "status", "-f", "json").stdout
    assert '"target": "wait-days"' in before
    gdz("void", "4WGZE", "--reason", "wrong")
    after = gdz("show", "wait-days", env={"COLUMNS": "120"}).stdout
    assert re.search(r"current\s+20 days \(2024-01-01\)", after)  # back to the baseline: the voided 18 is out
    assert "voided: wrong" in after


def test_every_help_text_has_a_chinese_translation() -> None:
    from typer.main import get_command

    from gdz_targets.cli import make_app
    from gdz_targets.cli.help_zh import translate_help

    group = get_command(make_app())
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    texts = [
        text for command in commands for text in (command.help, command.short_help, command.epilog) if text
    ]
    texts += [param.help for command in commands for param in command.params if getattr(param, "help", None)]
    untranslated = [text for text in texts if translate_help(text, "zh") == text]
    assert untranslated == []


def test_help_in_chinese(gdz: Gdz) -> None:
    text = gdz("--help", env={"GDZ_LANG": "zh"}).stdout
    assert text.startswith("用法:gdz")
    assert "命令:" in text and "跟踪东莞对标广州、深圳的营商环境行动方案" in text
    log = gdz("log", "--help", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "示例:gdz log cross-city-total" in log and "[必填]" in log and "默认今天(会提示)" in log
    assert all(cell_len(line) <= 80 for line in log.splitlines())
    assert gdz("log", "--help").stdout.startswith("Usage: gdz log")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", [(), ("targets",), ("check",), ("export",)])
def test_help_never_splits_an_option_at_any_width(lang: str, command: tuple[str, ...]) -> None:
    # A real process: Click takes the help's width from the terminal. The widths include those where an example
    # wider than the line once split `--kind` or `--all`.
    for width in (52, 57, 60, 63, 66, 69, 72, 80):
        text = run_gdz_process(*command, "--help", env={"GDZ_LANG": lang, "COLUMNS": str(width)}).stdout
        for line in text.splitlines():
            assert cell_len(line) <= width, (width, line)
            assert not re.search(r"(^|\s)-{1,2}$", line), (width, line)  # "--" left at a line's end
            assert not re.match(r"\s*-[a-z]", line) or re.match(r"\s*--?[a-z]", line), (width, line)


def test_init_where_nothing_can_be_created_is_one_line_and_exit_4(tmp_path: Path) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    result = run_gdz_process("init", str(parent / "reports"), obey_permissions=True)
    assert result.returncode == 4, result.stderr
    assert result.stderr == f"gdz: {parent}/reports: cannot write: permission denied; nothing was changed\n"
    assert list(parent.iterdir()) == []


def test_init_on_a_file_says_it_is_a_file(gdz: Gdz, tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x")
    result = gdz("init", str(tmp_path / "notes"))
    assert (result.exit_code, result.stderr) == (2, f"gdz: {tmp_path}/notes: is a file, not a directory\n")
