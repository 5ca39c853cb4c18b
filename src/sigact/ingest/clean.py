"""Boilerplate removal: keep the article body, drop page furniture.

Works line by line on text already extracted from a page. Removed:
share/subscribe/newsletter/cookie/"Follow us" lines, comment-form prompts, "Read also"/"Read more"/"Keep
reading" lines, "Previous/Next article" teasers and "Related articles" lists (with the teaser lines under
them), reference/footnote sections and link lists (lines that are only URLs or "[1] https://..."), image
captions and credits ("Photo: ...", "© ..."), embedded tweets ("pic.twitter.com", "— Name (@handle) date"
and the tweet text above it), bylines/datelines that carry only metadata ("Updated: ... | Created: ..."),
author boxes ("About X 2850 Articles"), navigation words ("Left Menu", "Advertisement"), repeated lines,
inline footnote markers ("[12]") and wiki "edit" links.
"""

from __future__ import annotations

import re

from sigact.ingest.dates import find_dates
from sigact.ingest.language import language_scores

_URL = r"(?:https?://|www\.)\S+"
_ONLY_URLS = re.compile(rf"^\W*(?:\[?\d{{1,3}}\]?\.?\s*)?(?:{_URL}\s*)+\W*$", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]")

# A whole (short) line matching one of these is boilerplate.
_LINE_PATTERNS = [
    r"^share (?:this|on|via)\b",
    r"^(?:share|tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|partager|imprimer)\W*$",
    r"\bsubscribe\b|\bsubscription\b|\bnewsletter\b|\bsign up\b|\babonnez-vous\b|\bs'abonner\b|"
    r"\binscrivez-vous\b|enter your e-?mail|your email address|votre adresse e-?mail",
    r"\bfollow us\b|\bsuivez-nous\b|\bfollow \w+ on (?:twitter|x|facebook|linkedin)",
    r"\bcookies?\b.*\b(?:use|accept|policy|consent|settings|utilisons|accepter)\b|"
    r"\b(?:use|accept|policy|consent)\b.*\bcookies?\b",
    r"^(?:please )?(?:enter|leave) (?:your|a) (?:comment|name|reply)|^comments?\s*(?:\(\d+\))?\W*$|"
    r"^\d+\s+comments?$|^leave a (?:comment|reply)|^more from (?:the )?author\W*$",
    r"^(?:read|see) (?:also|more)\b|^keep reading\W*$|^continue reading\b|^(?:à )?lire aussi\b|"
    r"^lire (?:la suite|plus)\b|^voir aussi\b|^related\s*:|^recommended\s*:|^also read\b",
    r"^(?:previous|next|older|newer) (?:article|post|story)\b|^article (?:précédent|suivant)\b",
    r"^(?:photo|image|picture|credit|crédit|crédits|illustration|caption|légende|source photo)\s*:",
    r"\b(?:photo|image|map|carte|credit|crédit)\s*:\s*[\w .,&/'-]{1,60}$",
    r"^©|^\(c\)\s|copyright\b|all rights reserved|tous droits réservés",
    r"pic\.twitter\.com|\bt\.co/\w+",
    r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s*(?:\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+\.? \d{4})?\s*$",
    r"this image is ai-generated|for illustrative purposes only|fictional representation",
    r"^\(?with inputs from agencies\.?\)?$|^reuse this content$|^lire en français$|^read in english$|"
    r"^lecture du monde en cour|^translation of an original article\b|^\(?this story has not been edited\b",
    r"^(?:infobox|left menu|menu|home|advertisement|advertisements|publicité|skip to (?:main )?content|search|"
    r"e-paper|trending|top stories|latest news|most read|popular)\W*$",
    r"^(?:published on|updated on|publié le|mis à jour le)\s*:?\s*$|^\d+\s*(?:mins?|minutes?)(?: read)?$",
    r"^data cutoff\s*:|^author\s*:|^by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$|^source\s*:\s*\S.{0,60}$",
    r"\b(?:news desk|staff reporter)\b.*\|",
    r"^\w+(?: \w+){0,3} reported from [A-Z][\w ,]+\.?$|^\(?reporting by\b|^\(?editing by\b",
    r"^map updated\b|^figure \d+\.",
    r"^(?:page|p\.)?\s*\d{1,3}(?:\s*(?:of|/|sur|de)\s*\d{1,3})?$",  # page numbers (PDF)
    r"^about [\w .'-]{2,60} \d+ articles?\b",
    r"^edit$|^\[edit\]$|^modifier$",
]
_INFOBOX_FIELD = re.compile(r"^[-*•]\s*[\w ()'/-]{1,40}:\s")
_LINE_RES = [re.compile(p, re.IGNORECASE) for p in _LINE_PATTERNS]
_MAX_BOILERPLATE_LINE = 260

