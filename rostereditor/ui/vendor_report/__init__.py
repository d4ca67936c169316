"""File > Open Vendor Report: a vendor's error report pinned to the records it names."""
