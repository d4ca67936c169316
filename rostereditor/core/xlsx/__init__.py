"""Excel workbooks in and out without Excel's damage: import as text, export as Text cells, reports."""
