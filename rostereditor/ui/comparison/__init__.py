"""Between uploads: compare with another bundle, the Changes panel, removal guard, deltas."""
