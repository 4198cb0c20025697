#!/usr/bin/env python3
"""One-off converter: CountryInfo.120116.txt -> data/dict/countryinfo.actors.

The build never runs this; it documents how the committed file was made and lets
anyone regenerate it.  Run from data/dict/:

    python3 make_countryinfo.py [SOURCE] [OUTPUT]

defaults: ../../../shared/data/countryinfo/CountryInfo.120116.txt, countryinfo.actors.
Common English words for the surname test come from UD English-EWT (train) beside it;
names already in people-*.actors in this folder are left to those hand-made files.
Statistics go to standard error.
"""

import collections
import datetime
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'data'))
DEFAULT_SRC = os.path.join(SHARED, 'countryinfo', 'CountryInfo.120116.txt')
EWT = os.path.join(SHARED, 'ud-english-ewt', 'en_ewt-ud-train.conllu')

# Countries whose post-2000 office holders belong to the hand-made people-*.actors files:
# the G20 (the EU as IGOEUR…) and the places named in the brief.
HANDMADE_ROOTS = {
    'ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'KOR',
    'MEX', 'RUS', 'SAU', 'ZAF', 'TUR', 'GBR', 'USA',
    'PRK', 'IRN', 'ISR', 'PSE', 'UKR', 'SYR', 'AFG', 'PAK', 'TWN'}
HANDMADE_FROM = datetime.date(2000, 1, 1)

# Family name first: the last word is not the surname, so no surname variant.
FAMILY_FIRST = {'CHN', 'TWN', 'HKG', 'MAC', 'PRK', 'KOR', 'VNM', 'KHM', 'MNG', 'SGP', 'MMR',
                'LAO', 'JPN'}

# Honorifics that may precede a name; the name is also listed without them.
TITLES = {'SIR', 'DAME', 'LORD', 'PRINCE', 'PRINCESS', 'KING', 'QUEEN', 'SHEIKH', 'SHAIKH',
          'SHAYKH', 'SHEIK', 'EMIR', 'TUANKU', 'DR', 'DR.', 'GENERAL', 'GEN.', 'COLONEL',
          'COL.', 'MULLAH', 'MAWLAWI', 'USTAD', 'CHIEF', 'ACTING', 'MARSHAL', 'ADMIRAL',
          'FATHER', 'BISHOP', 'ARCHBISHOP', 'CARDINAL', 'REV.', 'MSGR.', 'HRH', 'HH',
          'CAPTAIN', 'CAPT.', 'MAJOR', 'LT.', 'BRIGADIER', 'AYATOLLAH', 'HAJI', 'HADJI'}
# Words that show a "name" is really a job description (a data error in the source).
JOB_WORDS = {'OF', 'FOR', 'MINISTER', 'MINISTRY', 'SEC.', 'SECRETARY', 'AFFAIRS', 'CHARGE',
             'STATE', 'THE', '&', 'MIN.', 'DEPUTY', 'AMBASSADOR', 'VACANT', 'PRESIDENT',
             'GOVERNMENT', 'COUNCIL', 'UNKNOWN', 'NONE'}
# Lower case inside a name (not as its first word).
PARTICLES = {'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le',
             'van', 'von', 'der', 'den', 'ter', 'ten', 'y', 'e', 'bin', 'bint', 'ibn', 'ben',
             'al', 'el', 'ul', 'ud', 'zu', 'af', 'av', 'st.'}
# Particles written joined to the next word with a hyphen, as English news writes them.
HYPHEN_PARTICLES = {'al', 'el'}
ROMAN = re.compile(r'^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)$')
ROMAN_LAST = re.compile(r'^(?:I|V|X)$')
MAC_NAMES = {'DONALD', 'KENZIE', 'KAY', 'LEOD', 'LEAN', 'NEIL', 'INTOSH', 'ARTHUR', 'AULAY',
             'GREGOR', 'DOUGALL', 'LEISH', 'MILLAN'}
