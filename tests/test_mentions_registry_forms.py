"""The entity registry keeps the form a name was first written in (invented names)."""

from __future__ import annotations

from newsspider.extract.mentions.registry import EntityRegistry


def test_a_longer_form_finds_the_entity_and_keeps_its_first_form():
    reg = EntityRegistry()
    short = reg.add("Kwon", 0)
    full = reg.add("Kwon Tae-ho", 50)
    assert full is short and short.name == "Kwon" and short.positions == [0, 50]
    assert reg.lookup("Kwon Tae-ho", 60) is short


def test_a_shorter_form_finds_the_full_name():
    reg = EntityRegistry()
    full = reg.add("Mara Quillon", 0)
    assert reg.add("Quillon", 40) is full and full.name == "Mara Quillon"
