"""Random social-media-like texts that mix every kind of token the tokenizers care about.

Deterministic for a given seed. Used by the parity tests (against NLTK) and the benchmarks.
"""

from __future__ import annotations

import random

WORDS = [
    "the",
    "app",
    "is",
    "so",
    "good",
    "bad",
    "not",
    "really",
    "love",
    "hate",
    "tiktok",
    "reels",
    "shorts",
    "YouTube",
    "Instagram",
    "algorithm",
    "creator",
    "ad",
    "ban",
    "privacy",
    "data",
    "LOL",
    "OMG",
    "wtf",
    "café",
    "naïve",
    "Straße",
    "İstanbul",
    "ΣΟΦΙΑ",
    "ñandú",
    "über",
    "façade",
    "Ǆemal",
    "ﬁne",
]
FOREIGN = [
    "今日は雨です",
    "我很好",
    "정말 좋아요",
    "очень круто",
    "رائع جدا",
    "बहुत अच्छा",
    "ขอบคุณ",
    "Ελληνικά",
    "नहीं",
    "ﻻ",
    "עברית",
    "ḩ̧",
    "ŉ",
    "ǅ",
]
CONTRACTIONS = [
    "don't",
    "can't",
    "won't",
    "I'm",
    "it's",
    "y'all",
    "shouldn't've",
    "cannot",
    "Cannot",
    "gonna",
    "gotta",
    "wanna",
    "gimme",
    "lemme",
    "more'n",
    "d'ye",
    "'tis",
    "'Twas",
    "whaddya",
    "whatcha",
    "don’t",
    "they'll",
    "we're",
    "I'd",
    "you've",
    "ain't",
    "O'Neil",
    "rock'n'roll",
    "CAN'T",
    "WON'T",
    "'em",
    "ol'",
    "'90s",
]
NUMBERS = [
    "3",
    "42",
    "1,000",
    "3.14",
    "-5",
    "+1",
    "12/05",
    "10:30",
    "1.2.3",
    "2.5M",
    "10k",
    "4K",
    "60fps",
    "15s",
    "$4.99",
    "€20",
    "£15",
    "1.299,00",
    "30%",
    "3pm",
    "007",
    "1st",
    "½",
    "²",
    "٣",
    "١٢٣",
]
PHONES = [
    "555-123-4567",
    "(555) 123-4567",
    "+1 555 123 4567",
    "1-800-555-0199",
    "555.123.4567",
    "5551234567",
    "+44 20 7946 0958",
    "123 4567",
    "0 123 456 7890",
    "1*800*555*0199",
]
URLS = [
    "http://example.com",
    "https://example.com/path?x=1&y=2",
    "https://en.wikipedia.org/wiki/Foo_(bar)",
    "http://t.co/AbC123",
    "www.example.org/help",
    "bit.ly/3xYz",
    "example.com",
    "foo.com@bar",
    "a.b.c.d.com",
    "sub.domain.co.uk/path/",
    "https://x.io/a(b(c)d)e",
    "http://",
    "https://x.com/a.",
    "ftp://files.example",
    "HTTPS://EXAMPLE.COM/UP",
    "example.c",
    "Example.COM",
    "foo.bar@",
    "1.2.3.4",
    "x.y-z.info/q",
    "https://shop.example/p?id=5&ref=ig#top",
    "www.x",
    "t.co/",
    "test.museum",
    "a-b.cd",
]
EMAILS = [
    "support@brand.example",
    "first.last+tag@mail.co.uk",
    "a@b.c",
    "x_y@z-z.org",
    "@@x.com",
    "me@ex.com.",
]
HASHTAGS = [
    "#fyp",
    "#TikTokMadeMeBuyIt",
    "#summer2024",
    "##double",
    "#tag's",
    "#a-b-",
    "#1",
    "#_under_",
    "#día",
    "#日本",
    "#",
    "#-",
    "#ad.",
    "#x'y",
    "#tag-",
    "#ab_",
]
MENTIONS = [
    "@user",
    "@some_creator",
    "@a",
    "@exactly15chars_",
    "@averyveryverylongusername",
    "@a@b",
    "@@x",
    "x@y",
    "@user!",
    "@user's",
    "@123",
    "@_",
    "!@user",
    "#@user",
    "@user@",
    "@exactly15chars_@",
    "@ünï",
]
ENTITIES = [
    "&amp;",
    "&lt;3",
    "&gt;",
    "&quot;",
    "&#65;",
    "&#x41;",
    "&#X41;",
    "&#150;",
    "&#129;",
    "&nosuch;",
    "&#;",
    "&xi;",
    "&nbsp;",
    "&#x1F600;",
    "&#1_0_0;",
    "&#-5;",
    "&#99999999;",
    "&amp",
    "&&amp;;",
    "& amp;",
    "&#x;",
    "&eacute;",
    "&Eacute;",
    "&#0;",
    "&#x0x41;",
    "&copy;",
    "&#٣;",
]
EMOJI = [
    "😂",
    "🔥",
    "💀",
    "🙄",
    "😍",
    "❤️",
    "❤",
    "☺️",
    "✌️",
    "👍🏽",
    "👋🏿",
    "👨‍👩‍👧‍👦",
    "🧑‍💻",
    "🏳️‍🌈",
    "🇺🇸",
    "🇧🇷",
    "🇯🇵",
    "1️⃣",
    "#️⃣",
    "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "🇺",
    "👩🏽‍🤝‍👩🏻",
    "😂😂😂",
    "🤷‍♀️",
    "©",
    "™",
    "‍",
    "️",
]
EMOTICONS = [
    ":)",
    ":-)",
    ":(",
    ":-(",
    ";)",
    ":D",
    ":P",
    ":p",
    ":-P",
    "<3",
    "</3",
    ":'(",
    "xD",
    "XD",
    "^_^",
    "o_O",
    ":/",
    ":|",
    ":*",
    "=)",
    "(:",
    "):",
    "8)",
    ">:(",
    ":-O",
    ":o)",
    "D:",
    ":3",
    "=D",
    ":\\",
    ":@",
    "-_-",
    ";-)",
]
SYMBOLS = [
    "->",
    "<--",
    "=>",
    "<-",
    "-->",
    "<b>",
    "</i>",
    "<br/>",
    "<a href>",
    "...",
    "..",
    "…",
    ". . .",
    "!!!!",
    "????",
    "?!",
    "!!!!!!!!",
    "----",
    "--",
    "—",
    "–",
    "*",
    "**",
    ";",
    "@",
    "#",
    "$",
    "%",
    "&",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    '"',
    "''",
    "``",
    "'",
    "`",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    ",",
    ":",
    "/",
    "\\",
    "|",
    "~",
    "^",
    "_",
    "+",
    "=",
    "¿",
    "¡",
    "•",
    "§",
    "°",
    "±",
    "×",
    "÷",
]
ELONGATED = [
    "soooooo",
    "yessss",
    "noooooo",
    "hahahaha",
    "!!!!!!",
    "......",
    "wayyyyy",
    "SOOOOO",
    "ahhhhh",
    "aaaa",
]
SPACES = [" "] * 30 + [
    "",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "\xa0",
    "\u2003",
    "\u3000",
    "\x1c",
    "\x85",
    "\u200b",
    "\n\n",
]


