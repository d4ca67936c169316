"""RosterTableView: the sourcedId column stays in view when scrolling sideways."""

from __future__ import annotations

from rostereditor.core.table import Table
from rostereditor.ui.grid.roster_table_model import RosterTableModel
from rostereditor.ui.grid.roster_table_view import RosterTableView


def test_first_column_stays_visible_when_scrolled_right(qtbot):
    header = ["sourcedId"] + [f"col{i}" for i in range(30)]
    table = Table.from_rows(header, [[f"id{r}"] + ["x" * 20] * 30 for r in range(50)])
    view = RosterTableView()
    qtbot.addWidget(view)
    view.setModel(RosterTableModel(table, "users.csv"))
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert view.horizontalScrollBar().value() > 0
    assert view.frozen_view.isVisible()
    assert view.frozen_view.x() == view.verticalHeader().width() + view.frameWidth()
    assert view.frozen_view.columnWidth(0) == view.columnWidth(0)
    assert all(view.frozen_view.isColumnHidden(c) for c in range(1, 31))
    # the overlay shares the selection, so a cell picked in the grid is picked in the overlay
    view.setCurrentIndex(view.model().index(3, 0))
    assert view.frozen_view.currentIndex().row() == 3


def test_hiding_the_first_column_hides_the_overlay(qtbot):
    table = Table.from_rows(["sourcedId", "name"], [["a", "b"]])
    view = RosterTableView()
    qtbot.addWidget(view)
    view.setModel(RosterTableModel(table, "orgs.csv"))
    view.show()
    view.setColumnHidden(0, True)
    assert not view.frozen_view.isVisible()
