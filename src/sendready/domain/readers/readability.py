"""Flesch reading ease, the measure GOV.UK's plain-English guidance and Word's readability statistics use.

    206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word)

60 to 70 is plain English; GOV.UK writes for a reading age of 9, around 70 and above. Syllables are
counted by the usual English spelling rules (vowel groups, less a silent final e), which agree with a
dictionary for most everyday words and are close enough for a threshold test. Web and email addresses
are left out: a reader does not read them aloud. Each line counts as at least one sentence, so headings
and list items without a full stop are not run into the next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESSES = re.compile(r"(?:https?://|mailto:)\S+|\S+@\S+|www\.\S+")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# A final "e" after a consonant is silent (care, made), as are "-es" and "-ed" except where they are
# heard: "-es" after c, g, s, x, z, ch or sh (services, pages), "-ed" after t or d (wanted, needed).
_SILENT_END = re.compile(r"(?:(?<![cgsxzh])(?<=[^aeiouy])es|(?<=[^aeiouytd])ed|(?<=[^laeiouy])e)$")
_ONE_SYLLABLE_NUMBERS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class Readability:
    """A text's counts and its Flesch reading ease."""

    sentences: int
    words: int
    syllables: int

    @property
    def flesch_reading_ease(self) -> float:
        """206.835 - 1.015 words per sentence - 84.6 syllables per word (100 for no words)."""
        if not self.words:
            return 100.0
        return (
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)
        )

    @property
    def words_per_sentence(self) -> float:
        """The average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0


def syllables(word: str) -> int:
    """The syllables in one word by spelling rules (a number counts as one, as a reader sees it)."""
    word = word.lower().replace("’", "'").split("'")[0]
    if _ONE_SYLLABLE_NUMBERS.match(word) or len(word) <= 3:
        return 1
    # "-le" after a consonant is its own syllable (table, able); other silent endings are not.
    stem = word if re.search(r"[^aeiouy]le$", word) else _SILENT_END.sub("", word)
    if stem.endswith(("ches", "shes")):  # churches, wishes: the -es is heard
        stem = word
    stem = stem.removeprefix("y")
    return max(1, len(_VOWEL_GROUP.findall(stem)))


def measure(text: str) -> Readability:
    """Count sentences, words and syllables in a text of one or more lines."""
    sentences = words = total = 0
    for line in _ADDRESSES.sub(" ", text).splitlines():
        line_words = _WORD.findall(line)
        if not line_words:
            continue
        sentences += max(1, len(_SENTENCE_END.findall(line)))
        words += len(line_words)
        total += sum(syllables(w) for w in line_words)
    return Readability(sentences=max(sentences, 1), words=words, syllables=total)


def flesch_reading_ease(text: str) -> float:
    """The text's Flesch reading ease (higher is easier; 60 and over is plain English)."""
    return measure(text).flesch_reading_ease
