"""Showing what checks find while they run and when they finish."""
