"""The Summary view: what the vendor will see once it imports the bundle."""
