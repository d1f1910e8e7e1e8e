"""The repair component: the final choice among all candidates, written to ``doc.ents``.

Every other component only proposes candidates; this one chooses non-overlapping ones
(:func:`docgraph.ner.candidates.select`), drops what can never name an entity, merges a
person's name the model split in two, and types "X by Y" as a work by its maker.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from docgraph.lexicon import Lexicon, common_words, lexicon_setting
from docgraph.names import looks_like_acronym
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.heads import head_only
from docgraph.ner.model import model_candidates_of
from docgraph.ner.tokens import (
    CAMEL,
    lower_words,
    name_like,
    proper_word,
    sentence_starts,
    words,
)
from docgraph.vocab import coarse_type


class Repair:
    """Choose among all candidates and the model's entities; write ``doc.ents``.

    Trims determiners and possessives, drops what can never be an entity (technologies,
    roles, numbers), merges a person's name the model split in two, and types "X by Y"
    as a work by its maker.
    """

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)
        # The pipeline's lemmatizer, enabled or not, for the few verbs read here.
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names \
            else None
        self._lemmatize: Callable[[Token], list[str]] | None = getattr(
            lemmatizer, "lemmatize", None)

    def _lemma(self, token: Token) -> str:
        if token.lemma_ or self._lemmatize is None:
            return token.lemma_ or token.lower_
        return self._lemmatize(token)[0]

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        model = _outside_headings(doc, model_candidates_of(doc, self.lexicon))
        model = _placed(doc, _proper(doc, _in_english(doc, _not_slogans(doc, model,
                                                                         self.lexicon))))
        model = _datelines(doc, _named_people(doc, _businesses(doc, model, self.lexicon),
                                              self.lexicon))
        model = _split_coordinations(doc, _holders(doc, model))
        # "facial recognition technology (FRT)": the model's "FRT" names nothing.
        terms = doc.user_data.get(cands.TERMS, frozenset())
        model = [c for c in model if doc[c.start : c.end].text not in terms]
        found = _merge_split_names(doc, cands.candidates(doc) + model)
        chosen = [c for c in cands.select(found) if keep(doc, c, self.lexicon)]
        chosen = _vouched_headings(doc, chosen, self.lexicon)
        chosen = _list_mates(doc, _listed_kinds(doc, chosen, self.lexicon))
        chosen = _made_by(doc, chosen)
        chosen = _made_things(doc, chosen, self.lexicon, self._lemma)
        doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in chosen]
        inner = _inside_posts(doc, chosen, found, self.lexicon)
        inner += _chaired_remits(doc, chosen, inner, self.lexicon)
        inner = [c for c in inner if doc[c.start : c.end].text not in self.lexicon.not_entities]
        doc.user_data[cands.MENTIONS] = sorted(chosen + inner,
                                               key=lambda c: (c.start, -c.end))
        return doc


# What may stand between the names of a list after "such as".
_LIST_GLUE = frozenset({",", "and", "or", "the", "as", "well", "&"})


def _listed_kinds(doc: Doc, chosen: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Names listed after a common noun and "such as" are of the noun's kind.

    "programmes such as Abang Teksi", "cities like Jakarta and Ho Chi Minh": the
    model's guess at such a name gives way to the noun's class (the lexicon's
    ``hypernyms``); a name typed by its own words or known to a gazetteer keeps its own.
    """
    if not lexicon.hypernyms or not chosen:
        return chosen
    texts = words(doc)
    at = {c.start: index for index, c in enumerate(chosen)}
    out = list(chosen)
    for index, word in enumerate(texts):
        if word == "such" and index + 1 < len(texts) and texts[index + 1] == "as":
            position = index + 2
        elif word in ("like", "including"):
            position = index + 1
        else:
            continue
        noun = index - 1
        if noun >= 0 and texts[noun] == ",":
            noun -= 1
        label = lexicon.hypernyms.get(texts[noun]) if noun >= 0 else None
        if label is None:
            continue
        while position < len(texts):
            number = at.get(position)
            if number is None:
                if texts[position] not in _LIST_GLUE:
                    break
                position += 1
                continue
            candidate = out[number]
            if candidate.source == "model" and not candidate.typed_by_head:
                out[number] = cands.relabel(candidate, label)
            position = candidate.end
    return out


