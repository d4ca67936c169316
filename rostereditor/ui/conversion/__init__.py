"""File > Convert: the open bundle as another OneRoster version, with the report of every change."""
