"""One step between adjacent OneRoster versions, applied to every file of a bundle."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rostereditor.core.conversion.report import ConversionReport
from rostereditor.core.conversion.reshape import FilePlan, reshape_table
from rostereditor.core.conversion.target_checks import report_target_problems
from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.spec import spec_for
from rostereditor.core.table import Table
from rostereditor.core.wording import agree, plural


@dataclass
class ConversionOptions:
    """Choices the reference leaves to the writer.

    user_resource_ids: write 1.2 users.csv with resourceSourcedIds, as the 1.2 text does; some
    1.2 implementations leave that column out (oneroster-spec.md §7.1), so it can be omitted.
    """

    user_resource_ids: bool = True


@dataclass
class StepState:
    """The bundle's data files (no manifest) as a step finds and leaves them."""

    tables: dict[str, Table]
    modes: dict[str, str]
    report: ConversionReport
    options: ConversionOptions = field(default_factory=ConversionOptions)


def target_columns(version: str, file: str, options: ConversionOptions) -> list[str] | None:
    spec = spec_for(version).file(file)
    if spec is None:
        return None
    if version == "1.2" and file == "users.csv" and not options.user_resource_ids:
        return [n for n in spec.column_names if n != "resourceSourcedIds"]
    return spec.column_names


def reshape_files(state: StepState, source_version: str, target_version: str,
                  plans: Mapping[str, FilePlan], consumed: tuple[str, ...] = ()) -> None:
    """Every file laid out for the target version; files it does not have are left out.

    consumed: files whose content another file took (1.2 roles.csv into 1.1 users.csv).
    """
    source_spec, target_spec = spec_for(source_version), spec_for(target_version)
    report = state.report
    for name, table in list(state.tables.items()):
        columns = target_columns(target_version, name, state.options)
        if columns is None:
            if canonical_name(name) is None:
                report.add("check", name, "not a OneRoster file: copied unchanged")
                continue
            del state.tables[name]
            state.modes.pop(name, None)
            if name not in consumed:
                were = agree(len(table), "was", "were")
                report.add("lost", name, f"OneRoster {target_version} has no {name}: its "
                           f"{plural(len(table), 'record')} {were} left out", len(table))
            continue
        plan = plans.get(name, FilePlan())
        source_file = source_spec.file(name)
        source_columns = source_file.column_names if source_file else columns
        converted = reshape_table(name, table, target_columns=columns,
                                  source_columns=source_columns, plan=plan, report=report)
        report_target_problems(name, converted, source=source_file, target=target_spec.files[name],
                               target_version=target_version, renames=plan.renames,
                               skip=set(plan.computed), report=report)
        state.tables[name] = converted
