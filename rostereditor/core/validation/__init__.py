"""Validation of bundles against OneRoster 1.0/1.1/1.2 and vendor profiles, with plain messages."""

from __future__ import annotations

from rostereditor.core.spec.vendor_profile import Profile
from rostereditor.core.validation.bundle_validator import BundleValidator
from rostereditor.core.validation.finding import Finding
from rostereditor.core.validation.profiles import get_profile, list_profiles
from rostereditor.core.validation.rule_catalogue import RuleDoc, rules_catalogue
from rostereditor.core.validation.validation_result import ValidationCancelled, ValidationResult

__all__ = [
    "BundleValidator", "Finding", "Profile", "RuleDoc", "ValidationCancelled", "ValidationResult",
    "get_profile", "list_profiles", "rules_catalogue",
]
