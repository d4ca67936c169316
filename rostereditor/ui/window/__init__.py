"""The main window: its frame, menus, toolbar, status bar and the parts it composes."""
