"""A synthetic OneRoster 1.1 district to try the editor on, with optional Excel-style damage."""

from rostereditor.core.sample_district.district_generator import generate_district
from rostereditor.core.sample_district.generated_district import GeneratedDistrict, InjectedDamage

__all__ = ["GeneratedDistrict", "InjectedDamage", "generate_district"]
