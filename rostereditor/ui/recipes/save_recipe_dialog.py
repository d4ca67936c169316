"""Before saving a fix recipe: what it holds, step by step, and a title for it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.recipes import Recipe, describe
from rostereditor.core.wording import plural

WHAT_IS_RECORDED = (
    "Recorded: quick fixes and \u201cfix all like this\u201d (as the rule they apply), Replace "
    "All (as its pattern), sourcedIds renamed with their references, and columns inserted, "
    "deleted, renamed or moved. Values typed or pasted into single cells are not recorded: "
    "they would not fit the next export's rows."
)


class SaveRecipeDialog(QDialog):
    def __init__(self, parent: QWidget, recipe: Recipe) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save Fix Recipe")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        count = len(recipe.steps)
        intro = QLabel(
            f"The recipe holds the {plural(count, 'fix', 'fixes')} made since this bundle was "
            f"opened (recipes applied included), in order. Apply it to the next export with "
            f"File \u203a Apply Fix Recipe, or from a script with <code>rostereditor apply</code>.",
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.steps = QListWidget(self)
        self.steps.setAccessibleName("Steps in the recipe")
        self.steps.setWordWrap(True)
        for number, step in enumerate(recipe.steps, 1):
            self.steps.addItem(f"{number}. {describe(step)}")
        layout.addWidget(self.steps, 1)
        recorded = QLabel(WHAT_IS_RECORDED, self)
        recorded.setWordWrap(True)
        layout.addWidget(recorded)
        form = QFormLayout()
        self.title_edit = QLineEdit(recipe.title, self)
        self.title_edit.setAccessibleName("Recipe title")
        self.title_edit.setPlaceholderText("e.g. Nightly Campus export")
        form.addRow("&Title:", self.title_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("&Save\u2026", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(600, 420)
        # The title is the one thing to type here: the keyboard starts in it, ready to replace.
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def step_texts(self) -> list[str]:
        return [self.steps.item(i).text() for i in range(self.steps.count())]

    def title(self) -> str:
        return self.title_edit.text().strip()
