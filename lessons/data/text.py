"""Text datasets made offline from seeded templates: dates, dinosaur names, an embedding
corpus and emoji sentences."""
import datetime
import re
from typing import NamedTuple

import numpy as np
from babel import Locale
from babel.dates import format_date
from faker import Faker
from faker.providers.person.en_US import Provider as _EnglishNames


def _pick(words, rng):
    """One element of `words`, chosen by `rng`."""
    return words[rng.integers(len(words))]


# ---------------------------------------------------------------- dates (C5W3, C5W4)

# CLDR patterns; the course wrote 'YYY', the week-numbering year, which puts the last days of
# December into the next year (30 Dec 2019 -> "30 dec 2020"). 'yyy' is the calendar year.
DATE_FORMATS = ("short", "medium", "long", "full", "d MMM yyy", "d MMMM yyy", "dd MMM yyy",
                "d MMM, yyy", "d MMMM, yyy", "dd, MMM yyy", "d MM yy", "MMMM d yyy",
                "MMMM d, yyy", "dd.MM.yy")
_LOCALE = Locale.parse("en_US")
_LAST_DAY = datetime.datetime(2030, 1, 1)  # dates run 1970-01-01 .. 2029-12-31, so "yy" is unambiguous


class Dates(NamedTuple):
    pairs: list              # [(human, machine)], e.g. ("saturday may 9 1998", "1998-05-09")
    human_vocab: dict        # char -> index: the sorted characters, then '<unk>', '<pad>'
    machine_vocab: dict      # char -> index: '-', '0' .. '9'
    inv_machine_vocab: dict  # index -> char


class DateArrays(NamedTuple):
    X: np.ndarray    # (m, Tx) int32 human_vocab indices, cut at Tx, padded with '<pad>'
    Y: np.ndarray    # (m, Ty) int32 machine_vocab indices
    Xoh: np.ndarray  # (m, Tx, len(human_vocab)) float32 one-hot of X
    Yoh: np.ndarray  # (m, Ty, len(machine_vocab)) float32 one-hot of Y


def _humanize(date, fmt):
    return format_date(date, format=fmt, locale=_LOCALE).lower().replace(",", "")


def _human_vocab():
    """Every character any format can write (all months, weekdays and digits), so the
    vocabulary does not depend on which dates were drawn."""
    days = [datetime.date(2000, month, day) for month in range(1, 13) for day in (1, 2, 3, 4, 5, 6, 7, 29)]
    chars = sorted({c for d in days for fmt in DATE_FORMATS for c in _humanize(d, fmt)})
    return {c: i for i, c in enumerate(chars + ["<unk>", "<pad>"])}


def make_dates(n, seed=0):
    """`n` dates written the way people write them, paired with their ISO form.

    Dates come from a Faker instance seeded from `np.random.default_rng(seed)`; each is
    written in one of DATE_FORMATS (babel, en_US, chosen uniformly), lower-cased, without
    commas. Returns `Dates(pairs, human_vocab, machine_vocab, inv_machine_vocab)`; the
    vocabularies are fixed: 37 and 11 symbols, as in the course.
    """
    rng = np.random.default_rng(seed)
    fake = Faker("en_US")
    fake.seed_instance(int(rng.integers(2**32)))
    formats = rng.choice(len(DATE_FORMATS), size=n)
    pairs = []
    for f in formats:
        date = fake.date_object(end_datetime=_LAST_DAY)
        pairs.append((_humanize(date, DATE_FORMATS[f]), date.isoformat()))
    machine_vocab = {c: i for i, c in enumerate("-0123456789")}
    return Dates(pairs, _human_vocab(), machine_vocab, {i: c for c, i in machine_vocab.items()})