# Surnames shared by millions: never a variant on their own, whatever this file says.
COMMON_SURNAMES = {
    'smith', 'johnson', 'williams', 'jones', 'brown', 'davis', 'miller', 'wilson', 'moore',
    'taylor', 'anderson', 'thomas', 'jackson', 'white', 'harris', 'martin', 'thompson',
    'garcia', 'martinez', 'robinson', 'clark', 'rodriguez', 'lewis', 'lee', 'walker', 'hall',
    'allen', 'young', 'hernandez', 'king', 'wright', 'lopez', 'hill', 'scott', 'green',
    'adams', 'baker', 'gonzalez', 'nelson', 'carter', 'mitchell', 'perez', 'roberts',
    'turner', 'phillips', 'campbell', 'parker', 'evans', 'edwards', 'collins', 'stewart',
    'sanchez', 'morris', 'rogers', 'reed', 'cook', 'morgan', 'bell', 'murphy', 'bailey',
    'rivera', 'cooper', 'richardson', 'cox', 'howard', 'ward', 'torres', 'peterson', 'gray',
    'ramirez', 'james', 'watson', 'brooks', 'kelly', 'sanders', 'price', 'bennett', 'wood',
    'barnes', 'ross', 'henderson', 'coleman', 'jenkins', 'perry', 'powell', 'long',
    'patterson', 'hughes', 'flores', 'washington', 'butler', 'simmons', 'foster', 'gonzales',
    'bryant', 'alexander', 'russell', 'griffin', 'diaz', 'hayes', 'silva', 'santos',
    'oliveira', 'souza', 'pereira', 'ferreira', 'costa', 'almeida', 'gomes', 'fernandes',
    'fernandez', 'gomez', 'ruiz', 'alvarez', 'romero', 'jimenez', 'moreno', 'munoz',
    'alonso', 'gutierrez', 'castillo', 'vargas', 'castro', 'ortiz', 'morales', 'reyes',
    'cruz', 'mendoza', 'ramos', 'herrera', 'medina', 'aguilar', 'vasquez', 'vazquez',
    'rojas', 'suarez', 'nguyen', 'tran', 'pham', 'le', 'kim', 'park', 'choi', 'jung',
    'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu',
    'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'singh', 'kumar', 'sharma', 'patel',
    'shah', 'gupta', 'das', 'khan', 'ali', 'ahmed', 'ahmad', 'hassan', 'hussein', 'hussain',
    'mohamed', 'mohammed', 'muhammad', 'mohammad', 'ibrahim', 'abdullah', 'abdallah',
    'omar', 'umar', 'yusuf', 'said', 'saleh', 'salih', 'mahmoud', 'mahmud', 'musa', 'issa',
    'diallo', 'traore', 'toure', 'kone', 'keita', 'coulibaly', 'camara', 'sow', 'ba',
    'diop', 'ndiaye', 'mensah', 'okafor', 'banda', 'phiri', 'mwale', 'moyo', 'dlamini',
    'ivanov', 'petrov', 'smirnov', 'popov', 'kuznetsov', 'novak', 'horvat', 'kovac',
    'nowak', 'kowalski', 'muller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer',
    'wagner', 'becker', 'hoffmann', 'rossi', 'russo', 'ferrari', 'bianchi', 'romano',
    'dupont', 'bernard', 'dubois', 'durand', 'leroy', 'moreau', 'simon', 'laurent',
    'michel', 'lefebvre', 'petit', 'richard', 'robert', 'david', 'thomas', 'murray',
    'o\'brien', 'ryan', 'walsh', 'byrne', 'kennedy', 'lynch', 'mccarthy', 'jansen',
    'de jong', 'de vries', 'peeters', 'janssens', 'hansen', 'nielsen', 'jensen',
    'andersen', 'pedersen', 'johansson', 'karlsson', 'nilsson', 'larsen', 'olsen',
    'korhonen', 'virtanen', 'papadopoulos', 'yilmaz', 'kaya', 'demir', 'sahin', 'celik',
    'cohen', 'levi', 'levy', 'mizrahi', 'peretz', 'tan', 'lim', 'ng', 'ong', 'wong',
    'chan', 'cheung', 'ho', 'lau', 'leung', 'lai', 'santiago', 'reid', 'francis',
    'george', 'joseph', 'charles', 'john', 'paul', 'peter', 'daniel', 'samuel', 'moses',
    'abraham', 'isaac', 'jacob', 'benjamin', 'stephen', 'solomon', 'mark'}

DATE8 = r'(\d{8})'
LEADER_RANGE = re.compile(r'\[\s*' + DATE8 + r'\s*-\s*' + DATE8 + r'\s*\]')
LEADER_OPEN = re.compile(r'\[\s*([<>])\s*' + DATE8 + r'\s*\]')
GOV_RANGE = re.compile(r'\[\s*([A-Z]{3,})\s+' + DATE8 + r'\s*-\s*' + DATE8 + r'\s*\]')
GOV_OPEN = re.compile(r'\[\s*([A-Z]{3,})\s*([<>])\s*' + DATE8 + r'\s*\]')
ANY_BRACKET = re.compile(r'\[[^\]]*\]')
CODE_OK = re.compile(r'^[A-Z]{3}(?:[A-Z]{3})*$')
ONTOLOGY = os.path.join(HERE, '..', 'ontology')
# The source's own codes for two places whose ISO code is another: the Isle of Man (IMN)
# and East Timor, which countries.actors codes TLS throughout (ISO's withdrawn TMP).
CODE_ALIASES = {'IMY': 'IMN', 'TMP': 'TLS'}


def load_codes(name):
    """First column of an ontology table."""
    with open(os.path.join(ONTOLOGY, name), encoding='utf-8') as f:
        return {line.split('\t', 1)[0] for line in f
                if line.strip() and not line.startswith('#')}


COUNTRY_CODES = load_codes('countries.tsv')
ACTOR_TYPES = load_codes('actor_types.tsv')


def fix_code(code):
    """The source codes a dependent territory under its sovereign, GBRFLKGOV; CAMEO
    and countries.actors code the territory as a country of its own, FLKGOV (and only
    an actor type may follow the first part of a code)."""
    parts = [CODE_ALIASES.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3)]
    if len(parts) > 1 and parts[1] in COUNTRY_CODES and parts[1] not in ACTOR_TYPES:
        ST.add('territory codes moved to their own country', f'{code} -> {"".join(parts[1:])}')
        parts = parts[1:]
    return ''.join(parts)


