"""Horizontal bar charts drawn on the server as inline SVG (no script, no library).

``bar_chart`` gives the template the geometry of each bar; the numbers also stand
in the table under each chart, and the SVG carries a title and a description for
screen readers.
"""

from collections.abc import Iterable
from dataclasses import dataclass

LABEL_WIDTH = 240
BAR_WIDTH = 360
VALUE_WIDTH = 60
ROW_HEIGHT = 24
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 3

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    description: str
    bars: tuple[Bar, ...]

    label_width = LABEL_WIDTH
    bar_height = BAR_HEIGHT

    @property
    def width(self) -> int:
        return LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW_HEIGHT + 4

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 6


def bar_chart(
    key: str, title: str, description: str, values: Iterable[tuple[str, int]]
) -> BarChart:
    """Bars scaled to the largest value (a chart of zeros draws no bar)."""
    pairs = list(values)
    largest = max((value for _label, value in pairs), default=0)
    bars = tuple(
        Bar(
            label=label,
            value=value,
            y=index * ROW_HEIGHT + 2,
            width=round(BAR_WIDTH * value / largest) if largest else 0,
        )
        for index, (label, value) in enumerate(pairs)
    )
    return BarChart(key=key, title=title, description=description, bars=bars)
