"""The grid of one file: its Qt model and view, row order (sort, filter), tooltips and tab page."""