# Open ends ("still in office at the last update") closed with the day the person left,
# from general knowledge, so that they do not stay in office for ever: people kept under
# the G20 rule below, and the best-known heads of state who left after the source's last
# update.  Most other open ends stay open (see README.md).
KNOWN_ENDS = {
    ('sergio massa', 'ARGGOV'): datetime.date(2009, 7, 7),       # Chief of Cabinet
    ('michael jeffery', 'AUSGOV'): datetime.date(2008, 9, 5),    # Governor-General
    ('michaelle jean', 'CANGOV'): datetime.date(2010, 10, 1),    # Governor-General
    ('hosni mubarak', 'EGYGOV'): datetime.date(2011, 2, 11),
    ('zine el abidine ben ali', 'TUNGOV'): datetime.date(2011, 1, 14),
    ('muammar gaddafi', 'LBYGOV'): datetime.date(2011, 10, 20),
    ('muammar qadhafi', 'LBYGOV'): datetime.date(2011, 10, 20),
    ('hugo chavez', 'VENGOV'): datetime.date(2013, 3, 5),
    ('robert mugabe', 'ZWEGOV'): datetime.date(2017, 11, 21),
    ('abdelaziz bouteflika', 'DZAGOV'): datetime.date(2019, 4, 2),
    ('raul castro', 'CUBGOV'): datetime.date(2018, 4, 19),       # President
}


def close_known_ends(person):
    for k in person.keys:
        for i, (code, s, e, label, leader) in enumerate(person.ranges):
            end = KNOWN_ENDS.get((k, code))
            if e is None and end is not None:
                person.ranges[i] = (code, s, end, label, leader)
                ST.add('open ends closed from general knowledge', f'{person.forms[0]} {code}')


# The last Government issue the source read (Feb 2011): "[<date]" means in office from the
# first issue (Jan 2003) on.
GOV_FIRST = datetime.date(2003, 1, 1)


# Examples listed per statistic (MAKE_COUNTRYINFO_NOTES=n lists more).
NOTES = int(os.environ.get('MAKE_COUNTRYINFO_NOTES', '6'))


class Stats:
    def __init__(self):
        self.c = collections.Counter()
        self.notes = collections.defaultdict(list)

    def add(self, key, note=None, n=1):
        self.c[key] += n
        if note is not None and len(self.notes[key]) < NOTES:
            self.notes[key].append(note)


ST = Stats()


# ---------------------------------------------------------------- dates

def parse_date(s, lineno, at_end):
    """YYYYMMDD -> date.  The source writes the last day of every month as 31 and
    sometimes day 00; both are clamped to the month rather than dropped."""
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    if not (1900 <= y <= 2100 and 1 <= m <= 12 and 0 <= d <= 31):
        ST.add('range dropped: impossible date', f'line {lineno}: {s}')
        return None
    if d == 0:
        d = 1
    first_next = datetime.date(y + (m == 12), m % 12 + 1, 1)
    last = (first_next - datetime.timedelta(days=1)).day
    if d > last:
        ST.add('dates clamped to the end of their month', None)
        d = last
    return datetime.date(y, m, d)


def fmt_date(d):
    return d.isoformat()


# ---------------------------------------------------------------- names

def case_word(w, first, last):
    """Proper case for one word of an UPPER_CASE name."""
    if not w:
        return w
    if ROMAN.match(w) or (last and not first and ROMAN_LAST.match(w)):
        return w
    if w in ('JR', 'JR.'):
        return 'Jr.'
    if re.fullmatch(r'[A-Z]', w):          # a bare initial
        return w + '.'
    if re.fullmatch(r'(?:[A-Z]\.)+', w):   # initials: A.N.R.
        return w
    if '-' in w:
        parts = w.split('-')
        out = []
        for i, p in enumerate(parts):
            low = p.lower()
            if i > 0 and low in HYPHEN_PARTICLES:
                out.append(low)
            elif i == 0 and not first and low in HYPHEN_PARTICLES:
                out.append(low)
            else:
                out.append(case_word(p, True, False) if p else p)
        return '-'.join(out)
    low = w.lower()
    if not first and not last and low in PARTICLES:
        return low
    if low.startswith("o'") and len(w) > 2:
        return "O'" + w[2:].capitalize()
    if w.startswith("'"):
        return "'" + w[1:].capitalize()
    if w.startswith('MC') and len(w) > 3:
        return 'Mc' + w[2:].capitalize()
    if w.startswith('MAC') and w[3:] in MAC_NAMES:
        return 'Mac' + w[3:].capitalize()
    if "'" in w:                           # Taufa'ahau: only the first letter is upper
        return w[0] + w[1:].lower()
    return w.capitalize()


