"""The in-memory index holds each alias's readings packed into one string."""

import json
from itertools import islice

from rollcall.resolvers.forms import NameForm, name_forms
from rollcall.resolvers.index import pack_forms, unpack_forms
from rollcall.resolvers.normalize import clean
from tests.conftest import SHARED


def test_packed_readings_unpack_to_the_same_forms() -> None:
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        queries = [json.loads(line) for line in islice(lines, 0, None, 3)]
    for q in queries:
        forms = name_forms(clean(q["query"]), q.get("lang"))
        assert unpack_forms(pack_forms(forms)) == forms, q["query"]
    # A token whose class key is empty ("a" has no consonant) and the empty alias.
    odd = (NameForm(("a", "ivanov"), ("a", "ivanov"), ("a", "ivnv"), ("", "ipnp"), ("", "ipnp"), "aivanov", "ipnp"),)
    assert unpack_forms(pack_forms(odd)) == odd
    assert unpack_forms(pack_forms(())) == ()
