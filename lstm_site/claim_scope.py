"""Where a claim holds, in readers' words, computed from its results on the grid: its scope.

A claim's results say, for every configuration of the grid (lstm_site/claim_axes.py), whether it
holds (true), does not (false) or does not apply (null). `scope(results)` describes them:

    Holds on 48 of 192 configurations: not for bidirectional, for packed input, or for
    `batch_first=True` with any input but unbatched. Does not apply to `nn.GRU` or `nn.RNN`
    with `proj_size` > 0.

A description is a disjunction of terms; a term is a conjunction of 1 to 3 literals; a literal
says an axis takes one of some of its values ("bidirectional", "padded or packed input",
"`num_layers` > 1"). It is exact on the grid: where it fails is covered, where it holds is never
(the configurations where it does not apply are "don't care"). The search takes the fewest
terms (at most 3), then the fewest literals, then the shortest text, and says where it holds
("only for ...") when that is shorter than where it fails. When no such description exists, the
scope says how many configurations hold and the claims page's table lists where it fails.
"""

import functools
import itertools
from dataclasses import dataclass

from lstm_site.claim_axes import AXES

MAX_TERMS = 3
MAX_LITERALS = 3
# The order a term names its literals in: "bidirectional with `num_layers` > 1 and packed input".
READING_ORDER = ("module", "bidirectional", "num_layers", "proj_size", "batch_first", "input")
INPUT_WORDS = {
    "batched": "equal-length batched",
    "unbatched": "unbatched",
    "padded": "padded",
    "packed": "packed",
}


def either(words: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def literal_text(axis: str, values: tuple) -> str:
    """A literal in readers' words; `values` is a proper subset of the axis's values, in order."""
    every = AXES[axis]
    others = tuple(value for value in every if value not in values)
    if axis == "module":
        return either([f"`nn.{value}`" for value in values])
    if axis == "bidirectional":
        return "bidirectional" if values == (True,) else "one direction"
    if axis == "batch_first":
        return f"`batch_first={values[0]}`"
    if axis == "proj_size":
        return "`proj_size=0`" if values == (0,) else "`proj_size` > 0"
    if axis == "num_layers":
        if len(values) == 1:
            return f"`num_layers={values[0]}`"
        if values == every[len(others) :]:  # the largest ones
            return f"`num_layers` > {others[-1]}"
        if values == every[: len(values)]:  # the smallest ones
            return f"`num_layers` < {others[0]}"
        return f"`num_layers` {either([str(value) for value in values])}"
    if axis == "input":
        # Not "batched input" for the three batched kinds: readers took it for the grid's value
        # `batched` alone, equal lengths.
        if len(others) == 1:
            return f"any input but {INPUT_WORDS[others[0]]}"
        return f"{either([INPUT_WORDS[value] for value in values])} input"
    raise ValueError(f"no words for the axis {axis}")


@dataclass(frozen=True)
class Term:
    """A conjunction: each (axis, values) literal says the axis takes one of those values."""

    literals: tuple[tuple[str, tuple], ...]  # in READING_ORDER

    def matches(self, config: dict) -> bool:
        return all(config[axis] in values for axis, values in self.literals)

    @property
    def text(self) -> str:
        words = [literal_text(axis, values) for axis, values in self.literals]
        return words[0] + (f" with {' and '.join(words[1:])}" if words[1:] else "")


def terms_text(terms: list[Term], preposition: str) -> str:
    """ "for a", "for a, or for b", "for a, for b, or for c": the preposition repeated keeps the
    terms apart from a literal's own "or" ("`nn.GRU` or `nn.RNN`")."""
    words = [f"{preposition} {term.text}" for term in terms]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])}, or {words[-1]}"


def cost(terms: list[Term]) -> tuple[int, int, int]:
    """Which of two descriptions reads shorter: fewer literals, then terms, then characters."""
    return (sum(len(term.literals) for term in terms), len(terms), len(terms_text(terms, "")))


