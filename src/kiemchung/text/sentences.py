"""Sentence splitting for Vietnamese news text, with regexes only.

A sentence ends at a line break, or at . ! ? … (possibly repeated, possibly
followed by closing quotes or brackets) that is followed by white space and
then by something that is not a lowercase letter. A single line break inside a
sentence (a post wrapped by hand) is no end when the next line goes on in lowercase
or the line stops on a word that cannot end a sentence ("và", "của", "với"…); an
empty line always is. A full stop does not end a
sentence after an abbreviation ("TP. HCM", "PGS. TS. Lê"), after a single
capital letter (the initial in "Nguyễn V. A"), or after a list number at the
start of a sentence ("1. Giá xăng"). Numbers ("2,5", "5.000") and URLs have no
space after their dots, so they never split.

Sentences come back as written (same characters), trimmed of surrounding space.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# Abbreviations written with a full stop in Vietnamese news; compared as written.
_ABBREVIATION_LIST = """
    TP Tp tp TT Q q P p KP kp
    PGS Pgs GS Gs TS Ts ThS Ths THS CN KS BS Bs ThBS BSCKI BSCKII DS LS NS NSND NSƯT NSUT
    NXB Nxb ĐH ĐHQG THPT THCS
    St Mr Mrs Ms Dr Prof Jr Sr Inc Ltd Co Corp No vs tr Tr
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())

# Candidate ends: a line break, or terminators plus closing marks before a space.
_CANDIDATE_RE = re.compile(r"\n|[.!?…]+[\"'”’»)\]]*(?=\s)")
_LEADING_PUNCTUATION = "([\"'“‘«"


# Words after which a sentence cannot stop (conjunctions, prepositions, classifiers).
_CONNECTIVES = frozenset(
    """và hoặc hay với của cho là các những mà thì nhưng để từ đến tới tại ở trong
    ngoài trên dưới về theo cùng như bởi vì do nên rằng khi nếu""".split()
)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, trimmed, in order; empty pieces are dropped."""
    sentences: list[str] = []
    start = 0
    for candidate in _CANDIDATE_RE.finditer(text):
        end = candidate.end()
        if candidate.group() == "\n":
            if _line_goes_on(text, start, candidate.start()):
                continue
        elif not _ends_sentence(text, start, candidate):
            continue
        _append_trimmed(sentences, text[start:end])
        start = end
    _append_trimmed(sentences, text[start:])
    return sentences


def _line_goes_on(text: str, start: int, newline: int) -> bool:
    """A single line break inside a sentence: the next line starts in lowercase, or
    this line stops on a connective (and does not end with punctuation)."""
    line = text[start:newline].rstrip()
    rest = text[newline + 1 : newline + 41]
    if not line or not rest.strip() or rest.lstrip(" \t").startswith("\n"):
        return False  # an empty line (a paragraph) always ends the sentence
    if line[-1] in ".!?…:;\"'”’»)]":
        return False
    last_word = line.rsplit(None, 1)[-1].casefold()
    return last_word in _CONNECTIVES or rest.lstrip()[0].islower()


def _append_trimmed(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


def _ends_sentence(text: str, start: int, candidate: re.Match[str]) -> bool:
    if _next_is_lowercase(text, candidate.end()):
        return False
    if candidate.group().rstrip("\"'”’»)]") != ".":
        return True
    word = _word_before(text, start, candidate.start())
    return not _is_abbreviation(word) and not _is_list_number(text, start, candidate.start())


def _next_is_lowercase(text: str, position: int) -> bool:
    rest = text[position : position + 40].lstrip()
    return bool(rest) and rest[0].islower()


def _word_before(text: str, start: int, dot: int) -> str:
    """The word right before the full stop at ``dot``, without leading punctuation."""
    word_start = max(text.rfind(" ", start, dot), text.rfind("\n", start, dot)) + 1
    return text[max(word_start, start) : dot].lstrip(_LEADING_PUNCTUATION)


def _is_abbreviation(word: str) -> bool:
    # "PGS.TS" and "GS.TSKH" end with their last part.
    last_part = word.rsplit(".", 1)[-1]
    if last_part in _ABBREVIATIONS:
        return True
    return len(last_part) == 1 and last_part.isupper()


def _is_list_number(text: str, start: int, dot: int) -> bool:
    """A number alone before the dot at the start of a sentence: "1. ", "12. "."""
    return text[start:dot].strip().isdigit()
