"""Recipe files: what is saved reads back the same, and a broken recipe says what is wrong where."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rostereditor.core.recipes import (
    DeleteColumn,
    InsertColumn,
    MoveColumn,
    Recipe,
    RecipeError,
    RenameColumn,
    RenameIds,
    Replace,
    RuleFix,
    load_recipe,
    parse_recipe,
    recipe_text,
    save_recipe,
)
from rostereditor.core.recipes.toml_text import toml_key, toml_string

EVERY_KIND = Recipe((
    RuleFix("excel.grade-leading-zero", "users.csv", "grades"),
    RuleFix("excel.boolean-case", values=("TRUE", "True"), vendor="stmath"),
    Replace("@old.example.org", "@new.example.org", files=("users.csv",), columns=("email",)),
    Replace(r"^(\d+)$", r"S-\1", whole_cell=True, regex=True, match_case=True),
    RenameIds("users.csv", (("S 1", "0001"), ('a"b', "x\\y"))),
    InsertColumn("users.csv", "metadata.badge", after="password"),
    DeleteColumn("courses.csv", ""),
    RenameColumn("users.csv", "Email", "email"),
    MoveColumn("users.csv", "email", before="sms"),
), "Nightly Campus export", "Fixes Excel damage\nand the old domain.")


def test_every_kind_of_step_reads_back_the_same(tmp_path):
    path = tmp_path / "nightly.toml"
    save_recipe(EVERY_KIND, path)
    assert load_recipe(path) == EVERY_KIND


def test_the_file_is_commented_toml_a_person_can_read():
    text = recipe_text(EVERY_KIND)
    assert ("# Fix \u201cGrade lost its leading zero\u201d (excel.grade-leading-zero) in users.csv "
            'grades\n[[step]]\naction = "rule-fix"') in text
    assert "# Delete column (unnamed) from courses.csv" in text
    assert '[step.ids]\n"S 1" = "0001"\n' in text
    assert "match_case" not in text.split("# Replace '@old")[1].split("[[step]]")[1]  # defaults left out


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_any_text_survives_as_a_key_and_a_value(key, value):
    assert tomllib.loads(f"{toml_key(key or 'k')} = {toml_string(value)}\n") == {key or "k": value}


@settings(max_examples=60, deadline=None)
@given(find=texts.filter(bool), replacement=texts, column=texts,
       ids=st.dictionaries(texts.filter(bool), texts, min_size=1, max_size=4))
def test_recipes_with_any_text_read_back_the_same(find, replacement, column, ids):
    recipe = Recipe((Replace(find, replacement, columns=(column,)),
                     RenameIds("users.csv", tuple(ids.items())), DeleteColumn("users.csv", column)),
                    title=find)
    assert parse_recipe(recipe_text(recipe)) == recipe


@pytest.mark.parametrize(("text", "message"), [
    ("format = 1\n[[step]]\naction = \"fix\"\n", "step 1: action = 'fix' is not one of rule-fix"),
    ("format = 1\n[[step]]\naction = \"delete-column\"\nfile = \"users.csv\"\n",
     "step 1 (delete-column): column is missing"),
    ("format = 1\n[[step]]\naction = \"delete-column\"\nfile = \"users.csv\"\ncolum = \"x\"\n",
     "unknown key colum"),
    ("format = 1\n[[step]]\naction = \"replace\"\nfind = \"a\"\nreplace = \"b\"\nregex = \"yes\"\n",
     "regex must be true or false"),
    ("format = 1\n[[step]]\naction = \"replace\"\nfind = \"(\"\nreplace = \"b\"\nregex = true\n",
     "find is not a valid regular expression"),
    ("format = 1\n[[step]]\naction = \"replace\"\nfind = \"\"\nreplace = \"b\"\n", "find is empty"),
    ("format = 1\n[[step]]\naction = \"move-column\"\nfile = \"u.csv\"\ncolumn = \"a\"\n"
     "before = \"b\"\nafter = \"c\"\n", "give before or after, not both"),
    ("format = 1\n[[step]]\naction = \"rename-ids\"\nfile = \"users.csv\"\nids = {}\n",
     "ids must be a table of old"),
    ("format = 1\n[[step]]\naction = \"rule-fix\"\nrule = \"x\"\nvalues = \"TRUE\"\n",
     "values must be a list"),
    ("format = 2\n", "from a newer version"),
    ("title = \"no format\"\n", "format = None"),
    ("format = 1\ncolour = \"red\"\n", "unknown setting colour"),
    ("format = 1\n[[step]\n", "is not valid TOML"),
])
def test_a_broken_recipe_says_which_step_and_what_is_wrong(text, message):
    with pytest.raises(RecipeError) as caught:
        parse_recipe(text, "nightly.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("nightly.toml")


def test_an_unreadable_recipe_file_is_a_recipe_error(tmp_path):
    with pytest.raises(RecipeError, match="Cannot read the recipe"):
        load_recipe(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes(b"title = \"caf\xe9\"\n")
    with pytest.raises(RecipeError, match="not UTF-8"):
        load_recipe(tmp_path / "latin1.toml")
