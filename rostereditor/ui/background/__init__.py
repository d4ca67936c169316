"""Running long work off the GUI thread: the Qt side of core.background_work."""
