"""Conversion of bundles between OneRoster versions, with a report of what changed and was lost."""

from rostereditor.core.conversion.converter import Conversion, ConversionError, convert_bundle
from rostereditor.core.conversion.file_steps import ConversionOptions
from rostereditor.core.conversion.report import ConversionNote, ConversionReport

__all__ = ["Conversion", "ConversionError", "ConversionNote", "ConversionOptions",
           "ConversionReport", "convert_bundle"]