class Grid:
    """The configurations as bit positions, so that a set of them is one int, and every term of
    1 to MAX_LITERALS literals with the set it covers."""

    def __init__(self, configs: list[dict]) -> None:
        self.configs = configs
        covers = {  # each literal's set
            (axis, values): sum(
                1 << i for i, config in enumerate(configs) if config[axis] in values
            )
            for axis in READING_ORDER
            for values in subsets(AXES[axis])
        }
        self.terms: dict[tuple, int] = {}
        for size in range(1, MAX_LITERALS + 1):
            for axes in itertools.combinations(READING_ORDER, size):
                for values in itertools.product(*(subsets(AXES[axis]) for axis in axes)):
                    literals = tuple(zip(axes, values, strict=True))
                    mask = -1
                    for literal in literals:
                        mask &= covers[literal]
                    self.terms[literals] = mask


@functools.lru_cache(maxsize=4)
def grid_of(configs: tuple[tuple, ...]) -> Grid:
    """One Grid for every claim: their results list the same configurations in the same order."""
    return Grid([dict(zip(AXES, values, strict=True)) for values in configs])


def subsets(values: tuple) -> list[tuple]:
    """Every proper, non-empty subset of an axis's values, each in the axis's order."""
    return [
        combination
        for size in range(1, len(values))
        for combination in itertools.combinations(values, size)
    ]


def describe(grid: Grid, wanted: int, forbidden: int) -> list[Term] | None:
    """The shortest exact description of `wanted`: terms that cover all of it and nothing of
    `forbidden` (what is in neither is don't care); None if it needs more than MAX_TERMS."""
    if not wanted:
        return []
    valid = {  # every term that covers nothing forbidden, with the part of `wanted` it covers
        literals: mask & wanted
        for literals, mask in grid.terms.items()
        if mask & wanted and not mask & forbidden
    }
    # Keep the prime terms: no valid term contains them (one more value on one of their axes).
    # Any cover can swap each term for a prime one that contains it, no longer in words.
    primes: dict[int, Term] = {}
    for literals, covered in valid.items():
        # () covers every configuration: valid only when nothing is forbidden.
        if any(wider in valid if wider else not forbidden for wider in widenings(literals)):
            continue
        term = Term(literals)
        if covered not in primes or cost([term]) < cost([primes[covered]]):
            primes[covered] = term
    for count in range(1, MAX_TERMS + 1):
        covers = list(search(wanted, list(primes.items()), count))
        if covers:
            chosen = [narrowed(grid, term, wanted) for term in min(covers, key=cost)]
            # Then each term without what the others already say: "for `nn.RNN`, or for
            # `nn.LSTM` with ..." rather than "... or for `nn.LSTM` or `nn.RNN` with ...".
            for index, term in enumerate(chosen):
                others = 0
                for other in chosen[:index] + chosen[index + 1 :]:
                    others |= grid.terms[other.literals]
                chosen[index] = narrowed(grid, term, wanted & ~others)
            return sorted(chosen, key=lambda term: (len(term.literals), term.text))
    return None


def narrowed(grid: Grid, term: Term, wanted: int) -> Term:
    """The term without the values that only add configurations outside `wanted`: a prime term
    is the widest, so it may name values where the claim does not apply ("not for unbatched or
    padded input" of a claim that does not apply to unbatched input); the narrower term covers
    the same part of `wanted`, nothing forbidden, and says only what the results show."""
    literals = list(term.literals)
    covered = grid.terms[term.literals] & wanted
    for index, (axis, values) in enumerate(literals):
        for value in values:
            kept = tuple(v for v in literals[index][1] if v != value)
            trial = tuple([*literals[:index], (axis, kept), *literals[index + 1 :]])
            if kept and grid.terms[trial] & wanted == covered:
                literals[index] = (axis, kept)
    return Term(tuple(literals))


@functools.cache
def widenings(literals: tuple) -> list[tuple]:
    """The terms one value wider than this one on one axis (a literal that takes in every value
    of its axis goes: () is the term that covers everything)."""
    wider = []
    for index, (axis, values) in enumerate(literals):
        for value in AXES[axis]:
            if value in values:
                continue
            grown = tuple(v for v in AXES[axis] if v in values or v == value)
            replaced = () if len(grown) == len(AXES[axis]) else ((axis, grown),)
            wider.append(literals[:index] + replaced + literals[index + 1 :])
    return wider