def _edge(rng: random.Random) -> str:
    """Inputs at the bounds of NLTK's patterns: 64-char local parts, 63-char labels, 251 domain
    parts, 255-char hosts, long digit runs."""
    kind = rng.randrange(6)
    word = lambda n: "".join(rng.choice("abcxyz019_-") for _ in range(n))  # noqa: E731
    if kind == 0:
        return f"{word(rng.randint(60, 68))}@{word(rng.randint(1, 4))}.com"
    if kind == 1:
        return f"me@{word(rng.randint(60, 66))}.{word(3)}"
    if kind == 2:
        parts = ".".join(rng.choice("ab-") for _ in range(rng.randint(245, 256)))
        return f"me@x.{parts}{rng.choice(['', '.', '.z', 'zz'])}"
    if kind == 3:
        return "http://" + "a" * rng.randint(250, 260) + ".com/" + rng.choice(["x", "(y)", "z."])
    if kind == 4:
        return "a" * rng.randint(250, 260) + ".com/path"
    return "".join(rng.choice("0123456789 -.()+") for _ in range(rng.randint(7, 30)))


def _piece(rng: random.Random) -> str:
    if rng.random() < 0.004:
        return _edge(rng)
    group = rng.choice(
        [
            WORDS,
            WORDS,
            WORDS,
            FOREIGN,
            CONTRACTIONS,
            NUMBERS,
            PHONES,
            URLS,
            EMAILS,
            HASHTAGS,
            MENTIONS,
            ENTITIES,
            EMOJI,
            EMOTICONS,
            SYMBOLS,
            SYMBOLS,
            ELONGATED,
        ]
    )
    piece = rng.choice(group)
    roll = rng.random()
    if roll < 0.08:
        piece = piece.upper()
    elif roll < 0.12:
        piece = piece.capitalize()
    elif roll < 0.2:
        # Glue punctuation to a piece, as people do.
        piece = (
            rng.choice(["(", '"', "'", "“", "[", "«", "`", ""])
            + piece
            + rng.choice(
                [".", ",", "!", "?", ")", '"', "'", '."', "...", ":", ";", "”", "!?", "'s", "n't", ""]
            )
        )
    return piece


def random_text(rng: random.Random, max_pieces: int = 24) -> str:
    """One random text of 0 to ``max_pieces`` pieces."""
    n = rng.randint(0, max_pieces)
    out = []
    for _ in range(n):
        out.append(_piece(rng))
        out.append(rng.choice(SPACES))
    text = "".join(out)
    if rng.random() < 0.1:
        text = text.strip()
    if rng.random() < 0.05:
        text = '"' + text
    return text


def random_texts(n: int, seed: int) -> list[str]:
    """``n`` random texts from ``seed``."""
    rng = random.Random(seed)
    return [random_text(rng) for _ in range(n)]
