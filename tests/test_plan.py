"""The shipped plan, and every way a plan file is rejected (file:line:column, exit code)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from gdz_targets.domain.model import City, Kind, Qualifier
from gdz_targets.store.paths import shipped_plan_path
from gdz_targets.store.plan_file import load_plan

from .conftest import ROOT, Gdz

ARTICLE = ROOT / "data" / "sources" / "article.zh-Hans.md"
FACTS = ROOT / "data" / "sources" / "benchmarks.md"
SHIPPED = ROOT / "data" / "targets.toml"


def test_shipped_plan_is_the_checkout_file() -> None:
    assert shipped_plan_path().resolve() == SHIPPED.resolve()


def test_every_note_a_reader_sees_is_in_both_languages(gdz: Gdz, fixture_env: Path) -> None:
    plan = load_plan(SHIPPED)
    notes = [target.note for target in plan.targets]
    notes += [target.baseline.note for target in plan.targets if target.baseline]
    notes += [figure.note for target in plan.targets for figure in target.benchmarks.values()]
    notes += [note for target in plan.targets for note in target.related.values()]
    written = [note for note in notes if note is not None]
    assert written and all(note.zh != note.en and not note.zh.isascii() for note in written)
    shown = gdz("show", "cross-city-total", "--lang", "zh", env={"GDZ_PLAN": "", "COLUMNS": "200"}).stdout
    assert "突破(即超过):须高于1000方为达标" in shown and "met only above 1000" not in shown


def test_a_unit_label_with_a_place_for_the_figure(gdz: Gdz) -> None:
    env = {"GDZ_PLAN": "", "COLUMNS": "120"}
    assert "rank 16" in gdz("show", "national-ranking", env=env).stdout
    assert "第16名" in gdz("show", "national-ranking", "--lang", "zh", env=env).stdout


def test_shipped_plan_loads_with_targets_in_all_six_areas() -> None:
    plan = load_plan(SHIPPED)
    assert len(plan.areas) == 6
    for area in plan.areas:
        kinds = {target.kind for target in plan.targets if target.area == area.id}
        assert kinds, f"area {area.id} has no targets"
    assert {target.kind for target in plan.targets} == {Kind.NUMERIC, Kind.MILESTONE, Kind.CONTEXT}
    assert plan.meta.policies == 25


def test_every_quote_occurs_verbatim_in_its_source() -> None:
    """Quotes from the article are in the article; every other one is in the gathered facts, byte for byte
    (data/sources/ holds byte-for-byte copies of both, so that this runs on any machine)."""
    article = ARTICLE.read_text(encoding="utf-8")
    facts = FACTS.read_text(encoding="utf-8")
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    plan = data["plan"]
    quoted = [
        ("plan", plan),
        ("plan.issued", {"source": plan["issued_source"], "quote": plan["issued_quote"]}),
    ]
    quoted += [(a["id"], a) for a in data["area"]]
    for target in data["target"]:
        quoted.append((target["id"], target))
        if "baseline" in target:
            quoted.append((f"{target['id']}.baseline", target["baseline"]))
        for city, benchmark in target.get("benchmarks", {}).items():
            if "value" in benchmark or benchmark["measure"] == "same":  # a related city may ship no figure
                quoted.append((f"{target['id']}.{city}", benchmark))
    checked = 0
    for where, item in quoted:
        assert item.get("source") and item.get("quote"), f"{where} lacks a source or a quote"
        text = article if item["source"] == "article" else facts
        assert item["quote"] in text, f"{where}: quote not in its source: {item['quote']}"
        checked += 1
    assert checked > 90


# Every sentence of the article that states a commitment (reviewed by hand, clause by clause): each must be
# inside the quote of a target. Description, news, the models drawn on and the interview are not here.
COMMITMENTS = [
    "以2023年省营商环境评价为契机,全面查摆与广深的差距", "建立常态化的学习借鉴机制", "全力争取纳入国家营商环境创新试点",
    "推动更多在广深先行先试的改革举措在莞落地实施", "健全营商环境问题发现、反馈、纠正闭环机制", "推动办理情况100%反馈到位",
    "开展高频事项办理“零差距”改革,对年办理量前100事项优环节、减材料、压时间",
    "深化高频事项穗莞、深莞跨城通办,年内新增通办事项不少于100项", "总数突破1000项", "拓宽东莞电子证照应用场景",
    "年底前年办理量前100事项涉及证照原则上100%电子化、免提交", "全面设置审前服务区", "上线审前服务系统",
    "深化“AI赋能12345热线”", "上线“政务服务地图”", "办事指南“白话版”", "以广深区级大厅为标杆,加快提升镇街政务服务能力和效率",
    "巩固集约化审批模式改革", "镇级社保医保综合窗口建设", "企业全生命周期证照“一网通办”", "建立“全过程审批流程一张图”",
    "推动从压减审批时间向压减全口径最终落地时间转变", "项目用地环节审批时间压减50%以上", "强化“莞家代办”服务",
    "打造不少于1000万平方米高品质的低成本产业空间", "年内启动1000万平方米优质产业空间建设", "创新“工改工”融合审批改革",
    "培育更多扎根东莞的优质规划技术力量", "提高企业诉求响应服务质量", "完善企业直通车机制",
    "以“企莞家”为载体集成链接全市涉企服务资源", "打造惠企利民政策“一站享”标杆",
    "在市镇政务服务大厅设立政策兑现优先窗,实现政策“一揽子”集中申报兑现",
    "提高政策制定兑现、解读咨询服务水平,让政策兑现更公开透明、便捷统一", "开展政企“早餐会”“下午茶”,由市领导与民营企业家面对面交流",
    "办好东莞企业家日活动", "推动信用综合评价结果和“双随机、一公开”监管深度融合,依据信用等级高低实行差异化监管",
    "在医疗、教育、工程建设等行业建立从业人员个人信用档案", "完善联合抽查机制,减少重复执法检查次数", "完善执法“观察期”、减免责清单制度等",
    "深化市政公用基础设施报装改革,实行“一张表单、一套材料、一次提交、多方复用”", "实施“就莞用”服务体系优化工程",
    "推动有劳动能力、有就业意愿的人口100%就业", "持续规范劳务派遣市场秩序,维护员工合法权益", "出台公有资产交易管理办法",
    "发布《关于进一步优化公共资源交易工作服务经济高质量发展的实施意见》", "持续提升政府采购营商环境", "规范招投标和政府采购市场秩序",
    "深入推进招投标全流程电子化改革", "强化公共资源交易监管", "打造公共资源交易“一张网”", "实施村(社区)党群服务中心四维提升工程",
    "推动更多事项“就近办、家门口办”", "推动办事体验全方位与广深看齐", "推动构建亲清新型政商关系",
]  # fmt: skip

# Every figure the article states about Dongguan, Guangzhou or Shenzhen (reviewed by hand): each must be inside a
# quote of the plan (a target, a baseline or a benchmark). News of other documents (深圳's 三文, 广州's 6.0
# reform, Dongguan's five earlier documents) carries no figure of a business environment and is not here.
ARTICLE_FIGURES = [
    "80个参评城市中位列第16位", "获评全国标杆城市", "第二档前列", "等5个指标的改革创新经验做法", "突破158.4万户",
    "稳居全省地级市第1", "连续10年保持10万户以上增长", "9099家", "排名全省地级市第1", "110家", "排名全国地级市第5",
    "东莞排名全国第21、全省第3", "已增长到5600多项", "90%以上", "100%反馈到位", "不少于100项", "总数突破1000项",
    "100%电子化", "压减50%以上", "计划5年建1亿平方米", "不少于1000万平方米", "年内启动1000万平方米", "人口100%就业",
    "25条政策",
]  # fmt: skip
# What the file records in a comment, verbatim, and says why it tracks no indicator of it.
ARTICLE_FIGURES_NOT_TRACKED = ["东莞与上海、杭州等10个城市荣登“区域壁垒破除”榜单"]


def test_every_figure_of_the_article_is_quoted_in_the_plan() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    data = tomllib.loads(SHIPPED_TEXT)
    quoted = [data["plan"]["quote"]]
    for target in data["target"]:
        parts = [target, target.get("baseline", {}), *target.get("benchmarks", {}).values()]
        quoted += [part["quote"] for part in parts if "quote" in part]
    for figure in ARTICLE_FIGURES:
        assert figure in article, figure
        assert any(figure in quote for quote in quoted), f"no quote holds {figure}"
    for figure in ARTICLE_FIGURES_NOT_TRACKED:
        assert figure in article and figure in SHIPPED_TEXT


@pytest.mark.parametrize("clause", COMMITMENTS)
def test_every_commitment_of_the_article_has_a_target(clause: str) -> None:
    article = ARTICLE.read_text(encoding="utf-8").replace("\u00a0", " ")
    assert clause in article
    quotes = [target.quote.replace("\u00a0", " ") for target in load_plan(SHIPPED).targets]
    assert any(clause in quote for quote in quotes), f"no target quotes {clause}"


def test_the_plan_says_what_the_article_says() -> None:
    plan = load_plan(SHIPPED)
    issued = plan.meta
    assert str(issued.issued) == "2023-08-21" and issued.issued_source is not None
    assert plan.sources[issued.issued_source].unverified  # read on a re-hosted copy: said so
    assert "project's reading" in (issued.note or "")

    def titles(target_id: str) -> tuple[str, str]:
        target = plan.target(target_id)
        assert target is not None
        return target.title_zh, target.title_en

    assert titles("national-pilot")[0].startswith("全力争取") and titles("national-pilot")[1].startswith(
        "Strive"
    )
    assert titles("ai-hotline")[1].startswith("Deepen") and titles("e-bidding")[1].startswith("Push forward")
    assert titles("town-halls")[1].startswith("Speed up") and "everywhere" in titles("pre-review-zones")[1]
    assert "原则上" in titles("e-licence-top100")[0] and "in principle" in titles("e-licence-top100")[1]
    assert "need not be submitted" in titles("e-licence-top100")[1]
    assert "等" in titles("credit-files")[0] and "other sectors" in titles("credit-files")[1]
    assert "民营" in titles("business-breakfasts")[0] and "private" in titles("business-breakfasts")[1]
    assert titles("employment-rate")[1].startswith("Share of")  # 就业比例: a share
    day = plan.target("entrepreneurs-day")
    assert day is not None and day.note is not None and "东莞民营企业家日" in day.note.zh
    assert "2023-11-07" in day.note.en and "2023年11月7日" in day.note.zh
    little = plan.target("little-giants")
    assert little is not None and little.baseline is not None and little.baseline.note is not None
    assert "全国地级市" in little.baseline.note.zh
    tier = plan.target("provincial-tier")
    assert tier is not None and tier.baseline is not None  # one convention: dated by the evaluation's year
    assert {str(tier.baseline.as_of), *(str(b.as_of) for b in tier.benchmarks.values())} == {"2022"}


def test_related_measures_are_marked_and_the_like_for_like_target_is_there() -> None:
    plan = load_plan(SHIPPED)
    space = plan.target("industrial-space")
    assert space is not None and space.is_related(City.SHENZHEN) and space.benchmarks[City.SHENZHEN].related
    assert "高质量" in space.benchmarks[City.SHENZHEN].quote  # Shenzhen's space is high-quality too
    shenzhen_note = space.benchmarks[City.SHENZHEN].note
    assert shenzhen_note is not None and "not high-quality" not in shenzhen_note.en
    # The No. 1 document's space is the same programme as industrial-space: scored once, there.
    low_cost = plan.target("low-cost-space")
    assert low_cost is not None and "打造不少于1000万平方米高品质的低成本产业空间" in low_cost.quote
    assert low_cost.kind is Kind.CONTEXT and low_cost.target is None and low_cost.deadline is None
    assert low_cost.note is not None and "industrial-space" in low_cost.note.en
    total = plan.target("cross-city-total")
    assert total is not None and total.is_related(City.GUANGZHOU) and City.GUANGZHOU not in total.benchmarks
    land = plan.target("land-approval-cut")
    assert land is not None and land.target == 50 and not land.target_strict  # 压减50%以上: at least 50


def test_yishang_is_at_least_and_only_tupo_and_chao_are_strict() -> None:
    """以上 includes the number itself (民法典 art. 1259): "50%以上" is at least 50, never "over"."""
    plan = load_plan(SHIPPED)
    for target in plan.targets:
        if target.target is not None and target.target_strict:
            assert any(word in target.quote for word in ("突破", "超")), target.id
        for where, figure in [("baseline", target.baseline), *target.benchmarks.items()]:
            if figure is None:
                continue
            number = f"{figure.value:g}"
            if any(f"{number}{unit}以上" in figure.quote for unit in ("", "%", "％")):
                assert figure.qualifier is Qualifier.AT_LEAST, f"{target.id}.{where}"
    licences = plan.target("e-licence-top100")
    assert licences is not None and licences.benchmarks[City.SHENZHEN].qualifier is Qualifier.AT_LEAST


def test_every_deadline_says_whether_it_is_stated_or_inferred() -> None:
    """A deadline the source dates by its year alone (年内, 年底前, 2024) is inferred, and both notes say so; the
    361号 plan states its own (2025年底前)."""
    plan = load_plan(SHIPPED)
    dated = [target for target in plan.targets if target.deadline is not None]
    assert len(dated) >= 12
    for target in dated:
        assert target.note is not None, target.id
        if target.source == "dg-office-2025-361":
            assert "deadline is stated, not inferred" in target.note.en, target.id
            assert "系载明而非推定" in target.note.zh, target.id
            assert str(target.deadline) == "2025-12-31", target.id
        else:
            assert "deadline is inferred, not stated" in target.note.en, target.id
            assert "系推定而非载明" in target.note.zh, target.id
    for inferred in ("cross-city-new", "cross-city-total", "e-licence-top100", "industrial-space"):
        of_2023 = plan.target(inferred)
        assert of_2023 is not None and str(of_2023.deadline) == "2023-12-31", inferred


# The targets set after 2023: what each continues, its figure (None for a milestone) and its deadline.
LATER_TARGETS = {
    "cross-city-new-2024": ("cross-city-new", 100, "2024-12-31"),
    "agency-all-social-investment": ("agency-service", None, "2024-12-31"),
    "online-handling-rate": ("lifecycle-licences", 92, "2025-12-31"),
    "one-platform-items": ("lifecycle-licences", 100, "2025-12-31"),
    "same-standard-sz": ("top100-zero-gap", 10, "2025-12-31"),
    "policy-payment-items": ("policy-one-stop", 80, "2025-12-31"),
    "agency-projects-2025": ("agency-service", 30, "2025-12-31"),
    "hotline-resolution-rate": ("feedback-loop", 92, "2025-12-31"),
    "hard-cases-solved": ("feedback-loop", 50, "2025-12-31"),
}
# The 361号 plan's 一、总体目标, whose every quantified commitment is a target.
PLAN_361_GOALS = (
    "全程网办率不低于92%", "不少于100个可网办事项", "10类高频事项与深圳“同事同标”", "上线不少于80个涉企政策兑现事项",
    "年内新增为不少于30个工程建设项目提供“代办+专业指导”服务", "12345热线工单办理解决率不低于92%",
    "市级全年调度解决不少于50个疑难问题",
)  # fmt: skip


def test_later_targets_continue_the_2023_ones() -> None:
    plan = load_plan(SHIPPED)
    later = {target.id: target for target in plan.targets if target.continues}
    assert set(later) == set(LATER_TARGETS)
    for target_id, (continues, figure, deadline) in LATER_TARGETS.items():
        target = later[target_id]
        assert (target.continues, target.target, str(target.deadline)) == (continues, figure, deadline), (
            target_id
        )
        assert not target.target_strict and target.area is not None, target_id  # 不少于/不低于: at least
        assert target.area == plan.target(continues).area, target_id  # type: ignore[union-attr]
    for goal in PLAN_361_GOALS:
        assert any(
            goal in target.quote for target in later.values() if target.source == "dg-office-2025-361"
        ), goal
    assert later["agency-all-social-investment"].kind is Kind.MILESTONE
    assert later["same-standard-sz"].quote == "10类高频事项与深圳“同事同标”"  # the source's “” marks
    for target_id in ("agency-projects-2025", "hard-cases-solved"):
        target = later[target_id]
        assert (
            target.unit is not None and plan.units[target.unit].integer and plan.units[target.unit].zero_based
        )


def test_the_later_sources_are_recorded_in_full() -> None:
    plan = load_plan(SHIPPED)
    office = plan.sources["dg-office-2025-361"]
    assert "一网通办2.0" in office.title and "东府办函〔2025〕361号" in office.title
    assert str(office.published) == "2025-06-25" and office.url is not None and "post_4401835" in office.url
    report = plan.sources["dg-work-report-2024"]
    assert report.title == "2024,东莞加油干!" and "not the report itself" in (report.note or "")
    for unverified in ("dg-invest-2024-07", "szn-2024-03-20", "dg-zwfw-2023-08-24"):
        assert plan.sources[unverified].unverified, unverified
    cycle = plan.target("build-cycle-cut")
    assert cycle is not None and cycle.baseline is not None and str(cycle.baseline.as_of) == "2023"
    assert cycle.note is not None and cycle.note.en.startswith("Unverified")


def test_one_off_facts_are_never_stale_and_context_has_no_score(gdz: Gdz) -> None:
    plan = load_plan(SHIPPED)
    for one_off in ("sz-services-in-dg", "e-licence-types", "build-cycle-cut"):
        target = plan.target(one_off)
        assert target is not None and target.reporting_days is None
    report = json.loads(gdz("export", "status", "-f", "json").stdout)
    context = {row["target"]: row for row in report["targets"] if row["kind"] == "context"}
    assert all(row["score"] is None for row in context.values())
    assert not any(
        context[one_off]["stale"] for one_off in ("sz-services-in-dg", "e-licence-types", "build-cycle-cut")
    )
    assert context["business-entities"]["stale"]  # a yearly series with nothing newer than 2022 is late


def test_every_source_can_be_checked_again() -> None:
    plan = load_plan(SHIPPED)
    facts = FACTS.read_text(encoding="utf-8")
    for source in plan.sources.values():
        assert not source.title.startswith("Report of"), source.id  # no placeholder titles
        if source.url:
            assert source.url.removeprefix("https://").removeprefix("http://") in facts, source.id
    addresses = {source.url for source in plan.sources.values() if source.url}
    assert len(addresses) >= 12


def test_the_published_figures_import_and_show_with_their_sources(
    gdz: Gdz, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GDZ_TODAY", "2026-11-30")  # the newest figure is of 2025-12-31
    result = gdz("import", str(ROOT / "data" / "published.csv"))
    assert result.exit_code == 0, result
    assert gdz("check").exit_code == 0
    again = gdz("import", str(ROOT / "data" / "published.csv"))
    assert again.exit_code == 0 and "imported 0 entries" in again.stdout
    report = json.loads(gdz("export", "status", "-f", "json").stdout)
    rows = {row["target"]: row for row in report["targets"]}
    assert (
        rows["business-entities"]["current"] == 195
        and rows["business-entities"]["current_qualifier"] == "over"
    )
    assert rows["approval-flow-map"]["status"] == "achieved"
    for milestone in ("asset-trading-rules", "entrepreneurs-day", "qiguanjia-platform"):
        assert rows[milestone]["status"] == "achieved", milestone
    shown = gdz("show", "little-giants", env={"COLUMNS": "200"}).stdout
    assert "236" in shown and "pub.timedg.com" in shown and "专精特新“小巨人”增至236家" in shown
    day = gdz("show", "entrepreneurs-day", env={"COLUMNS": "200"}).stdout
    assert "2023-11-07" in day and "民營企業家日" in day  # the first day, in the report's own characters


PUBLISHED = ROOT / "data" / "published.csv"
PUBLISHED_AT = "2026-12-01T00:00:00+08:00"
UNVERIFIED_NOTE = "unverified: read on a re-hosted copy"


def _published_rows() -> list[dict[str, str]]:
    import csv

    with PUBLISHED.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_every_published_row_quotes_its_source_verbatim() -> None:
    """A row's note opens with its sentence in “”, byte for byte from the facts; an address it names is there too;
    a row read on a re-hosted copy says it is unverified."""
    facts = FACTS.read_text(encoding="utf-8")
    rows = _published_rows()
    assert len(rows) >= 16
    for row in rows:
        where = f"{row['target']} {row['city']} {row['date']}"
        quoted = row["note"].split(" · ")[0]
        assert quoted.startswith("“") and quoted.endswith("”"), where
        assert quoted[1:-1] in facts, f"{where}: quote not in the facts: {quoted}"
        for word in row["source"].split():
            if word.startswith("https://"):
                assert word.removeprefix("https://") in facts, f"{where}: address not in the facts: {word}"
        assert ("re-hosted copy" in row["source"]) == (UNVERIFIED_NOTE in row["note"]), where


def test_every_published_row_has_a_fixed_entry_id() -> None:
    """Fixed ids, so that two people importing the file into two clones of a shared log get the same records."""
    from gdz_targets.store.records import is_record_id

    rows = _published_rows()
    ids = [row["id"] for row in rows]
    assert all(is_record_id(entry_id) and entry_id[0] in "01234567" for entry_id in ids)
    assert len(set(ids)) == len(ids)
    assert {row["recorded_by"] for row in rows} == {"gdz-published"}
    assert {row["recorded_at"] for row in rows} == {PUBLISHED_AT}
    keys = [(row["target"], row["city"], row["date"]) for row in rows]
    assert len(set(keys)) == len(keys)


def test_two_clones_importing_the_published_figures_get_the_same_records(
    gdz: Gdz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io

    monkeypatch.setenv("GDZ_TODAY", "2026-11-30")
    exports = []
    for clone in ("one", "two"):  # two people, two logs: whoever imports, the records are the file's
        env = {"GDZ_LEDGER": str(tmp_path / clone / "progress.toml"), "GDZ_USER": clone}
        assert gdz("import", str(PUBLISHED), env=env).exit_code == 0
        exports.append(gdz("export", "entries", "-f", "csv", env=env).stdout)
    assert exports[0] == exports[1]
    records = list(csv.DictReader(io.StringIO(exports[0].lstrip("\ufeff"))))
    assert {record["id"] for record in records} == {row["id"] for row in _published_rows()}
    assert {(record["recorded_by"], record["recorded_at"]) for record in records} == {
        ("gdz-published", PUBLISHED_AT)
    }


def test_a_milestone_takes_wanchengas_done(gdz: Gdz) -> None:
    assert gdz("log", "gap-review", "完成", "--date", "2024-01-10").exit_code == 0
    assert gdz("export", "status", "-f", "json").stdout.count('"status": "achieved"') == 1


def test_dongguan_figures_dated_after_the_issue_day_are_accepted(gdz: Gdz) -> None:
    assert gdz("log", "cross-city-new", "20", "--date", "2023-08-25").exit_code == 0
    refused = gdz("log", "cross-city-new", "20", "--date", "2023-08-20")
    assert refused.exit_code == 2 and "before the plan was issued (2023-08-21)" in refused.stderr


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
    _case(  # a related figure must say how it differs
        '\nnote = "The share of all licence needs',
        '\nremark = "The share of all licence needs',
        "[target.benchmarks.shenzhen]",
        "targets.toml:{line}:1: target e-licence-top100: [target.benchmarks.shenzhen] lacks the required key "
        "'note'; add it",
        "related-without-note",
    ),
    _case(
        'measure = "related"\nvalue = 90\n',
        "value = 90\n",
        "[target.benchmarks.shenzhen]",
        "targets.toml:{line}:1: target e-licence-top100: [target.benchmarks.shenzhen] lacks the required key "
        "'measure'; add it",
        "benchmark-without-measure",
    ),
    _case(
        "policies = 25",
        "policies = 25 25",
        "policies = 25 25",
        "targets.toml:{line}:15: TOML syntax error: more on the line after a complete statement",
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
        'title_en = "Review all gaps',
        'titleen = "Review all gaps',
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
        "targets.toml:{line}:1: target land-approval-cut: 'target': 150 is above the largest possible "
        "value, 100%",
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
    assert "3 problems found" in result.stdout.splitlines()


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


def test_the_plan_read_back_from_its_cache_is_the_plan() -> None:
    import marshal

    from gdz_targets.store.plan_cache import decode, encode

    from .conftest import FIXTURE_PLAN

    for path in (SHIPPED, FIXTURE_PLAN):
        plan = load_plan(path)
        assert decode(marshal.loads(marshal.dumps(encode(plan)))) == plan