def search(uncovered: int, primes: list[tuple[int, Term]], count: int, chosen=()):
    """Every choice of `count` terms or fewer that covers `uncovered` (each at least once)."""
    if not uncovered:
        yield list(chosen)
        return
    if len(chosen) == count:
        return
    lowest = uncovered & -uncovered  # some term must cover it: branch on those only
    for covered, term in primes:
        if covered & lowest and term not in chosen:
            yield from search(uncovered & ~covered, primes, count, (*chosen, term))


@dataclass
class Scope:
    checked: int  # configurations where the claim applies
    holding: int
    failing: list[Term] | None  # where it does not hold (None: no short description)
    holding_only: list[Term] | None  # where it holds, when that reads shorter than `failing`
    not_applying: list[Term] | None  # where it does not apply ([] when it applies everywhere)
    not_applying_count: int

    @property
    def text(self) -> str:
        """The scope as one or two Markdown sentences."""
        if self.holding == self.checked:
            first = f"Checked on {self.checked} configurations: holds on every one."
        elif self.holding == 0:
            first = f"Holds on none of the {self.checked} configurations it applies to."
        elif self.holding_only is not None:
            first = (
                f"Holds on {self.holding} of {self.checked} configurations: only "
                f"{terms_text(self.holding_only, 'for')}."
            )
        elif self.failing is not None:
            first = (
                f"Holds on {self.holding} of {self.checked} configurations: not "
                f"{terms_text(self.failing, 'for')}."
            )
        else:
            first = (
                f"Holds on {self.holding} of {self.checked} configurations where it applies "
                "(the claims page lists where it does not)."
            )
        if not self.not_applying_count:
            return first
        if self.not_applying is None:
            return f"{first} Does not apply to {self.not_applying_count} configurations."
        return f"{first} Does not apply {terms_text(self.not_applying, 'to')}."


def scope(results: list[dict]) -> Scope:
    """The scope of a claim from its results, `[{"config": {...}, "holds": bool | None}]`."""
    grid = grid_of(tuple(tuple(r["config"][axis] for axis in AXES) for r in results))
    holds = {True: 0, False: 0, None: 0}
    for index, result in enumerate(results):
        holds[result["holds"]] |= 1 << index
    true, false, null = holds[True], holds[False], holds[None]
    if not true | false:
        raise ValueError("the claim applies to no configuration of the grid")
    failing = describe(grid, false, true)
    holding_only = describe(grid, true, false) if false and true else None
    both = holding_only is not None and failing is not None
    if both and cost(failing)[:2] <= cost(holding_only)[:2]:
        holding_only = None  # where it fails is the default, unless fewer words say more
    return Scope(
        checked=(true | false).bit_count(),
        holding=true.bit_count(),
        failing=failing,
        holding_only=holding_only,
        not_applying=describe(grid, null, true | false),
        not_applying_count=null.bit_count(),
    )


def table_rows(results: list[dict]) -> list[dict[str, tuple]]:
    """Where the claim does not hold, in few rows: each row gives every axis a tuple of values
    (all of them: any). Among the configurations where the claim applies, the rows hold exactly
    those where it fails, each once; they may also hold some where it does not apply, which
    merge rows (`nn.GRU` with `proj_size` > 0 is no configuration at all)."""
    rows = [
        ({axis: (result["config"][axis],) for axis in AXES}, result["holds"] is False)
        for result in results
        if result["holds"] is not True
    ]
    best = None
    for start in range(len(AXES)):  # the order of merging matters a little: try each start
        order = [*list(AXES)[start:], *list(AXES)[:start]]
        merged = [row for row, failing in merge(rows, order) if failing]
        if best is None or len(merged) < len(best):
            best = merged
    return best


def merge(rows: list[tuple[dict, bool]], order: list[str]) -> list[tuple[dict, bool]]:
    """Rows that differ on one axis only become one row, until none do; a row remembers
    whether any configuration in it fails."""
    changed = True
    while changed:
        changed = False
        for axis in order:
            groups: dict[tuple, tuple[dict, bool]] = {}
            for row, failing in rows:
                key = tuple(row[other] for other in AXES if other != axis)
                if key in groups:
                    kept, kept_failing = groups[key]
                    values = set(kept[axis]) | set(row[axis])
                    kept[axis] = tuple(v for v in AXES[axis] if v in values)
                    groups[key] = (kept, kept_failing or failing)
                    changed = True
                else:
                    groups[key] = (dict(row), failing)
            rows = list(groups.values())
    return rows