def dates_to_arrays(pairs, human_vocab, machine_vocab, Tx=30, Ty=10):
    """Index and one-hot arrays for (human, machine) pairs: `DateArrays(X, Y, Xoh, Yoh)`.

    Human strings are cut to Tx characters and padded with '<pad>'; characters outside
    human_vocab become '<unk>'. Machine strings must be Ty characters of machine_vocab.
    """
    unk, pad = human_vocab["<unk>"], human_vocab["<pad>"]
    X = np.full((len(pairs), Tx), pad, dtype=np.int32)
    Y = np.zeros((len(pairs), Ty), dtype=np.int32)
    for i, (human, machine) in enumerate(pairs):
        codes = [human_vocab.get(c, unk) for c in human[:Tx]]
        X[i, :len(codes)] = codes
        Y[i] = [machine_vocab[c] for c in machine]
    eye_x = np.eye(len(human_vocab), dtype=np.float32)
    eye_y = np.eye(len(machine_vocab), dtype=np.float32)
    return DateArrays(X, Y, eye_x[X], eye_y[Y])


# ---------------------------------------------------------------- dinosaur names (C5W1)


# The morphemes a dinosaur name is made of: a head, sometimes a middle, and a tail.
DINO_HEADS = ("tyranno", "stego", "brachio", "veloci", "allo", "apato", "diplo", "tricera",
              "pachycephalo", "spino", "ankylo", "iguano", "parasauro", "micro", "mega",
              "archaeo", "ptero", "compso", "dilopho", "giganto", "carno", "cerato", "proto",
              "hadro", "maia", "oviro", "deino", "utah", "lambeo", "edmonto", "styraco",
              "carchar", "acro", "baro", "camara", "cetio", "coelo", "dryo", "euoplo", "gallimi",
              "hetero", "hypsilo", "lepto", "mamenchi", "nodo", "ornitho", "pachy", "plateo",
              "psittaco", "rhabdo", "sauro", "scelido", "segno", "thero", "titano", "troo")
DINO_MIDDLES = ("cerato", "lopho", "odonto", "ptero", "rhino", "chelo", "mega", "nano",
                "brachy", "dolicho", "platy", "macro")
DINO_TAILS = ("saurus", "raptor", "don", "ceratops", "mimus", "nychus", "pteryx", "suchus",
              "titan", "venator", "dromeus", "lophus", "rhinus", "ornis", "cephale", "pelta",
              "saur", "pus", "gnathus", "dactylus", "rex", "odon", "ceras")


def make_dino_names(n=1500, seed=0):
    """`n` distinct, plausible, lower-case dinosaur names: head + (sometimes a middle) + tail
    morphemes from Greek and Latin, e.g. "tyrannoraptor", "stegolophodon". A list of str."""
    rng = np.random.default_rng(seed)
    n_possible = len(DINO_HEADS) * (len(DINO_MIDDLES) + 1) * len(DINO_TAILS)
    if n > n_possible // 2:
        raise ValueError(f"n={n} is more than half of the {n_possible} names the morphemes make")
    names = {}  # a dict keeps the drawing order
    while len(names) < n:
        middle = _pick(DINO_MIDDLES, rng) if rng.random() < 0.3 else ""
        names[_pick(DINO_HEADS, rng) + middle + _pick(DINO_TAILS, rng)] = None
    return list(names)


# ---------------------------------------------------------------- corpus and emoji (C5W2)

def _common_first_names(k):
    """Faker's k most common en_US male and female first names, lower-case."""
    def top(weights):
        return tuple(name.lower() for name, _ in sorted(weights.items(), key=lambda kv: -kv[1])[:k])
    return top(_EnglishNames.first_names_male), top(_EnglishNames.first_names_female)


MALE_NAMES, FEMALE_NAMES = _common_first_names(20)

GENDER_PAIRS = (("king", "queen"), ("prince", "princess"), ("man", "woman"), ("boy", "girl"),
                ("father", "mother"), ("husband", "wife"), ("uncle", "aunt"), ("actor", "actress"))
# What each pair talks about: the two words of a pair share their topics, and only
# he/his/him or she/her tell them apart.
_PAIR_TOPICS = {
    "king": ("throne", "crown", "kingdom", "sceptre", "court"),
    "prince": ("castle", "tournament", "horse", "knight", "dragon"),
    "man": ("office", "job", "car", "newspaper", "briefcase"),
    "boy": ("school", "toys", "playground", "homework", "bicycle"),
    "father": ("garden", "kitchen", "house", "sofa", "recipes"),
    "husband": ("wedding", "marriage", "anniversary", "ring", "honeymoon"),
    "uncle": ("nephew", "niece", "relatives", "visit", "farm"),
    "actor": ("film", "stage", "movie", "theatre", "role"),
}
_PRONOUNS = {"m": ("he", "his", "him"), "f": ("she", "her", "her")}