def words_of(raw):
    """UPPER_CASE_ name -> list of upper-case words (commas and empty parts dropped).
    A quoted nickname ("NANDO") is not part of the name; ` (an ayn) is dropped."""
    raw = re.sub(r'"[^"]*"', ' ', raw).replace('`', '').replace(',', ' ')
    raw = re.sub(r'\(.*', ' ', raw).replace('?', ' ')      # "(ACTING", a lone "?"
    return [w for w in re.split(r'[_\s]+', raw) if w]


def join_particles(words):
    """AL SABAH -> AL-SABAH: the Arabic article is written joined in English text."""
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ('AL', 'EL') and i + 1 < len(words) and 0 < i and \
                words[i + 1] not in ('AL', 'EL'):
            out.append(w + '-' + words[i + 1])
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def proper(words, plain=False):
    """Proper case; plain=True for names without particles (Chinese "Li Bin")."""
    n = len(words)
    if plain:
        return ' '.join(case_word(w, True, False) for w in words)
    return ' '.join(case_word(w, i == 0, i == n - 1) for i, w in enumerate(words))


def proper_surname(words):
    """A surname keeps its particle in lower case: al-Assad, de Gaulle, van Rompuy."""
    n = len(words)
    return ' '.join(case_word(w, False, i == n - 1) for i, w in enumerate(words))


