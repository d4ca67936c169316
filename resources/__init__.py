"""Runtime assets (sample bundles, icons), loaded with importlib.resources."""
