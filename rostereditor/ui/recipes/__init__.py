"""Fix recipes in the window: recording the user's fixes, File > Save and Apply Fix Recipe."""
