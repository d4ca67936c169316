"""The problems panel, moving between problems, and how severities look."""
