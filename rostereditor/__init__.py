"""RosterEditor: edit and validate OneRoster CSV bundles without damaging them."""

__version__ = "0.1.0"
