"""The request states and the moves between them, loaded from `data/request_rules.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Who may make a move: the request's owner (or anyone who manages the board), a reviewer (a LANO or
# senior leader), or only someone who manages the board.
ACTORS = ("owner", "reviewer", "manager")


@dataclass(frozen=True)
class State:
    key: str
    label: str
    open: bool
    colour: str


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    by: str
    label: str


@dataclass(frozen=True)
class Rules:
    states: dict[str, State]
    transitions: tuple[Transition, ...]
    accepted_files: tuple[str, ...]
    paste_max_lines: int
    paste_max_title: int


class TransitionRefused(ValueError):
    """A move the rules do not allow, in words for the person who tried it."""


class NotYourMove(TransitionRefused):
    """A move the rules allow, but not to this person."""


@cache
def load_rules() -> Rules:
    """The shipped rules (read once)."""
    raw = json.loads(resources.files(__package__).joinpath("data/request_rules.json").read_text())
    states = {
        s["key"]: State(s["key"], s["label"], bool(s["open"]), s["colour"]) for s in raw["states"]
    }
    transitions = tuple(
        Transition(t["from"], t["to"], t["by"], t["label"]) for t in raw["transitions"]
    )
    for t in transitions:
        if t.source not in states or t.target not in states or t.by not in ACTORS:
            raise ValueError(f"request_rules.json: bad transition {t}")
    return Rules(
        states,
        transitions,
        tuple(raw["accepted_files"]),
        int(raw["paste"]["max_lines"]),
        int(raw["paste"]["max_title"]),
    )


def state_label(key: str) -> str:
    """The words for a state ("Ready for review")."""
    return load_rules().states[key].label


def open_states() -> frozenset[str]:
    """States in which the area still owes the inspectors something."""
    return frozenset(k for k, s in load_rules().states.items() if s.open)


def moves_from(
    state: str, *, is_owner: bool, is_reviewer: bool, is_manager: bool
) -> list[Transition]:
    """The moves this person may make from `state`."""
    allowed = {"owner": is_owner or is_manager, "reviewer": is_reviewer, "manager": is_manager}
    return [t for t in load_rules().transitions if t.source == state and allowed[t.by]]


def check_move(
    state: str, target: str, *, is_owner: bool, is_reviewer: bool, is_manager: bool
) -> Transition:
    """The transition from `state` to `target`, or TransitionRefused saying why not."""
    rules = load_rules()
    if target not in rules.states:
        raise TransitionRefused(f"There is no state called {target!r}.")
    candidates = [t for t in rules.transitions if t.source == state and t.target == target]
    if not candidates:
        if target == "released":
            raise TransitionRefused(
                "A request can be released only after it has been sent for review and checked by a "
                "LANO or senior leader."
            )
        raise TransitionRefused(
            f"A request that is {state_label(state).lower()} cannot be moved to "
            f"{state_label(target).lower()}."
        )
    for t in candidates:
        if t in moves_from(
            state, is_owner=is_owner, is_reviewer=is_reviewer, is_manager=is_manager
        ):
            return t
    who = {
        "owner": "the request's owner or a LANO",
        "reviewer": "a LANO or senior leader",
        "manager": "a LANO or senior leader",
    }[candidates[0].by]
    raise NotYourMove(f"Only {who} can do this: {candidates[0].label.lower()}.")


SAME_HANDS = (
    "You own or helped prepare this answer, so someone else must release it: another LANO or a "
    "senior leader who did not prepare it."
)


def check_releaser(releaser: int, preparers: set[int]) -> None:
    """Release needs a second pair of eyes: NotYourMove when the releaser owns or prepared the answer."""
    if releaser in preparers:
        raise NotYourMove(SAME_HANDS)
