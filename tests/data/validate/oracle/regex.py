#!/usr/bin/env python3
"""Records how Python's `re.match` (which the Supervisor's match(...) type
uses) judges patterns of add-on schemas against texts, for the rules' regex
translation test (src/validate/rules/tests.rs):

    python3 tests/data/validate/oracle/regex.py > tests/data/validate/oracle/regex.jsonl

Each line: the pattern, the text, and "match", "no match" or "error" (the
pattern does not compile).
"""
import json
import re
import warnings

warnings.simplefilter("ignore")

PATTERNS = [
    r"^[A-Z]{2}$", r"^\d+$", r"^[a-z0-9_-]+$", r"^\s*$", r"^\S+$", r"^[\s]+$",
    r"^[[:alpha:]]+$", r"[[:digit:]]", r"^\p{L}+$", r"^\e$", r"^a\Z", r"^a$|^b$",
    r"^(?i)[a-z]+$", r"^[^$]+$", r"^\$\d+$", r"^[a-z]+\.$", r"^(yes|no)$",
    r"^[\w.-]+@[\w.-]+$", r"^([0-9]{1,3}\.){3}[0-9]{1,3}$", r"^\d{2}:\d{2}$",
    r"^https?://", r"^[^\s]+$", r"^\x41$", r"^\u0041$", r"^[]a]$", r"^[^]a]$",
    r"(?i)^[a-z]+$", r"(?i)^i$", r"(?i)^k$", r"^a--b$", r"^[a&&b]$", r"^[a~~b]$", r"^[a-c--b]$", r"^.*$", r"^(?s).*$",
]
TEXTS = [
    "FR", "FR\n", "FR\n\n", "fr", "12", "12\n", "١٢", "", " ", "\x1c", "\x1f", "\t\n",
    "abc", "ABC", "a", "a\n", "b", "İ", "ı", "ſ", "K", "$12", "$", "x.", "yes", "no",
    "me@example.org", "192.168.1.1", "12:30", "https://x", "A", "]", "a-b", "a--b",
    "&", "~", "-", "a\nb", ":", "[", "alpha", "é",
]


def main():
    for pattern in PATTERNS:
        try:
            compiled = re.compile(pattern)
        except re.error:
            print(json.dumps({"pattern": pattern, "text": "", "python": "error"}, ensure_ascii=False))
            continue
        for text in TEXTS:
            verdict = "match" if compiled.match(text) else "no match"
            print(json.dumps({"pattern": pattern, "text": text, "python": verdict}, ensure_ascii=False))


if __name__ == "__main__":
    main()
