"""The Qt-free core: reading, writing, the OneRoster spec, validation and edit operations."""
