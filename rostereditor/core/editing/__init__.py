"""Edit operations on a bundle's tables, each with its exact inverse, usable without Qt."""