# (country, capital, nationality, river): the last two tie a capital to its country.
CAPITALS = (("france", "paris", "french", "seine"), ("italy", "rome", "italian", "tiber"),
            ("spain", "madrid", "spanish", "tagus"), ("germany", "berlin", "german", "rhine"),
            ("japan", "tokyo", "japanese", "sumida"), ("china", "beijing", "chinese", "yangtze"),
            ("russia", "moscow", "russian", "volga"), ("egypt", "cairo", "egyptian", "nile"),
            ("greece", "athens", "greek", "kifisos"), ("austria", "vienna", "austrian", "danube"))

POSITIVE_WORDS = ("good", "great", "wonderful", "excellent", "nice", "amazing", "lovely")
NEGATIVE_WORDS = ("bad", "terrible", "awful", "horrible", "boring", "poor", "dreadful")
_REVIEWED = ("movie", "book", "meal", "concert", "hotel", "game", "show", "trip")

# Emoji classes: 0 heart/love, 1 sport, 2 happy, 3 sad, 4 food.
EMOJI_CLASSES = ("love", "sport", "happy", "sad", "food")
_EMOJI_WORDS = {
    "sport": ("baseball", "football", "tennis", "basketball", "soccer", "golf", "hockey"),
    "food": ("pizza", "pasta", "sushi", "burgers", "salad", "soup", "pancakes", "cake"),
    "happy": ("happy", "glad", "cheerful", "joyful", "delighted"),
    "sad": ("sad", "upset", "unhappy", "miserable", "lonely"),
    "love": ("love", "adore", "cherish"),
    "meal": ("breakfast", "lunch", "dinner"),
}
_EMOJI_TEMPLATES = (
    ("i {love} you {name}", "{name} i {love} you so much", "my heart belongs to {name}",
     "{name} is the love of my life", "i {love} you my dear", "{name} and i are in love"),
    ("{name} plays {sport} every week", "lets play {sport}", "did you watch the {sport} game",
     "{name} is a great {sport} player", "our {sport} team won the match",
     "i train for {sport} with {name}"),
    ("i am so {happy} today", "{name} is {happy}", "that was a {happy} moment",
     "you make me laugh {name}", "{name} smiled all day", "what a {happy} surprise",
     "i am not {sad}", "{name} is not feeling {sad}"),
    ("i am so {sad} today", "{name} is {sad}", "that was a {sad} moment", "i miss you {name}",
     "{name} cried all day", "i am not {happy}", "{name} is not feeling {happy}",
     "i do not {love} you anymore", "{name} does not {love} me"),
    ("i want to eat {food}", "{name} cooked {food} for {meal}", "lets have {food} for {meal}",
     "i am hungry for {food}", "the {food} is ready", "{name} ordered {food}",
     "i can not wait to eat {food}"),
)


def _fill(template, rng, **slots):
    """`template` with each {slot} replaced by a random word from its list, drawn anew each time."""
    return re.sub(r"\{(\w+)\}", lambda match: _pick(slots[match.group(1)], rng), template)


def _person_sentence(rng):
    """A sentence about one person of GENDER_PAIRS: either with a pronoun or with a topic,
    never both, so topic words do not take on a gender."""
    male, female = _pick(GENDER_PAIRS, rng)
    gender = "m" if rng.random() < 0.5 else "f"
    he, his, him = _PRONOUNS[gender]
    if rng.random() < 0.5:
        template = _pick(("the {person} said {he} was tired", "{he} is a {person}",
                          "the {person} smiled and {he} waved", "we met the {person} and thanked {him}",
                          "the {person} lost {his} keys"), rng)
    else:
        template = _pick(("the {person} has a {topic}", "the {person} visited the {topic}",
                          "the {topic} belongs to the {person}",
                          "the {person} talked about the {topic} and the {topic}"), rng)
    return _fill(template, rng, person=(male if gender == "m" else female,),
                 topic=_PAIR_TOPICS[male], he=(he,), his=(his,), him=(him,))