def _list_mates(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """A name in a list of things of one kind is of that kind too.

    "Jakarta, London, Bangalore and Ho Chi Minh": when the other names of a list of
    three or more are all of one coarse class by firmer evidence than the model's (a
    gazetteer, a head noun, a definition), a name only the model typed takes their
    most common class.
    """
    out = list(chosen)
    starts = sentence_starts(doc)
    texts = words(doc)
    run: list[int] = []
    for number in range(len(out) + 1):
        if number < len(out) and run:
            gap = texts[out[run[-1]].end : out[number].start]
            if gap and all(w in (",", "and", "or", "&") for w in gap) and \
                    bisect_right(starts, out[number].start) == \
                    bisect_right(starts, out[run[-1]].start):
                run.append(number)
                continue
        if len(run) >= 3:
            firm = [out[i] for i in run if out[i].source != "model" or out[i].typed_by_head]
            kinds = {coarse_type(c.label) for c in firm}
            if len(firm) >= 2 and len(kinds) == 1 and kinds != {"Post"}:
                labels = [c.label for c in firm]
                label = max(sorted(set(labels)), key=labels.count)
                for i in run:
                    c = out[i]
                    if c.source == "model" and not c.typed_by_head and \
                            coarse_type(c.label) not in kinds:
                        out[i] = cands.relabel(c, label)
        run = [number] if number < len(out) else []
    return out


def _in_headings(doc: Doc) -> Callable[[int], bool] | None:
    """Whether a character offset falls in one of the doc's headings (None: no heading)."""
    headings = sorted(doc.user_data.get(cands.HEADINGS, ()))
    if not headings:
        return None
    starts = [start for start, _ in headings]

    def in_heading(offset: int) -> bool:
        # Headings do not overlap, so only the last one starting before the offset counts.
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < headings[index][1]

    return in_heading


def _outside_headings(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """The model's untyped names in title-case headings are mostly capitalised words."""
    in_heading = _in_headings(doc)
    if in_heading is None:
        return found
    return [c for c in found if c.typed_by_head or not in_heading(doc[c.start].idx)]


_OPENING_QUOTES = frozenset({"“", '"', "‘", "'", "``"})


def _not_slogans(doc: Doc, found: list[cands.Candidate], lexicon: Lexicon
                 ) -> list[cands.Candidate]:
    """Drop the model's names that open a quoted slogan.

    'The theme of this year's event is "Innovate with Trust"': a theme, tagline or
    motto in quotes is a phrase, not the name of a body or a work.
    """
    def slogan(candidate: cands.Candidate) -> bool:
        quote = candidate.start - 1
        if quote < 0 or doc[quote].text not in _OPENING_QUOTES:
            return False
        sentence_start = doc[quote].sent.start
        return any(t.lower_ in lexicon.slogan_cues
                   for t in doc[max(sentence_start, quote - 8) : quote])

    return [c for c in found if not slogan(c)]


def _vouched_headings(doc: Doc, chosen: list[cands.Candidate], lexicon: Lexicon
                      ) -> list[cands.Candidate]:
    """Drop names of common words that only a title-case heading capitalises.

    In a heading "Implementation Plan" and "Building Trust" are capitalised like every
    other word; such a name stands only if the page's text writes it so too.
    """
    in_heading = _in_headings(doc)
    if in_heading is None:
        return chosen
    doubtful = {c for c in chosen if c.source in ("names", "model") and
                in_heading(doc[c.start].idx) and
                _common_words_only(doc[c.start : c.end], lexicon)}
    if not doubtful:
        return chosen
    vouched = {doc[c.start : c.end].text for c in chosen
               if c not in doubtful and not in_heading(doc[c.start].idx)}
    return [c for c in chosen if c not in doubtful or doc[c.start : c.end].text in vouched]


def _businesses(doc: Doc, found: list[cands.Candidate], lexicon: Lexicon
                ) -> list[cands.Candidate]:
    """The model's person whose last word is a business's is a business.

    "Alibaba Cloud", "Informa Tech", "Marco Global Payroll": no one's surname is "Cloud".
    """
    return [cands.relabel(c, "Organization") if c.label == "Person" and
            doc[c.end - 1].text in lexicon.business_words else c for c in found]


def _named_people(doc: Doc, found: list[cands.Candidate], lexicon: Lexicon
                  ) -> list[cands.Candidate]:
    """The model's names made of the words of a person the page names are that person.

    "Mrs Elaine Ng ... As an advocate of partnerships, Elaine has ...": the model reads
    the given name alone as a body; a name whose every word is a word of a name found
    after an honorific on the same page is a person's.
    """
    known = {t.text for c in cands.candidates(doc) if c.label == "Person" and
             c.source == "people" for t in doc[c.start : c.end]
             if t.is_alpha and t.text[:1].isupper() and t.text not in lexicon.honorific_words}
    if not known:
        return found
    return [cands.relabel(c, "Person") if c.label != "Person" and not c.typed_by_head and
            c.end - c.start <= 3 and all(t.text in known for t in doc[c.start : c.end])
            else c for c in found]


def _holders(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """A name right after a post is its holder's, whatever the model typed it.

    "Deputy Secretary-General of the Organisation for Economic Cooperation and
    Development (OECD) Ulrik Vestergaard Knudsen": nothing but the body's acronym in
    brackets stands between the post and the name, so the name is a person's. Names the
    gazetteers or a head noun ("... Authority") typed keep their type.
    """
    ends: set[int] = set()
    for post in cands.candidates(doc):
        if post.label != "Post" or post.source != "posts":
            continue
        end = post.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            end += 3  # "(OECD)"
        ends.add(end)
    if not ends:
        return found
    return [cands.relabel(c, "Person")
            if c.start in ends and c.label != "Person" and not c.typed_by_head and
            2 <= c.end - c.start <= 4 and all(t.is_alpha and t.text[:1].isupper()
                                              for t in doc[c.start : c.end])
            else c for c in found]


def _datelines(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """A name in a dateline is a place: "BRUSSELS, 3 May 2024 –", "WASHINGTON – Today".

    The model reads a city in capitals as a body or a person. A dateline is one the
    cleaner marked, or a word in capitals opening one of the first blocks before a
    spaced dash.
    """
    quiet = sorted(doc.user_data.get(cands.QUIET, ()))
    starts = [start for start, _ in quiet]
    openings = {start for start, *_ in doc.user_data.get(cands.BLOCKS, ())[:_DATELINE_BLOCKS]}

    def in_dateline(candidate: cands.Candidate) -> bool:
        first, last = doc[candidate.start], doc[candidate.end - 1]
        index = bisect_right(starts, first.idx) - 1
        if index >= 0 and last.idx < quiet[index][1]:
            return True
        opening = first.idx in openings or (candidate.start > 0 and
                                            doc[candidate.start - 1].is_space and
                                            doc[candidate.start - 1].idx in openings)
        return opening and candidate.end - candidate.start <= 2 and \
            doc[candidate.start : candidate.end].text.isupper() and \
            candidate.end < len(doc) and doc[candidate.end].text in ("–", "—", "-") and \
            bool(last.whitespace_)

    return [cands.relabel(c, "Place") if c.label in ("Organization", "Person", "Work")
            and in_dateline(c) else c for c in found]


def _in_english(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """Drop the model's names in sentences that are not English.

    Pages quote Malay, Tamil or Chinese; an English model reads capitalised words there
    as names ("Jadi hal ini", "Muzika Ekstravaganza"). A sentence is English when at
    least a third of its lower-case words are English words.
    """
    if not found:
        return found
    common = common_words()
    texts = words(doc)
    # Read as arrays, sentence by sentence as Doc.sents cuts them: building a Token for
    # each word cost more than the test.
    starts = sentence_starts(doc)
    table = doc.to_array(["IS_ALPHA", "IS_LOWER", "IS_STOP"]).tolist()
    foreign: set[int] = set()
    for start, end in itertools.pairwise([*starts, len(doc)]):
        lower = [i for i in range(start, end)
                 if table[i][0] and table[i][1] and len(texts[i]) >= 3]
        if len(lower) >= 5 and \
                3 * sum(bool(table[i][2]) or texts[i] in common for i in lower) < len(lower):
            foreign.add(start)
    if not foreign:
        return found
    return [c for c in found if starts[bisect_right(starts, c.start) - 1] not in foreign]


# Blocks of a page that may open with a dateline.
_DATELINE_BLOCKS = 4

# Words before a place's name that say it is a place: "in Brisbane", "at Cannes".
_LOCATIVES = frozenset({"in", "at", "from", "near", "across", "around", "outside",
                        "within", "throughout"})


def _placed(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """Keep the model's one-word places that the text shows to be places.

    Alone, the small model's one-word places are mostly not ("Workato", "Razer",
    "Pinterest", "Covid"): one is kept after a locative word ("in Brisbane") or in a
    list with a place the gazetteer knows ("Jakarta, Bandung and Yogyakarta").
    """
    known = {i for c in cands.candidates(doc) if c.source == "gazetteer" and
             coarse_type(c.label) in ("Place", "Country") for i in range(c.start, c.end)}
    doubtful = []
    kept = []
    for candidate in found:
        index = candidate.start
        if candidate.label != "Place" or candidate.end - index != 1:
            kept.append(candidate)
        elif index > 0 and doc[index - 1].lower_ in _LOCATIVES:
            kept.append(candidate)
            known.add(index)
        else:
            doubtful.append(candidate)
    # A list's places vouch for each other, one after the other: a pass left to right
    # carries a known place's word to the places after it, one right to left to those
    # before it.
    doubtful.sort(key=lambda c: c.start)
    for ordered in (doubtful, reversed(doubtful)):
        for candidate in ordered:
            index = candidate.start
            if index not in known and any(
                    j in known and doc[(index + j) // 2].text in (",", "and")
                    for j in (index - 2, index + 2)):
                kept.append(candidate)
                known.add(index)
    return sorted(kept, key=lambda c: c.start)


def _proper(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    """Drop the model's untyped names made of words the document writes in lower case.

    "Digital Government", "Research", "Tech": their capitals are emphasis or a title,
    not a name.
    """
    lower = lower_words(doc)
    return [c for c in found if c.typed_by_head or not all(
        t.lower_ in lower for t in doc[c.start : c.end] if t.is_alpha)]


def _split_coordinations(doc: Doc, model: list[cands.Candidate]) -> list[cands.Candidate]:
    """The model's one name over "A B and C D" is two names when both sides are names.

    "Raffles Medical and Mount Alvernia Hospital": two or more capitalised words on each
    side. One word on a side is a name's own "and" ("Procter and Gamble", "Marks and
    Spencer") or a remit ("Info-communications and Media Development Authority").
    """
    out = []
    for candidate in model:
        joints = [i for i in range(candidate.start + 1, candidate.end - 1)
                  if doc[i].lower_ in ("and", "&")]
        if len(joints) != 1 or coarse_type(candidate.label) not in ("Organization", "Work"):
            out.append(candidate)
            continue
        joint = joints[0]
        left, right = doc[candidate.start : joint], doc[joint + 1 : candidate.end]
        if all(len(side) >= 2 and all(t.text[:1].isupper() for t in side if t.is_alpha)
               and not any(t.lower_ in ("of", "for", "on") for t in side)
               for side in (left, right)):
            out += [cands.Candidate(candidate.start, joint, candidate.label, "model"),
                    cands.Candidate(joint + 1, candidate.end, candidate.label, "model")]
        else:
            out.append(candidate)
    return out


def _merge_split_names(doc: Doc, found: list[cands.Candidate]) -> list[cands.Candidate]:
    people = sorted((c for c in found if c.label == "Person" and c.source == "model"),
                    key=lambda c: c.start)
    merged = []
    for left, right in itertools.pairwise(people):
        if left.end == right.start and doc[left.end - 1].whitespace_:
            merged.append(cands.Candidate(left.start, right.end, "Person", "model"))
    return found + merged


def _inside_posts(doc: Doc, chosen: list[cands.Candidate], found: list[cands.Candidate],
                  lexicon: Lexicon) -> list[cands.Candidate]:
    """Names inside a post, a body or a meeting are mentions too.

    "Secretary-General of ASEAN", "Cambodia Prime Minister": the body and the place a
    post names. "Ministry of Communications and Information of Singapore": the country a
    body is of. "9th Meeting of the ASEAN Working Group on AI": the body it is of.
    ``doc.ents`` cannot nest, so these appear only among the mentions.
    """
    outers = sorted((c for c in chosen if c.label == "Post" or (
        coarse_type(c.label) in ("Organization", "Meeting") and c.end - c.start > 2)),
        key=lambda c: c.start)
    starts = [c.start for c in outers]
    inner = []
    for candidate in found:
        if candidate.anaphor or candidate.source not in (
                "gazetteer", "names", "acronym-definition", "acronym", "meetings", "model"):
            continue
        position = bisect_right(starts, candidate.start) - 1
        outer = outers[position] if position >= 0 else None
        if outer is None or not outer.contains(candidate):
            continue
        if candidate.source == "model" and not (
                candidate.typed_by_head and coarse_type(outer.label) == "Meeting"):
            continue  # the model's untyped names inside a name are mostly its words
        if coarse_type(outer.label) == "Meeting":
            # "the 9th Meeting of the ASEAN Working Group on Data Governance": the body a
            # meeting is of is named in its complement.
            if coarse_type(candidate.label) == "Organization" and \
                    doc[candidate.start - 1].text in ("of", "the") and \
                    candidate.start > outer.start + 1:
                inner.append(candidate)
        elif outer.label == "Post":
            # "Minister of Digital Economy and Society of ...": a name starting after
            # "and" inside a post is a piece of the post's remit, not a body; a post
            # names bodies, places and meetings, never a work ("Project Manager"); a
            # place whose name goes on in the post is a piece of another ("Member of
            # Parliament for Choa Chu Kang GRC").
            goes_on = candidate.end < outer.end and \
                lexicon.heads.get(doc[candidate.end].text) == "Place"
            if not goes_on and not (candidate.source == "names" and candidate.start > 0
                    and doc[candidate.start - 1].text in ("and", "&")) and \
                    coarse_type(candidate.label) in ("Organization", "Country", "Place",
                                                     "Meeting"):
                inner.append(candidate)
        elif candidate.source in ("gazetteer", "acronym") and candidate.end == outer.end and \
                coarse_type(candidate.label) in ("Country", "Place", "Organization") and \
                doc[candidate.start - 1].lower_ in ("of", "the"):
            inner.append(candidate)  # "... of Singapore", "Board of the GovTech"
        elif candidate.source in ("gazetteer", "acronym") and \
                candidate.start == outer.start and candidate.end < outer.end and \
                coarse_type(candidate.label) == "Organization":
            inner.append(candidate)  # "IMDA Board"
    return cands.select(inner)


def _chaired_remits(doc: Doc, chosen: list[cands.Candidate], inner: list[cands.Candidate],
                    lexicon: Lexicon) -> list[cands.Candidate]:
    """What a chair's post names after "of" is a body, when nothing else named it.

    "Chairperson of SG Women in Tech": a chair chairs something, and a capitalised name
    that no gazetteer, head noun or model guess typed is a body by that. Not a head
    noun alone ("Chairman of the Board": the board the page names elsewhere).
    """
    found = []
    for post in chosen:
        if post.label != "Post":
            continue
        start = next((i for i in range(post.start + 1, post.end) if doc[i].text == "of"),
                     post.end)
        title = doc[post.start : start].text.replace(" - ", "-")
        # "Co-Chair of", "Global Vice-Chair of": the title's last words are a chair's.
        if start >= post.end or not any(title == t or title.endswith(" " + t)
                                        for t in lexicon.chair_titles):
            continue
        start += 2 if start + 1 < post.end and doc[start + 1].text == "the" else 1
        if start >= post.end or not name_like(doc[start]) or \
                any(c.start < post.end and c.end > start for c in inner) or \
                head_only(doc, start, post.end, lexicon) or \
                _common_words_only(doc[start : post.end], lexicon):
            continue  # "Chairman of Research": a field, not a name
        found.append(cands.Candidate(start, post.end, "Organization", "posts"))
    return found


def _made_by(doc: Doc, chosen: list[cands.Candidate]) -> list[cands.Candidate]:
    """In "PhoGPT by VinAI", the first name is a work and the second its maker."""
    out = list(chosen)
    for index, first in enumerate(chosen[:-1]):
        after = first.end
        if after < len(doc) and doc[after].text == "by":
            nxt = chosen[index + 1]
            gap = doc[after + 1 : nxt.start]
            if all(t.text in ("the", "The") for t in gap) and \
                    first.label in ("Organization", "Company") and not first.typed_by_head \
                    and nxt.label not in ("Country", "Place", "Meeting"):
                out[index] = cands.relabel(first, "Product")
    return out


def _made_things(doc: Doc, chosen: list[cands.Candidate], lexicon: Lexicon,
                 lemma: Callable[[Token], str]) -> list[cands.Candidate]:
    """A name nobody proposed, made by someone: "SEA-LION was developed by AI Singapore".

    The subject of a passive verb of making with a "by" agent, capitalised and with no
    determiner, names a product: a common noun there would take one ("The sailor was
    ...").
    """
    if not doc.has_annotation("DEP"):
        return chosen
    taken = {i for c in chosen for i in range(c.start, c.end)}
    added = []
    # A Token is built only for the passive subjects, found in the array of labels.
    passive = doc.vocab.strings.add("nsubjpass")
    subjects = [i for i, dep in enumerate(doc.to_array("DEP").tolist()) if dep == passive]
    for token in (doc[i] for i in subjects):
        if token.i in taken or \
                lemma(token.head) not in lexicon.made_verbs or \
                not any(c.dep_ == "agent" for c in token.head.children) or \
                any(c.dep_ in ("det", "poss") for c in token.children):
            continue
        start = token.left_edge.i
        words = doc[start : token.i + 1]
        if any(t.i in taken or not t.text[:1].isupper() for t in words if t.is_alpha) or \
                token.tag_ != "NNP" or token.text in lexicon.not_entities:
            continue
        if start == token.i and token.is_sent_start and not proper_word(token):
            continue  # "Guidance was developed by ...": a sentence's capital, a common noun
        added.append(cands.Candidate(start, token.i + 1, "Product", "names"))
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


def keep(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a candidate can name an entity at all (not a technology, role, number)."""
    text = doc[candidate.start : candidate.end].text
    # A bare title is no entity ("the CEO said"), but the posts component finds one only
    # said of a person ("Mr Peter Ho, CEO, HOPE Technik"): then it is the post held.
    said_of_someone = candidate.label == "Post" and candidate.source == "posts"
    if (text in lexicon.not_entities and not said_of_someone) or \
            not any(c.isalpha() for c in text) or \
            any(pattern.search(text) for pattern in lexicon.not_entity_patterns):
        return False
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        # a piece cut across brackets or quotes: "TeSA) for ITE and Polytechnics",
        # "Smart Ah Ma Top Picks” Roadshows"
        return False
    if _FILE_OR_URL.search(text):
        return False  # a link's address or a file's name: "Closing Note%20bill.pdf"
    if not (text[0].isupper() or text[0].isdigit() or CAMEL.match(text)) and \
            candidate.label != "Meeting":
        return False
    if candidate.start > 0 and doc[candidate.start - 1].lower_ in ("a", "an") and \
            candidate.source not in ("gazetteer", "people", "acronym-definition") and \
            coarse_type(candidate.label) != "Work" and \
            _common_words_only(doc[candidate.start : candidate.end], lexicon):
        # "a Living Lab": one of a kind. A work in the making is named so ("work on an
        # AI Governance Playbook").
        return False
    if candidate.source == "model":
        return _model_name(doc, candidate, lexicon)
    # "the Premier League Seasons": a title word, then common words, is nobody's name.
    return not (candidate.source == "people" and candidate.honorific in lexicon.titles
                and _common_words_only(doc[candidate.start : candidate.end], lexicon))


# Capitalised small words that a person's name never holds: a name running over them
# is a title-case heading ("Vivian Balakrishnan Interview With Bloomberg On").
_NOT_IN_NAMES = frozenset({"With", "On", "In", "At", "For", "Of", "And", "The", "To",
                           "From", "By", "About", "Interview", "Speech", "Remarks"})


_FILE_OR_URL = re.compile(r"%[0-9A-Fa-f]{2}|\.(?:pdf|docx?|xlsx?|pptx?|html?|jpe?g|png)\b|"
                          r"https?://|www\.", re.IGNORECASE)
# Small words a name of common words may hold: "Cloud & Mobility", "Air and Sea".
_GLUE = frozenset({"&", "and", "of", "the", "for", "-", "in", "on"})


def _common_words_only(span: Span, lexicon: Lexicon) -> bool:
    """Whether every word is a common English word capitalised ("Active Ageing").

    Capitals on such words are a title's or a heading's; a name has at least one word
    that is mostly written capitalised ("Kennedy Round", "Netflix"), in capitals
    ("PKI") or in camel case ("YouTube"). Terms that never name an entity alone count
    as common words ("AI Governance").
    """
    common = common_words()
    words = [t for t in span if t.lower_ not in _GLUE and not t.is_punct]
    return bool(words) and not all(t.text in lexicon.not_entities for t in words) and all(
        t.text in lexicon.not_entities or (
            t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() and
            t.lower_ in common) for t in words)


_POSSESSIVE_PRONOUNS = frozenset({"my", "our", "your", "his", "her", "their", "its"})


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Where each word of the doc is, read once per doc."""
    key = "docgraph.repair.positions"
    found: dict[str, list[int]] | None = doc.user_data.get(key)
    if found is None:
        found = {}
        for index, word in enumerate(words(doc)):
            found.setdefault(word, []).append(index)
        doc.user_data[key] = found
    return found


def _only_attributive(doc: Doc, text: str) -> bool:
    """Whether every use of a word on the page is before a lower-case noun it qualifies.

    "some of the RHQ functions", "the TIC industry": a word used only so names a kind of
    thing; a body's acronym is also written alone ("IMDA said", "by IMDA").
    """
    texts = words(doc)
    # A closing quote may stand between: '"ABC" company'.
    nouns = [i + 2 if i + 2 < len(texts) and texts[i + 1] in ("”", '"', "’", "'") else i + 1
             for i in _positions(doc).get(text, ())]
    return bool(nouns) and all(
        i < len(texts) and texts[i].islower() and doc[i].pos_ == "NOUN" for i in nouns)


def _model_name(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether the model's entity is a name, not a common word or a piece of a word.

    Dropped: a piece of a word ("SG" of "Parking.SG"); one capitalised common word
    ("Understand", "Equip", "Tokens": the tagger does not call it a proper noun); a
    name made only of common words ("Air Conditioning", "Active Ageing"); a person's
    name running over a title-case heading.
    """
    first = doc[candidate.start]
    if candidate.start > 0 and not doc[candidate.start - 1].whitespace_ and \
            (doc[candidate.start - 1].text[-1:].isalnum() or doc[candidate.start - 1].text
             in (".", "-", "/")):
        return False
    if candidate.end - candidate.start == 1 and first.tag_ and \
            first.tag_ not in ("NNP", "NNPS") and not first.is_upper and \
            not CAMEL.match(first.text):
        return False
    # People too: "App Store", "Cloud Computing", "Volunteer Lawyer" are no one's names.
    if not candidate.typed_by_head and \
            _common_words_only(doc[candidate.start : candidate.end], lexicon):
        return False
    names = [t.text for t in doc[candidate.start : candidate.end]]
    if names[0].lower() in _POSSESSIVE_PRONOUNS:
        return False  # "My Ministry has voiced ...": a speaker's own body, not its name
    if candidate.label == "Person" and any(c.isdigit() for w in names for c in w):
        return False  # "Healthy 365": no one's name has a number
    if len(names) == 1 and looks_like_acronym(names[0]) and _only_attributive(doc, names[0]):
        return False  # "the RHQ functions", "LSP contracts": a kind, said of a noun
    return not (candidate.label == "Person" and (
        len(doc[candidate.start : candidate.end].text) < 2 or
        any(t.text in _NOT_IN_NAMES for t in doc[candidate.start + 1 : candidate.end])))
