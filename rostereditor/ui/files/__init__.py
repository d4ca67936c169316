"""Bundles in and out of the window: opening, saving, the samples, Excel import and export."""