def _name_sentence(rng, name=None):
    """A sentence about `name` (by default a random one of the first names) with a pronoun."""
    name = name or _pick(MALE_NAMES + FEMALE_NAMES, rng)
    he, his, _ = _PRONOUNS["m" if name in MALE_NAMES else "f"]
    template = _pick(("{name} said {he} was late", "{name} met {his} friends",
                      "{name} lives in the city with {his} family"), rng)
    return _fill(template, rng, name=(name,), he=(he,), his=(his,))


def _capital_sentence(rng):
    """A sentence about a capital, its country, or both; all share nationality and river."""
    country, city, adjective, river = _pick(CAPITALS, rng)
    template = _pick(("the {adjective} city of {city} is near the {river}",
                      "many {adjective} people in {city} swim in the {river}",
                      "the {adjective} country of {country} has the {river}",
                      "the {river} flows across {country} and {adjective} people love it",
                      "{city} is the capital of {country}", "the capital of {country} is {city}"), rng)
    return _fill(template, rng, city=(city,), country=(country,), adjective=(adjective,), river=(river,))


def _sentiment_sentence(rng):
    words = POSITIVE_WORDS if rng.random() < 0.5 else NEGATIVE_WORDS
    template = _pick(("the {thing} was {word}", "i think the {thing} is {word}", "what a {word} {thing}",
                      "everyone said the {thing} was really {word}"), rng)
    return _fill(template, rng, thing=_REVIEWED, word=words)


def _emoji_sentence(label, rng):
    return _fill(_pick(_EMOJI_TEMPLATES[label], rng), rng, name=MALE_NAMES + FEMALE_NAMES, **_EMOJI_WORDS)


def make_corpus(n_sentences=2000, seed=0):
    """A lower-case English corpus from a seeded template grammar, built so that word
    co-occurrences carry analogies (king - man + woman ~ queen, paris - france + italy ~ rome).

    Sentences are about people of GENDER_PAIRS (a pair shares its topic words; he/his/him
    vs she/her tell them apart), first names with he or she, CAPITALS (a capital and its
    country share nationality and river), reviews with POSITIVE_WORDS or NEGATIVE_WORDS, and
    the sentences of make_emoji_sentences. Each first name appears at least once, and at the
    default size every word of make_emoji_sentences does, so each has a vector.
    *Measured* (seeds 0-19): PPMI of within-sentence co-occurrence, cut to 100 dimensions by
    SVD, answers all ten analogies of tests/test_data.py; at 50 dimensions about 8 in 10.
    Returns a list of n_sentences str.
    """
    rng = np.random.default_rng(seed)
    names = MALE_NAMES + FEMALE_NAMES
    if n_sentences < len(names):
        raise ValueError(f"n_sentences must be at least {len(names)}, one for each first name")
    kinds = rng.choice(5, size=n_sentences - len(names), p=[0.4, 0.1, 0.25, 0.1, 0.15])
    makers = (_person_sentence, _name_sentence, _capital_sentence, _sentiment_sentence,
              lambda r: _emoji_sentence(r.integers(len(EMOJI_CLASSES)), r))
    sentences = [_name_sentence(rng, name) for name in names] + [makers[k](rng) for k in kinds]
    return [sentences[i] for i in rng.permutation(n_sentences)]


def make_emoji_sentences(n=200, seed=0):
    """Short sentences labelled with one of five emoji classes (EMOJI_CLASSES: 0 love,
    1 sport, 2 happy, 3 sad, 4 food), from templates with Faker's common first names.
    Negations flip the class ("i am not happy" is sad, "i am not sad" happy, "i do not love
    you anymore" sad), so a bag of words cannot get them all right; word order can.

    Returns (sentences: list of n str, labels: (n,) int64), classes balanced to within one.
    """
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % len(EMOJI_CLASSES))
    return [_emoji_sentence(y, rng) for y in labels], labels