# Letters NFKD does not take apart but that English news writes without the mark.
PLAIN_LETTERS = str.maketrans({'ı': 'i', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ß': 'ss'})


def strip_marks(text):
    """Sánchez -> Sanchez, as the matcher folds diacritics."""
    return ''.join(c for c in unicodedata.normalize('NFKD', text)
                   if not unicodedata.combining(c))


def match_key(name):
    """The words the matcher sees in a name: case and diacritics folded, full stops
    dropped inside a word, hyphens between words.  Two forms of one entry with the
    same match_key are the same name to the matcher (lint reports the second)."""
    words = strip_marks(name.casefold()).replace('-', ' ').split()
    return ' '.join(w.replace('.', '') or w for w in words)


def name_key(name):
    """What makes two written names the same person for merging and for leaving a
    person to people-*.actors: coarser than match_key, so that a spelling with
    Turkish dotless i, a dropped apostrophe or spaced initials still counts."""
    k = strip_marks(name.casefold().translate(PLAIN_LETTERS))
    k = k.replace('.', ' ').replace('-', ' ').replace("'", '').replace('\u2019', '')
    return ' '.join(k.split())


TITLE_SEQS = (('HOJJAT', 'OL', 'ESLAM'), ('HOJJATOLESLAM',), ('HIS', 'MAJESTY'))


def strip_titles(words):
    for seq in TITLE_SEQS:
        if tuple(words[:len(seq)]) == seq and len(words) - len(seq) >= 2:
            words = words[len(seq):]
    i = 0
    while i < len(words) - 2 and words[i] in TITLES:
        i += 1
    # Keep at least two words: "Sheikh Hasina" stays whole.
    if len(words) - i < 2:
        return words
    return words[i:]


def name_forms(raw, country):
    """All written forms for one source name, first the plain one; None when junk."""
    words = words_of(raw)
    if not words:
        return None
    if any(w in JOB_WORDS for w in words):
        return None
    if any(not re.fullmatch(r"[A-Z.'\-]+", w) for w in words):
        return None
    words = [w.strip('-') for w in words if w.strip('-')]
    bare = strip_titles(words)
    forms = []
    plain = country[:3] in FAMILY_FIRST
    for ws in (bare, words):
        forms.append(proper(ws if plain else join_particles(ws), plain))
    # Korean given names are written with a hyphen in English news: Kim Jong-il.  The
    # matcher reads it as "Kim Jong Il" too, so it replaces that form (and comes first).
    if country in ('PRK', 'KOR') and len(bare) == 3 and all(len(w) <= 4 for w in bare):
        forms.insert(0, f'{case_word(bare[0], True, False)} '
                        f'{bare[1].capitalize()}-{bare[2].lower()}')
    seen, out = set(), []
    for f in forms:
        k = match_key(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out, bare


# ---------------------------------------------------------------- parsing the source

class Record:
    """One source line: names, dated codes, where it came from."""
    __slots__ = ('forms', 'bare', 'country', 'ranges', 'leader', 'lineno')

    def __init__(self, forms, bare, country, ranges, leader, lineno):
        self.forms, self.bare, self.country = forms, bare, country
        self.ranges, self.leader, self.lineno = ranges, leader, lineno


def clean_label(s, office=False):
    """An office as a comment: Leaders sub-tags come half in capitals ("Kings/QUEENS")."""
    s = s.strip().strip('<>').replace('_', ' ').strip()
    s = s.replace('"', '').replace(';', ',').replace('#', '')
    if office:
        s = s.replace('(', '').replace(')', '')
        s = s[:1].upper() + s[1:].lower()
    return ' '.join(s.split())


def split_names(text):
    """The name part of a line: {A}{B} synonyms, "A = B" aliases, or one name."""
    names = re.findall(r'\{([^{}]*)\}', text)
    rest = re.sub(r'\{[^{}]*\}', ' ', text)
    for piece in rest.split('='):
        piece = piece.strip()
        if piece:
            names.append(re.sub(r'\s+', '_', piece))
    return [n.strip('_ ') for n in names if n.strip('_ ')]


def parse(path):
    data = open(path, 'rb').read()
    n1a = data.count(b'\x1a')
    if n1a:
        ST.add('stray 0x1A bytes removed', None, n1a)
    text = data.replace(b'\x1a', b'').decode('utf-8')
    records = []
    in_comment = in_header = False
    country = None
    section = None
    office = ''
    for lineno, line in enumerate(text.split('\n'), 1):
        s = line.strip()
        if lineno == 1 and s.startswith('<!--'):
            in_header = True
        if in_header:
            if '-->' in s:
                in_header = False
            continue
        if s.startswith('<Comment>'):
            in_comment = '</Comment>' not in s
            continue
        if in_comment:
            if '</Comment>' in s:
                in_comment = False
            elif section is None and (s == '<Leaders>' or s == '<Government>'):
                pass
            if re.search(r'\[(?:[A-Z]{3,} )?[<>]?\d{8}', s) and not s.startswith('#'):
                ST.add('lines skipped: inside a <Comment> block (the author disabled it)')
            continue
        m = re.match(r'<CountryCode>\s*([A-Z]+)\s*</CountryCode>', s)
        if m:
            country = fix_code(m.group(1))
            continue
        if s in ('<Country>', '</Country>'):
            country, section = None, None
            continue
        if s == '<Leaders>':
            section, office = 'L', ''
            continue
        if s == '<Government>':
            section = 'G'
            continue
        if s in ('</Leaders>', '</Government>'):
            section = None
            continue
        if section is None or not s:
            continue
        if s.startswith('#'):
            ST.add('lines skipped: commented out in the source')
            continue
        if section == 'L' and s.startswith('<'):
            if not s.startswith('</'):
                office = clean_label(s, office=True)
            continue
        if country is None or not CODE_OK.match(country):
            ST.add('lines skipped: no usable <CountryCode>', f'line {lineno}')
            continue
        rec = parse_leader(s, country, office, lineno) if section == 'L' else \
            parse_government(s, country, lineno)
        if rec is not None:
            records.append(rec)
    return records


def parse_leader(s, country, office, lineno):
    body = s.split('#', 1)[0]
    code = country + 'GOV'
    ranges = [(code, a, b) for a, b in LEADER_RANGE.findall(body)]
    for sign, d in LEADER_OPEN.findall(body):
        ranges.append((code, None, d) if sign == '<' else (code, d, None))
    names_text = ANY_BRACKET.sub(' ', body).replace(')', ' ')
    return make_record(names_text, ranges, office, country, True, lineno)


def parse_government(s, country, lineno):
    body, _, title = s.partition('#')
    label = clean_label(title) if title.strip() else ''
    ranges = list(GOV_RANGE.findall(body))
    for code, sign, d in GOV_OPEN.findall(body):
        ranges.append((code, None, d) if sign == '<' else (code, d, None))
    if not ranges:
        ST.add('lines skipped: no dated code', f'line {lineno}: {s[:60]}')
        return None
    names_text = ANY_BRACKET.sub(' ', body)
    return make_record(names_text, ranges, label, country, False, lineno)


def make_record(names_text, raw_ranges, label, country, leader, lineno):
    raws = split_names(names_text)
    forms, bare = [], None
    for raw in raws:
        got = name_forms(raw, country)
        if got is None:
            ST.add('names dropped: not a person\'s name (job words, stray characters)',
                   f'line {lineno}: {raw}')
            continue
        fs, b = got
        if bare is None:
            bare = b
        forms.extend(fs)
    if not forms:
        ST.add('lines skipped: no usable name', f'line {lineno}: {names_text.strip()[:50]}')
        return None
    if len(bare) < 2 and len(forms) == 1:
        ST.add('lines skipped: a single word is too ambiguous as a name',
               f'line {lineno}: {forms[0]}')
        return None
    ranges = []
    for code, a, b in raw_ranges:
        if not CODE_OK.match(code):
            ST.add('range dropped: malformed CAMEO code', f'line {lineno}: {code}')
            continue
        code = fix_code(code)
        # In <Government>, "<date" means in office at the first issue read (Jan 2003).
        start = parse_date(a, lineno, False) if a else (None if leader else GOV_FIRST)
        end = parse_date(b, lineno, True) if b else None
        if (a and start is None) or (b and end is None):
            continue
        if start and end and start > end:
            ST.add('range dropped: ends before it starts', f'line {lineno}: {a}-{b}')
            continue
        ranges.append((code, start, end, label, leader))
    if not ranges:
        ST.add('lines skipped: no usable date range', f'line {lineno}: {forms[0]}')
        return None
    return Record(forms, bare, country, ranges, leader, lineno)


# ---------------------------------------------------------------- merging people

class Person:
    def __init__(self):
        self.forms = []
        self.keys = set()          # name_key of every form: merging and duplicates
        self.written = set()       # match_key of every form: one form per matcher name
        self.bares = []
        self.ranges = []
        self.countries = collections.Counter()
        self.leader_countries = collections.Counter()
        self.family_first = False
        self.lines = []


def merge_people(records):
    """Records sharing any written name (after normalising) are one person."""
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner = {}
    for i, r in enumerate(records):
        for f in r.forms:
            k = name_key(f)
            if k in owner:
                a, b = find(owner[k]), find(i)
                if a != b:
                    parent[b] = a
            else:
                owner[k] = i
    groups = collections.defaultdict(list)
    for i in range(len(records)):
        groups[find(i)].append(records[i])
    people = []
    for recs in groups.values():
        p = Person()
        for r in recs:
            for f in r.forms:
                p.keys.add(name_key(f))
                if match_key(f) not in p.written:
                    p.written.add(match_key(f))
                    p.forms.append(f)
            p.bares.append(r.bare)
            p.ranges.extend(r.ranges)
            days = sum(span_days(s, e) for _, s, e, _, _ in r.ranges)
            p.countries[r.country] += days
            if r.leader:
                p.leader_countries[r.country] += days
            if r.country[:3] in FAMILY_FIRST:
                p.family_first = True
            p.lines.append(r.lineno)
        if len({r.country for r in recs}) > 1:
            ST.add('people merged across countries (one name, several country blocks)',
                   ', '.join(sorted({r.country for r in recs})) + ': ' + p.forms[0])
        if len(recs) > 1:
            ST.add('source lines merged into an existing person', None, len(recs) - 1)
        # Leaders' own spelling first: it is the best-known form.
        lead = [r for r in recs if r.leader]
        if lead:
            first = lead[0].forms[0]
            p.forms.remove(first)
            p.forms.insert(0, first)
        people.append(p)
    return people


def span_days(s, e):
    s = s or datetime.date(1960, 1, 1)
    e = e or datetime.date(2012, 1, 16)
    return max(1, (e - s).days + 1)


LO = datetime.date.min
HI = datetime.date.max


def resolve(person):
    """Paint ranges from least to most important; the winner of an overlap keeps it.

    More parts in the code (FRAGOVMIL over FRAGOV) is more specific and wins; among
    equally specific codes the later start wins.  Returns non-overlapping segments
    [start, end, code, labels] and the number of overlaps between different codes."""
    def prio(r):
        code, s, e, _, leader = r
        return (len(code), s or LO, leader)

    segs = []          # [start, end, code, labels], start/end never None inside
    conflicts = 0
    for code, s, e, label, _ in sorted(person.ranges, key=prio):
        s = s or LO
        e = e or HI
        out = []
        merged_labels = [label] if label else []
        for seg in segs:
            a, b, c, labs = seg
            if b < s or a > e:
                out.append(seg)
                continue
            if c == code:
                # Same code: absorb it, the new range grows to cover both.
                s, e = min(s, a), max(e, b)
                merged_labels = labs + merged_labels
                continue
            conflicts += 1
            if a < s:
                out.append([a, s - datetime.timedelta(days=1), c, labs])
            if b > e:
                out.append([e + datetime.timedelta(days=1), b, c, labs])
        out.append([s, e, code, merged_labels])
        segs = out
    segs.sort(key=lambda g: g[0])
    # Adjacent ranges with the same code become one.
    joined = []
    for g in segs:
        if joined and joined[-1][2] == g[2] and joined[-1][1] != HI and \
                joined[-1][1] + datetime.timedelta(days=1) >= g[0]:
            joined[-1][1] = max(joined[-1][1], g[1])
            joined[-1][3] = joined[-1][3] + g[3]
            ST.add('adjacent same-code ranges joined')
        else:
            joined.append(g)
    for x, y in zip(joined, joined[1:]):
        assert x[1] < y[0], f'overlap left in {person.forms[0]}'
    for g in joined:
        assert CODE_OK.match(g[2]) and g[0] <= g[1]
    return joined, conflicts


# ---------------------------------------------------------------- surnames

def load_common_words():
    words = set()
    try:
        with open(EWT, encoding='utf-8') as f:
            for line in f:
                if not line or line[0] == '#':
                    continue
                cols = line.split('\t')
                if len(cols) > 3 and cols[3] != 'PROPN' and cols[1].islower():
                    words.add(cols[1])
    except OSError:
        sys.exit(f'make_countryinfo: cannot read {EWT} (needed for the common-word test)')
    return words


def load_agent_words():
    """Every word of an agent name in agents.agents ("bishop", "king", "police"): a
    surname that is one would take the word from the agents (actors match first)."""
    words = set()
    with open(os.path.join(HERE, 'agents.agents'), encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line[0] in ' \t#[':
                continue
            for n in line.split(' #', 1)[0].split(';'):
                for form in expand_braces(n.strip()):
                    words.update(match_key(form).split())
    return words


def load_places(path):
    """Country, nationality, capital, city and region names from the same source."""
    places = set()
    tags = ('Nationality', 'Capital', 'MajorCities', 'Regions', 'GeogFeatures')
    cur = None
    for line in open(path, 'rb').read().replace(b'\x1a', b'').decode('utf-8').split('\n'):
        s = line.strip()
        m = re.match(r'<CountryName>(.*)</CountryName>', s)
        if m:
            for w in words_of(m.group(1)):
                places.add(w.lower())
        if s.startswith('<') and s.strip('</>') in tags:
            cur = None if s.startswith('</') else s
            continue
        if cur and s and not s.startswith('#'):
            for w in words_of(s.split('#')[0]):
                places.add(w.lower())
    return places


def surname_of(bare):
    """Last word with the particles before it: Van Rompuy, de Gaulle, al-Assad."""
    ws = join_particles(bare)
    if any(ROMAN.match(w) for w in ws) or ROMAN_LAST.match(ws[-1]) or \
            ws[-1] in ('JR', 'JR.'):
        return None         # a regnal name (Carl XVI Gustaf) has no surname
    i = len(ws) - 1
    while i > 1 and ws[i - 1].lower() in PARTICLES - {'e', 'y', 'bin', 'bint', 'ibn', 'ben'}:
        i -= 1
    return ws[i:]


def add_surnames(people, common, places, handmade_names):
    """A leader's surname alone becomes a name when nobody else could be meant: no other
    leader (anywhere) and nobody else of the same country ends a name with it, it is not
    a given name of several people, a common English word, a common surname or a place."""
    leader_last = collections.Counter()
    country_last = collections.Counter()
    first_use = collections.Counter()
    for p in people:
        lasts, firsts = set(), set()
        for b in p.bares:
            ws = join_particles(b)
            lasts.add(ws[-1].split('-')[-1])
            firsts.add(ws[0])
        for w in lasts:
            if p.leader_countries:
                leader_last[w] += 1
            for c in p.countries:
                country_last[(c, w)] += 1
        for w in firsts:
            first_use[w] += 1
    added = 0
    for p in people:
        if not p.leader_countries or p.family_first or p.no_surname:
            continue
        bare = max(p.bares, key=len)
        sur = surname_of(bare)
        if not sur or len(bare) < 2:
            continue
        core = sur[-1].split('-')[-1]
        low = core.lower()
        why = None
        if len(core) < 4:
            why = 'short'
        elif low in common or low in COMMON_SURNAMES:
            why = 'common word or surname'
        elif low in places:
            why = 'a place name'
        elif leader_last[core] > 1:
            why = 'surname of another leader'
        elif any(country_last[(c, core)] > 1 for c in p.countries):
            why = 'surname of another person of the same country'
        elif first_use[core] > 5:
            why = 'a given name of several people'
        if why:
            ST.add(f'surname variant withheld: {why}', proper(sur))
            continue
        forms = [proper_surname(sur)]
        if '-' in forms[0] and forms[0].split('-')[0].lower() in HYPHEN_PARTICLES:
            forms.append(case_word(core, True, True))       # al-Assad and Assad
        for f in forms:
            k = name_key(f)
            if k in handmade_names or match_key(f) in p.written:
                continue
            p.keys.add(k)
            p.written.add(match_key(f))
            p.forms.append(f)
            added += 1
    ST.add('surname-only variants added', None, added)


# ---------------------------------------------------------------- hand-made files

def load_handmade_names():
    """Names in people-*.actors beside this script (entry lines, {…} expanded)."""
    names = set()
    for path in sorted(glob.glob(os.path.join(HERE, 'people-*.actors'))):
        for line in open(path, encoding='utf-8'):
            if not line.strip() or line[0] in ' \t#[':
                continue
            for n in line.split(' #', 1)[0].split(';'):
                for form in expand_braces(n.strip()):
                    if form:
                        names.add(name_key(form))
    return names


def expand_braces(name):
    m = re.search(r'\{([^{}]*)\}', name)
    if not m:
        return [name]
    head, tail = name[:m.start()], name[m.end():]
    out = [head + tail]
    for alt in m.group(1).split('|'):
        out.extend(expand_braces(head + alt + tail))
    return out


def handmade_owner(person):
    """Led a listed country after 2000: the hand-made people files carry that person."""
    for code, s, e, _, leader in person.ranges:
        # code == root + GOV: the country itself, not a territory (USAGUM, GBRGIB).
        if leader and code[:3] in HANDMADE_ROOTS and len(code) == 6 and \
                (e is None or e >= HANDMADE_FROM):
            return True
    return False


def recent_in_listed(person):
    for code, s, e, _, _ in person.ranges:
        root = code[:3]
        listed = root in HANDMADE_ROOTS or code.startswith('IGOEUR')
        if listed and (e is None or e >= HANDMADE_FROM):
            return True
    return False


# ---------------------------------------------------------------- output

def fmt_range(a, b):
    sa = '' if a == LO else fmt_date(a)
    sb = '' if b == HI else fmt_date(b)
    return f'{sa}..{sb}'


def fmt_labels(labs):
    seen = []
    for l in labs:
        if l and l not in seen:
            seen.append(l)
    text = '; '.join(seen).replace(' ; ', '; ')
    return text if len(text) <= 90 else text[:87].rstrip() + '...'


def default_country(p):
    src = p.leader_countries or p.countries
    return max(sorted(src), key=lambda c: src[c])


def write(people, out_path, source_path, counts):
    by_country = collections.defaultdict(list)
    for p in people:
        by_country[p.home].append(p)
    with open(out_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# annals actors 1\n')
        f.write('#\n'
                '# Historical leaders (c. 1960-2011) and cabinet-level office holders (2003-2011)\n'
                '# of about 200 countries and territories, converted from CountryInfo.120116.txt.\n'
                '#\n'
                '# Source: CountryInfo.txt, version 120116, Copyright (c) 2012 Philip A. Schrodt\n'
                '# (Event Data Project, Penn State; Parus Analytics / Open Event Data Alliance),\n'
                '# github.com/openeventdata/CountryInfo. Leaders from rulers.org, governments from\n'
                '# the CIA World Leaders lists Jan 2003 - Feb 2011.\n'
                '# Licence: Creative Commons Attribution-ShareAlike 3.0 Unported\n'
                '# (http://creativecommons.org/licenses/by-sa/3.0/). This derived file is\n'
                '# distributed under the same licence, with the attribution above.\n'
                '# Changes: names proper-cased, people merged across offices, overlapping ranges\n'
                '# resolved, some names and ranges dropped; see data/dict/README.md.\n'
                '#\n'
                '# Generated by data/dict/make_countryinfo.py; do not edit by hand, regenerate.\n'
                '# Each person: <COUNTRY>ELI as the default (before and after office), dated codes\n'
                '# while in office; the comment after " ; " names the office in the source.\n'
                '# Open-ended ranges ("2005-08-03..") mean "still in office at the source\'s last\n'
                '# update" (2011-2012): the source does not say when they left.\n'
                '# Leaders of the G20 and of PRK, IRN, ISR, PSE, UKR, SYR, AFG, PAK, TWN in office\n'
                '# after 2000 are left to the hand-made people-*.actors files.\n')
        f.write(f'# Entries: {counts["entries"]}; dated codes: {counts["dated"]}.\n')
        f.write('\n[actors]\n')
        for c in sorted(by_country):
            f.write(f'\n# ---- {c}\n')
            for p in sorted(by_country[c], key=lambda q: q.forms[0].lower()):
                # A source line with several titles ("A & B") cannot say which title goes
                # with which code: those titles are listed once, above the entry.
                multi = []
                for _, _, _, labs in p.segs:
                    for l in labs:
                        if ' & ' in l and l not in multi:
                            multi.append(l)
                for l in multi:
                    f.write(f'# {l}\n')
                f.write('; '.join(p.forms) + '\n')
                f.write(f'    {c}ELI\n')
                for a, b, code, labs in p.segs:
                    lab = fmt_labels([l for l in labs if ' & ' not in l])
                    f.write(f'    {code} {fmt_range(a, b)}' + (f' ; {lab}' if lab else '') + '\n')


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SRC
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'countryinfo.actors')
    records = parse(src)
    ST.add('source lines converted', None, len(records))
    people = merge_people(records)
    handmade_names = load_handmade_names()
    by_last = collections.defaultdict(list)
    for k in handmade_names:
        words = k.split()
        if len(words) > 1:
            by_last[words[-1]].append(set(words[:-1]))
    kept = []
    for p in people:
        # Kept when people-*.actors neither list their surname alone nor a name with
        # their surname and another of their names: those files do not carry them
        # (interim leaders, governors-general), or carry a relative (Salahuddin, not
        # Burhanuddin Rabbani).
        if handmade_owner(p) and any(k.split()[-1] in handmade_names or
                                     any(set(k.split()[:-1]) & other
                                         for other in by_last[k.split()[-1]])
                                     for k in p.keys):
            ST.add('people left to people-*.actors: led a listed country after 2000',
                   p.forms[0])
            continue
        if handmade_owner(p):
            ST.add('people kept though they led a listed country after 2000: '
                   'people-*.actors lack their surname alone and with a given name', p.forms[0])
        if p.keys & handmade_names:
            ST.add('people left to people-*.actors: name already there', p.forms[0])
            continue
        p.no_surname = recent_in_listed(p)
        close_known_ends(p)
        kept.append(p)
    common = load_common_words() | load_agent_words()
    places = load_places(src)
    add_surnames(kept, common, places, handmade_names)
    total_conflicts = 0
    dated = 0
    for p in kept:
        p.segs, n = resolve(p)
        total_conflicts += n
        dated += len(p.segs)
        p.home = default_country(p)
    ST.add('overlaps between different codes resolved', None, total_conflicts)
    counts = {'entries': len(kept), 'dated': dated}
    write(kept, out, src, counts)
    print(f'entries {len(kept)}, dated codes {dated}, names '
          f'{sum(len(p.forms) for p in kept)}', file=sys.stderr)
    for k in sorted(ST.c):
        print(f'{ST.c[k]:7d}  {k}', file=sys.stderr)
        for n in ST.notes.get(k, []):
            print(f'           e.g. {n}', file=sys.stderr)


if __name__ == '__main__':
    main()
