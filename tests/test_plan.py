"""The shipped plan, and every way a plan file is rejected (file:line:column, exit code)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gdz_targets.domain.model import City, Kind
from gdz_targets.store.paths import shipped_plan_path
from gdz_targets.store.plan_file import load_plan

from .conftest import ROOT, Gdz

ARTICLE = ROOT / "data" / "sources" / "article.zh-Hans.md"
SHIPPED = ROOT / "data" / "targets.toml"


def test_shipped_plan_is_the_checkout_file() -> None:
    assert shipped_plan_path().resolve() == SHIPPED.resolve()


def test_shipped_plan_loads_with_targets_in_all_six_areas() -> None:
    plan = load_plan(SHIPPED)
    assert len(plan.areas) == 6
    for area in plan.areas:
        kinds = {target.kind for target in plan.targets if target.area == area.id}
        assert kinds, f"area {area.id} has no targets"
    assert {target.kind for target in plan.targets} == {Kind.NUMERIC, Kind.MILESTONE, Kind.CONTEXT}
    assert plan.meta.policies == 25


def test_every_article_quote_occurs_verbatim_in_the_article() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    quoted = [("plan", data["plan"])] + [(a["id"], a) for a in data["area"]]
    for target in data["target"]:
        quoted.append((target["id"], target))
        if "baseline" in target:
            quoted.append((f"{target['id']}.baseline", target["baseline"]))
        for city, benchmark in target.get("benchmarks", {}).items():
            quoted.append((f"{target['id']}.{city}", benchmark))
    checked = 0
    for where, item in quoted:
        assert item.get("source") and item.get("quote"), f"{where} lacks a source or a quote"
        if item["source"] == "article":
            assert item["quote"] in article, f"{where}: quote not in the article: {item['quote']}"
            checked += 1
    assert checked > 40


def test_every_figure_has_a_source_and_a_quote() -> None:
    plan = load_plan(SHIPPED)
    for target in plan.targets:
        for observation in [target.baseline, *target.benchmarks.values()]:
            if observation is not None:
                assert observation.source in plan.sources
                assert observation.quote.strip()


def test_shipped_plan_has_figures_from_the_article() -> None:
    """Spot checks against the article: the figures are the ones it states."""
    plan = load_plan(SHIPPED)
    cross_city = plan.target("cross-city-total")
    assert cross_city is not None
    assert (cross_city.target, cross_city.target_strict, str(cross_city.deadline)) == (
        1000,
        True,
        "2023-12-31",
    )
    entities = plan.target("business-entities")
    assert entities is not None and entities.baseline is not None
    assert entities.baseline.value == 158.4
    licences = plan.target("e-licence-top100")
    assert licences is not None
    assert licences.benchmarks[City.SHENZHEN].value == 90
    assert City.GUANGZHOU not in licences.benchmarks  # unknown: never estimated


# --- rejected plan files: the error catalogue -------------------------------------------------------


def _mutate(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")


def _line(text: str, marker: str, before: str | None = None, nth: int = 1) -> int:
    """The 1-based line holding the nth `marker`; with `before`, the nearest earlier line holding that instead."""
    lines = text.split("\n")
    number = [i for i, line in enumerate(lines) if marker in line][nth - 1]
    if before is not None:
        number = next(i for i in range(number, -1, -1) if before in lines[i])
    return number + 1


def _case(
    old: str, new: str, marker: str, expected: str, case_id: str, before: str | None = None, nth: int = 1
) -> object:
    text = _mutate(SHIPPED_TEXT, old, new)
    return pytest.param(text, expected.format(line=_line(text, marker, before, nth)), id=case_id)


PLAN_ERRORS = [
    _case(
        "policies = 25",
        "policies = 25 25",
        "policies = 25 25",
        "targets.toml:{line}:15: TOML syntax error: Expected newline or end of document after a statement",
        "malformed-toml",
    ),
    _case(
        'id = "learning-mechanism"',
        'id = "gap-review"',
        'id = "gap-review"',
        'targets.toml:{line}:1: target gap-review: target id "gap-review" is already used by target #1; '
        "ids must be unique",
        "duplicate-id",
        nth=2,
    ),
    _case(
        "deadline = 2023-12-31\nsource",
        "deadlien = 2023-12-31\nsource",
        "deadlien",
        "targets.toml:{line}:1: target cross-city-new: [target] has an unknown key 'deadlien'; "
        "did you mean 'deadline'?",
        "unknown-key",
    ),
    _case(
        'title_en = "Full review',
        'titleen = "Full review',
        "titleen",
        "targets.toml:{line}:1: target gap-review: [target] lacks the required key 'title_en'; add it",
        "missing-field",
        before="[[target]]",
    ),
    _case(
        "policies = 25",
        'policies = "25"',
        "policies =",
        "targets.toml:{line}:1: 'plan.policies' must be a whole number above 0",
        "wrong-type",
    ),
    _case(
        "target = 50",
        "target = nan",
        "target = nan",
        "targets.toml:{line}:1: target land-approval-cut: 'target.target' is nan; write a finite number",
        "nan",
    ),
    _case(
        "target = 50",
        "target = inf",
        "target = inf",
        "targets.toml:{line}:1: target land-approval-cut: 'target.target' is inf; write a finite number",
        "inf",
    ),
    _case(
        'value = 2000\nas_of = 2023-02-20\nsource = "xinhua-2023-02-20"\n',
        "value = 2000\nas_of = 2023-02-20\n",
        "value = 2000",
        "targets.toml:{line}:1: target industrial-space: [target.benchmarks.shenzhen] lacks the "
        "required key 'source'; add it",
        "benchmark-without-source",
        before="[target.benchmarks.shenzhen]",
    ),
    _case(
        'area = "project-services"',
        'area = "project-service"',
        'area = "project-service"',
        'targets.toml:{line}:1: target approval-flow-map: unknown area "project-service"; did you mean '
        "'project-services'?",
        "unknown-area",
    ),
    _case(
        "target = 50",
        "target = 150",
        "target = 150",
        "targets.toml:{line}:1: target land-approval-cut: 'target': 150 is above the largest possible percent "
        "value, 100",
        "out-of-bounds",
    ),
    _case(
        'source = "xinhua-2023-02-20"',
        'source = "xinhua"',
        'source = "xinhua"',
        "targets.toml:{line}:1: target industrial-space: 'target.benchmarks.shenzhen.source' names an unknown "
        "source \"xinhua\"; did you mean 'xinhua-2023-02-20'?",
        "unknown-source",
    ),
    _case(
        'kind = "milestone"',
        'kind = "milestones"',
        'kind = "milestones"',
        'targets.toml:{line}:1: target gap-review: \'target.kind\' is "milestones"; use one of "numeric", '
        '"milestone", "context"',
        "bad-choice",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLAN_ERRORS)
def test_plan_errors_name_the_place_and_the_fix(gdz: Gdz, tmp_path: Path, text: str, expected: str) -> None:
    plan = tmp_path / "targets.toml"
    plan.write_text(text, encoding="utf-8")
    result = gdz("targets", "--plan", str(plan))
    assert result.exit_code == 3
    assert f"gdz: {tmp_path}/{expected}" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    check = gdz("check", "--plan", str(plan))
    assert check.exit_code == 1
    assert f"{tmp_path}/{expected}" in check.stdout.splitlines()


def test_deadline_before_baseline_is_rejected(gdz: Gdz, tmp_path: Path) -> None:
    from .conftest import FIXTURE_PLAN

    text = _mutate(FIXTURE_PLAN.read_text(encoding="utf-8"), "deadline = 2025-12-31", "deadline = 2023-06-30")
    plan = tmp_path / "targets.toml"
    plan.write_text(text, encoding="utf-8")
    result = gdz("targets", "--plan", str(plan))
    assert result.exit_code == 3
    assert (
        f"gdz: {plan}:{_line(text, 'deadline = 2023-06-30')}:1: target pass-rate: deadline 2023-06-30 is before the baseline date 2024-01-01; "
        "check both dates" in result.stderr.splitlines()
    )


def test_check_reports_every_problem_not_just_the_first(gdz: Gdz, tmp_path: Path) -> None:
    text = _mutate(SHIPPED_TEXT, "target = 50", "target = nan")
    text = _mutate(text, 'area = "project-services"', 'area = "nowhere"')
    text = _mutate(text, 'id = "learning-mechanism"', 'id = "Learning"')
    plan = tmp_path / "targets.toml"
    plan.write_text(text, encoding="utf-8")
    result = gdz("check", "--plan", str(plan))
    assert result.exit_code == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith(str(plan))]
    assert len(problems) == 3
    assert result.stdout.splitlines()[-2] == "3 problem(s) found" or "3 problem(s) found" in result.stdout


def test_a_bom_is_decoded_gracefully(gdz: Gdz, tmp_path: Path) -> None:
    plan = tmp_path / "targets.toml"
    plan.write_bytes(b"\xef\xbb\xbf" + SHIPPED.read_bytes())
    result = gdz("targets", "--plan", str(plan))
    assert result.exit_code == 0, result.stderr
    assert "cross-city-total" in result.stdout


def test_non_utf8_bytes_are_reported_at_their_place(gdz: Gdz, tmp_path: Path) -> None:
    plan = tmp_path / "targets.toml"
    plan.write_bytes(SHIPPED_TEXT.encode("gb18030"))
    result = gdz("targets", "--plan", str(plan))
    assert result.exit_code == 3
    assert result.stderr == f"gdz: {plan}:1:24: not UTF-8 text (byte 0xb6); save the file as UTF-8\n"


def test_missing_plan_file(gdz: Gdz, tmp_path: Path) -> None:
    result = gdz("targets", "--plan", str(tmp_path / "nope.toml"))
    assert result.exit_code == 3
    assert result.stderr == f"gdz: {tmp_path / 'nope.toml'}: no such file\n"


def test_gdz_plan_environment_variable_is_used(gdz: Gdz) -> None:
    from .conftest import FIXTURE_PLAN

    result = gdz("targets", env={"GDZ_PLAN": str(FIXTURE_PLAN)})
    assert result.exit_code == 0
    assert "pass-rate" in result.stdout
    assert "cross-city-total" not in result.stdout
