"""What the user needs, when it is not an innovation: the signposts of adjacent schemes
(energy-saving equipment, clean assets, small investments, guarantees, microcredit, training)
and the needs nothing here covers.

The cues are rule data: instruments/data/needs.tsv (need -> signposts, after the routing table
of shared/reference/adjacent-schemes.md), uncovered_needs.txt and innovation_cues.txt. A cue
matches at the start of a word ("zonnepanel" matches "zonnepanelen", "kopen" not "verkopen").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from instruments.lexicon_topics import NOT_DEVELOPING
from instruments.profile import CompanyProfile

DATA = Path(__file__).resolve().parent.parent / "instruments" / "data"
INNOVATING_STAGES = frozenset({"feasibility", "rnd", "prototype", "pilot"})
INNOVATING_ACTIVITIES = frozenset(
    {"own_rnd", "development_project", "demonstration", "valorisation"}
)
# asking for innovation money is no innovation: "een brug kopen, kan ik daar
# innovatiesubsidie voor krijgen?", "buy electric trucks, any innovation subsidy?" (the blind
# grading of session 12: WBSO and the Innovatiekrediet came first)
ASKING_FOR_INNOVATION_MONEY = re.compile(
    r"\binnovati(?:e|on|ons)[- ]?(?:subsidie\w*|subsid(?:y|ies)|regeling\w*|schemes?|grants?"
    r"|geld|money|funding|financiering|steun|support|krediet|credits?|programm\w*)")
MAX_NEEDS = 2  # needs named in one answer: more reads as a list, not advice


@dataclass(frozen=True)
class NeedRule:
    need: str
    label: dict[str, str]  # the need in words, per language
    signposts: tuple[str, ...]
    # "always"; "ordinary": the cue counts only when the plan is not an innovation; "message":
    # only when the message itself is not about one (buying a lift is no innovation, even
    # for a garage that develops a battery tester: conversations-dev2 d2c002); "no_money": as
    # "message", and only when the message asks for no money either (going abroad)
    when: str
    cues: re.Pattern[str]


@dataclass(frozen=True)
class Need:
    """The needs read from a message: which signposts, whether the plan is an innovation, and
    whether it names a need no scheme here covers."""

    needs: tuple[str, ...] = ()  # need ids, in the order of needs.tsv
    signposts: tuple[str, ...] = ()
    innovating: bool = False
    uncovered: bool = False

    def words(self, lang: str) -> str:
        """The needs in words: "energy-saving equipment and buying ordinary business assets"."""
        labels = {r.need: r.label[lang] for r in rules()}
        joiner = " en " if lang == "nl" else " and "
        return joiner.join(labels[n] for n in self.needs)

    @property
    def outside_innovation(self) -> bool:
        """The need is an ordinary one: innovation instruments are not the answer."""
        return not self.innovating and bool(self.signposts or self.uncovered)


def _pattern(cues: Sequence[str]) -> re.Pattern[str]:
    words = sorted({c.strip().lower() for c in cues if c.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + ")")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def rules() -> tuple[NeedRule, ...]:
    with (DATA / "needs.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(
        NeedRule(row["need"], {"nl": row["label_nl"], "en": row["label_en"]},
                 tuple(row["signposts"].split("|")), row["when"],
                 _pattern(row["cues"].split("|")))
        for row in rows
    )


@cache
def _innovation_cues() -> re.Pattern[str]:
    return _pattern(_lines("innovation_cues.txt"))


@cache
def _uncovered_cues() -> re.Pattern[str]:
    return _pattern(_lines("uncovered_needs.txt"))


def innovating(text: str, profile: CompanyProfile) -> bool:
    """The plan develops, tests or demonstrates something new; not when the text says it
    does not ("gewoon een standaard machine, we ontwikkelen zelf niks nieuws")."""
    if NOT_DEVELOPING.search(text.lower()):
        return False
    text = ASKING_FOR_INNOVATION_MONEY.sub(" ", text.lower())
    if profile.stage in INNOVATING_STAGES or set(profile.activities) & INNOVATING_ACTIVITIES:
        return True
    return bool(_innovation_cues().search(text.lower()))


def _seeks_money(profile: CompanyProfile) -> bool:
    """The message asks for money: a sum, or financing ("zoeken € 15 miljoen om internationaal
    te groeien" asks for growth capital, not for the networks that help one go abroad)."""
    return profile.project_eur is not None or "financing" in profile.activities


def read_need(text: str, profile: CompanyProfile, said: CompanyProfile | None = None) -> Need:
    """The needs in a message, in the order of needs.tsv (specific needs first). `said`: the
    facts of this message alone, when it is read on its own (not added to the need under way)."""
    lowered = text.lower()
    new = innovating(text, profile)
    new_here = innovating(text, said) if said is not None else new
    matched = [rule for rule in rules() if rule.cues.search(lowered)]
    # an innovating company asking only for something ordinary ("de bank wil meer zekerheden
    # voor de lening voor de trucks", conversations-dev3 cd3-13): answer that
    if new and not new_here and matched and all(r.when in ("message", "always") for r in matched):
        new = False
    money = _seeks_money(said if said is not None else profile)
    kept = [rule for rule in matched
            if not ((rule.when == "ordinary" and new)
                    or (rule.when in ("message", "no_money") and new_here)
                    or (rule.when == "no_money" and money))]
    needs = [rule.need for rule in kept][:MAX_NEEDS]
    signposts: list[str] = []
    for rule in kept[:MAX_NEEDS]:
        signposts += [s for s in rule.signposts if s not in signposts]
    uncovered = not signposts and bool(_uncovered_cues().search(lowered))
    return Need(tuple(needs), tuple(signposts), new, uncovered)