# A heading that starts a block of non-body lines running to the end of the text.
_TAIL_HEADINGS = re.compile(
    r"^\W*(?:references|notes|footnotes|sources|bibliography|external links|see also|further reading|"
    r"références|notes et références|liens externes|voir aussi|bibliographie)\W*$",
    re.IGNORECASE,
)
# A heading followed by a list of teaser lines (each short): dropped with its list.
_LIST_HEADINGS = re.compile(
    r"^\W*(?:related(?: articles| posts| stories| news| content)?|you may also like|you might also like|"
    r"more (?:stories|news|articles)|recommended(?: for you)?|read more|also read|latest|"
    r"sur le même sujet|à lire aussi|dans la même rubrique|articles similaires|les plus lus)\W*$",
    re.IGNORECASE,
)
_TEASER_MARKERS = re.compile(r"^\W*(?:previous|next) (?:article|post)\W*$|^article (?:précédent|suivant)\W*$",
                             re.IGNORECASE)
_AUTHOR_BOX = re.compile(r"^about [\w .'-]{2,60} \d+ articles?\b", re.IGNORECASE)
_WIKI_HEADING = re.compile(r"^\s*(=+)\s*(.+?)\s*\1\s*$")
_EMOJI_START = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\U0001F1E6-\U0001F1FF]")


def is_boilerplate_line(line: str) -> bool:
    """Whether one line, on its own, is page furniture rather than article text."""
    s = line.strip()
    if not s:
        return False
    if _ONLY_URLS.match(s):
        return True
    if len(s) > _MAX_BOILERPLATE_LINE:
        return False
    if any(r.search(s) for r in _LINE_RES):
        return True
    # a line that is only a date, a date with a weekday, or "X | date" (page headers, bylines)
    dates = find_dates(s)
    if dates and len(s) <= 60:
        rest = s
        for d in reversed(dates):
            rest = rest[: d.start] + rest[d.end :]
        if len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)) <= 2:
            return True
    return False


def _is_teaser(line: str) -> bool:
    s = line.strip()
    return bool(s) and (len(s) <= 160 or _ONLY_URLS.match(s) is not None)


def _foreign(line: str, language: str) -> bool:
    en, fr = language_scores(line)
    return (fr > en) if language == "en" else (en > fr)


def clean_text(text: str, title: str | None = None, language: str = "en") -> str:
    """``text`` with boilerplate lines and blocks removed; paragraphs kept, separated by blank lines."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    keep = [True] * len(lines)
    n = len(lines)
    seen: set[str] = set()
    i = 0
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if _TAIL_HEADINGS.match(s) or (_AUTHOR_BOX.match(s) and i > n // 2):
            for j in range(i, n):
                keep[j] = False
            break
        if _LIST_HEADINGS.match(s) or _TEASER_MARKERS.match(s):
            keep[i] = False
            j = i + 1
            budget = 12 if _LIST_HEADINGS.match(s) else 1
            while j < n and budget > 0:
                t = lines[j].strip()
                if t and not _is_teaser(t):
                    break
                if t:
                    budget -= 1
                keep[j] = False
                j += 1
            i = j
            continue
        if is_boilerplate_line(s):
            keep[i] = False
            if s.lower().rstrip(" :") == "infobox":
                # a wiki infobox: "- Key: value" summary lines the article body tells again in prose
                j = i + 1
                while j < n and (not lines[j].strip() or _INFOBOX_FIELD.match(lines[j].strip())):
                    keep[j] = False
                    j += 1
                i = j
                continue
            # an embedded tweet: its text sits on the lines just above the attribution / pic.twitter line
            if "pic.twitter.com" in s or re.search(r"\(@\w+\)", s):
                k = i - 1
                while k >= 0 and k >= i - 3:
                    t = lines[k].strip()
                    if not t:
                        k -= 1
                        continue
                    if not keep[k] or _EMOJI_START.match(t) or _foreign(t, language) or "pic.twitter" in t:
                        keep[k] = False
                        k -= 1
                        continue
                    break
            i += 1
            continue
        key = re.sub(r"\W+", " ", s.lower()).strip()
        if len(key) > 25 and key in seen:
            keep[i] = False
        seen.add(key)
        i += 1

    out: list[str] = []
    for ln, k in zip(lines, keep, strict=True):
        if not k:
            continue
        m = _WIKI_HEADING.match(ln)
        if m:
            ln = m.group(2)
        ln = _FOOTNOTE_MARK.sub("", ln)
        out.append(ln)
    cleaned = "\n".join(out)
    cleaned = re.sub(r"[ \t]+\n", "\n", cleaned)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()
