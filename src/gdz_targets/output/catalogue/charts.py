"""The words of a target's chart: what its axis says and what its plot says where it has nothing to draw."""

from typing import Final

# key: (English, Chinese). Parameters in braces.
WORDS: Final[dict[str, tuple[str, str]]] = {
    "chart.no_figures": ("No figures for Dongguan yet", "东莞尚无数据"),
    # Over an axis of ranks or tiers turned over, so that first place is at the top.
    "chart.best_up": ("best at the top", "越靠上越好"),
    # A related measure's figure outside the axis, which is scaled to Dongguan's figures and the target.
    "chart.off_scale": (
        "{city} {figure} (related measure, off the scale)",
        "{city} {figure}(相关口径,超出坐标范围)",
    ),
}
