#!/usr/bin/env python3
"""make_ontology.py: one-off generator of the ontology tables in data/ontology/.

    python3 data/ontology/make_ontology.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data beside the checkout.  The script
reads the reference files there (they are never copied into the project),
writes cameo_codes.tsv, actor_types.tsv and countries.tsv next to itself,
and prints on standard error every difference it finds between the sources.
The TSV files it writes are the source of truth from then on: the build turns
them into C tables (src/ontology/gen_tables.c) and never runs this script.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def report(msg):
    print(msg, file=sys.stderr)


# ----------------------------------------------------------------------
# CAMEO event codes

# Quad class by CAMEO root, as in the GDELT 2.0 event codebook.
def quad_of(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def read_gdelt_tsv(path):
    rows = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        header = f.readline()
        if not header.startswith("CAMEOEVENTCODE\t"):
            sys.exit(f"{path}: unexpected header {header!r}")
        for n, line in enumerate(f, 2):
            line = line.rstrip("\n")
            if not line:
                continue
            code, value = line.split("\t")
            if code in rows:
                report(f"{path}:{n}: duplicate code {code}")
            rows[code] = value
    return rows


def read_plover(path):
    """CODE: TYPE[, mode[, context]] # description, one per line."""
    mapping = {}
    pattern = re.compile(r"^(\d{2,4}):\s*(.*)$")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = pattern.match(line.strip())
            if not m:
                continue
            fields = m.group(2).split("#", 1)[0].split(",")
            fields = [" ".join(x.split()) for x in fields] + ["", ""]
            entry = (fields[0], fields[1], fields[2], n)
            code = m.group(1)
            if code in mapping:
                old = mapping[code]
                same = old[:3] == entry[:3]
                report(f"PLOVER table: code {code} on lines {old[3]} and {n}"
                       f" ({'same mapping' if same else 'different: kept line %d' % old[3]}:"
                       f" {'/'.join(old[:3])} vs {'/'.join(entry[:3])})")
                continue
            mapping[code] = entry
    return mapping


def read_petrarch_codes(path):
    """Every event code named in a verb pattern: [CODE], [A:B], [:B]."""
    codes = collections.Counter()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            for bracket in re.findall(r"\[([^\]]*)\]", line.split("#", 1)[0]):
                for part in bracket.split(":"):
                    # A trailing "!" is a PETRARCH pattern flag, not part of the code.
                    part = part.strip().rstrip("!")
                    if re.fullmatch(r"\d{2,4}", part):
                        codes[part] += 1
                    elif part and part != "---" and not re.fullmatch(r"[-~A-Z0-9 ]*", part):
                        report(f"CAMEO.2.0.txt: unread code field {part!r}")
    return codes


# Where the PLOVER manual (draft 0.8, section 3.13, SANCTION modes) says
# plainly what the conversion table says otherwise.  The table maps 163
# "Impose embargo, boycott, or sanctions" to COERCE/restrict; the manual's
# SANCTION/discontinue reads "International (political or economic)
# sanctions are coded as 'discontinue'", and its Table 7.1 maps the whole of
# CAMEO 16 to SANCTION.  COERCE/restrict there is about political freedoms
# and movement.
PLOVER_OVERRIDES = {
    "163": ("SANCTION", "discontinue", "diplomatic",
            "PLOVER manual draft 0.8, section 3.13.3 (SANCTION modes: discontinue)"),
}


def make_cameo(shared):
    names_path = os.path.join(shared, "gdelt-cameo-lookups/CAMEO.eventcodes.txt")
    gold_path = os.path.join(shared, "gdelt-cameo-lookups/CAMEO.goldsteinscale.txt")
    plover_path = os.path.join(shared, "plover/CAMEO2PLOVER-2021.txt")
    petr_path = os.path.join(shared, "cameo-petrarch/dictionaries/CAMEO.2.0.txt")
    names = read_gdelt_tsv(names_path)
    gold = read_gdelt_tsv(gold_path)
    plover = read_plover(plover_path)
    petr = read_petrarch_codes(petr_path)

    # Mac-Roman curly quotes read as UTF-8, with the "t" lost: the CAMEO
    # codebook's name is "Meet at a third location".
    if "044" in names and "\u00d2" in names["044"]:
        report(f"GDELT names: repaired 044 {names['044']!r}")
        names["044"] = "Meet at a third location"
    # Many GDELT names end in one or two stray spaces.
    trimmed = [c for c, n in names.items() if n != " ".join(n.split())]
    if trimmed:
        report(f"GDELT names: trimmed stray spaces in {len(trimmed)} names: {' '.join(trimmed)}")
    for code in trimmed:
        names[code] = " ".join(names[code].split())
    for code, name in names.items():
        if any(ord(c) > 127 for c in name):
            report(f"GDELT names: non-ASCII name left as is: {code} {name!r}")

    for code in names:
        if code not in gold:
            report(f"GDELT: {code} has a name but no Goldstein value")
    for code in gold:
        if code not in names:
            report(f"GDELT: {code} has a Goldstein value but no name")
    for code in sorted(plover):
        if code not in names:
            report(f"PLOVER table: {code} is not a GDELT CAMEO code")
    for code in names:
        if code not in plover and code[:2] not in ("01", "02"):
            report(f"PLOVER table: GDELT code {code} ({names[code]}) has no PLOVER mapping")
    for code in sorted(petr):
        if code not in names:
            report(f"CAMEO.2.0.txt: code {code} used in {petr[code]} patterns is not a GDELT code")
    unused = [c for c in names if c not in petr]
    report(f"CAMEO.2.0.txt: {len(unused)} of {len(names)} GDELT codes are never the"
           f" result of a verb pattern: {' '.join(unused)}")

    rows = []
    for code, name in names.items():
        ptype, pmode, pctx = "", "", ""
        if code in plover:
            ptype, pmode, pctx = plover[code][:3]
        if code in PLOVER_OVERRIDES:
            o = PLOVER_OVERRIDES[code]
            report(f"PLOVER: {code} {ptype}/{pmode}/{pctx} -> {o[0]}/{o[1]}/{o[2]} ({o[3]})")
            ptype, pmode, pctx = o[:3]
        value = float(gold[code])
        rows.append((code, name, f"{value:.1f}", str(quad_of(code)), ptype, pmode, pctx))
    return rows


CAMEO_HEADER = """\
# cameo_codes.tsv: every CAMEO event code (2-, 3- and 4-digit) with its name,
# Goldstein scale value, GDELT QuadClass and PLOVER event type, mode and context.
#
# Made once by data/ontology/make_ontology.py from these sources (read from
# ../shared/data, not copied):
#  - names and Goldstein values: GDELT's CAMEO lookup tables CAMEO.eventcodes.txt
#    and CAMEO.goldsteinscale.txt (copies in github.com/mpiccirilli/UNDP-BCPR-Project,
#    commit e009a802f0e801526a6ff9a70d452b5cecd7ccb6; originals at
#    data.gdeltproject.org/documentation/).  GDELT: free to use with citation; the CAMEO
#    codebook is by Schrodt, Gerner et al.  The name of 044 is repaired from the
#    mojibake "Meet at a \\xd2hird\\xd3location".
#  - PLOVER type, mode, context: CAMEO2PLOVER-2021.txt of github.com/openeventdata/PLOVER,
#    commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f (CC BY-SA 4.0), by Philip Schrodt.
#    Roots 01 and 02 have no PLOVER type: the PLOVER manual (draft 0.8, Table 7.1)
#    drops them.  Where a code is listed twice the first line is kept.  163 follows
#    the manual (section 3.13.3: sanctions are SANCTION/discontinue) instead of the
#    table's COERCE/restrict.
#  - cross-checked against the event codes of the PETRARCH verb dictionary
#    CAMEO.2.0.txt (github.com/openeventdata/petrarch2, commit
#    676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT).
#  - QuadClass by root: 01-05 1 (verbal cooperation), 06-09 2 (material cooperation),
#    10-14 3 (verbal conflict), 15-20 4 (material conflict).
#
# Tab-separated; lines starting with # are comments; the first other line names
# the columns.  Edit this file, not the script's output, from now on.
code\tname\tgoldstein\tquad\tplover\tplover_mode\tplover_context
"""


# ----------------------------------------------------------------------
# Actor types
#
# Names and descriptions are written here for annals, after the definitions
# of the CAMEO actor codebook (Schrodt, CAMEO manual 1.1b3, chapter on actor
# codes) and the usage in the Phoenix/PETRARCH dictionaries.  Each is checked
# below against the dictionaries, which give the codes that are really used.
ACTOR_TYPES = [
    # Domestic roles: who, inside a state, acts.
    ("GOV", "role", "Government", "Executive government: heads of state and government, ministers, ministries and officials"),
    ("MIL", "role", "Military", "State armed forces, their commanders and soldiers"),
    ("COP", "role", "Police", "Police and other internal security forces"),
    ("JUD", "role", "Judiciary", "Judges, courts, prosecutors and legal officials"),
    ("LEG", "role", "Legislature", "Parliaments, legislative assemblies and their members"),
    ("SPY", "role", "Intelligence", "State intelligence and secret services"),
    ("OPP", "role", "Opposition", "Political opposition: parties, politicians and activists not in government, acting peacefully"),
    ("PTY", "role", "Political party", "A political party, as an organisation"),
    ("REB", "role", "Rebels", "Armed groups fighting the government of a state"),
    ("INS", "role", "Insurgents", "Insurgents: armed opposition to a government (the Phoenix dictionaries mostly use REB)"),
    ("SEP", "role", "Separatists", "Armed groups fighting for the secession of a territory"),
    ("UAF", "role", "Unaligned armed forces", "Armed groups and militias aligned with neither the government nor the rebels"),
    ("IMG", "organization", "International militarized group", "Armed non-state groups operating across borders, such as al-Qaeda"),
    # Sectors: what part of society an actor belongs to.
    ("AGR", "sector", "Agriculture", "Farmers, fishers and agricultural organisations"),
    ("BUS", "sector", "Business", "Businesses, companies, executives and business associations"),
    ("CRM", "sector", "Criminals", "Criminals, criminal gangs and organised crime"),
    ("CVL", "sector", "Civilians", "Civilians and the general public: individuals with no other role"),
    ("DEV", "sector", "Development", "Economic development, construction and public works"),
    ("EDU", "sector", "Education", "Schools, universities, teachers and students"),
    ("ELI", "sector", "Elites", "Prominent persons without an office: former officials, notables"),
    ("ENV", "sector", "Environment", "Environmental agencies, groups and activists"),
    ("HLH", "sector", "Health", "Health services, hospitals, doctors and health agencies"),
    ("HRI", "sector", "Human rights", "Human rights organisations and activists"),
    ("LAB", "sector", "Labour", "Trade unions and workers"),
    ("MED", "sector", "Media", "News media, journalists and broadcasters"),
    ("REF", "sector", "Refugees", "Refugees and displaced persons"),
    ("MOD", "sector", "Moderate", "Modifier: the moderate wing of a group"),
    ("RAD", "sector", "Radical", "Modifier: the radical or hard-line wing of a group"),
    ("PPL", "sector", "People", "Unspecified people (Phoenix agents: MAN, MEN, PEOPLE)"),
    # Organisations that are not states.
    ("IGO", "organization", "Intergovernmental organization", "Organisations of states, such as the UN, NATO or the African Union"),
    ("NGO", "organization", "Non-governmental organization", "Non-governmental organisations, such as charities and advocacy groups"),
    ("MNC", "organization", "Multinational corporation", "Businesses operating in several countries"),
    ("UIS", "organization", "Unidentified state actor", "A state actor whose country the text does not identify"),
    ("AMN", "organization", "Amnesty International", "A specific NGO code, used as NGOHRIAMN"),
    # Religions, as codes of their own or after a country or role.
    ("REL", "religion", "Religious", "Religious actors of unspecified faith"),
    ("CHR", "religion", "Christian", "Christians and Christian churches"),
    ("CTH", "religion", "Catholic", "Roman Catholics (after CHR: CHRCTH)"),
    ("PRO", "religion", "Protestant", "Protestants (after CHR: CHRPRO)"),
    ("MAR", "religion", "Maronite", "Maronite Christians (after CHR: CHRMAR)"),
    ("MOS", "religion", "Muslim", "Muslims and Islamic organisations (CAMEO codebook code)"),
    ("MUS", "religion", "Muslim", "Muslims (the code the Phoenix agents and armed-group dictionaries use)"),
    ("SHI", "religion", "Shia", "Shia Muslims (after MOS: MOSSHI)"),
    ("JEW", "religion", "Jewish", "Jews and Jewish organisations"),
    ("HIN", "religion", "Hindu", "Hindus and Hindu organisations"),
    ("BUD", "religion", "Buddhist", "Buddhists and Buddhist organisations"),
    ("SIK", "religion", "Sikh", "Sikhs and Sikh organisations"),
    ("TAO", "religion", "Taoist", "Taoists"),
    # Ethnic groups that appear as codes of their own.
    ("KUR", "ethnic", "Kurdish", "Kurds"),
    ("TAM", "ethnic", "Tamil", "Tamils"),
    ("UIG", "ethnic", "Uighur", "Uighurs"),
    ("TIB", "ethnic", "Tibetan", "Tibetans (after CHN: CHNTIB)"),
    # Regions: the first three letters of IGO, NGO and armed-group codes.
    ("AFR", "region", "Africa", "Africa as a whole"),
    ("NAF", "region", "North Africa", "North Africa"),
    ("WAF", "region", "West Africa", "West Africa"),
    ("CFR", "region", "Central Africa", "Central Africa"),
    ("EAF", "region", "East Africa", "East Africa"),
    ("SAF", "region", "Southern Africa", "Southern Africa"),
    ("ASA", "region", "Asia", "Asia as a whole"),
    ("CAS", "region", "Central Asia", "Central Asia and the former Soviet states"),
    ("SAS", "region", "South Asia", "South Asia"),
    ("SEA", "region", "Southeast Asia", "Southeast Asia"),
    ("EIN", "region", "East Indies", "The East Indies: Indonesia, Malaysia and neighbours"),
    ("EUR", "region", "Europe", "Europe as a whole, and the European Union"),
    ("EEU", "region", "Eastern Europe", "Eastern Europe"),
    ("WEU", "region", "Western Europe", "Western Europe"),
    ("SCN", "region", "Scandinavia", "The Nordic countries"),
    ("BLK", "region", "Balkans", "The Balkans"),
    ("CAU", "region", "Caucasus", "The Caucasus"),
    ("MDT", "region", "Mediterranean", "The Mediterranean"),
    ("MEA", "region", "Middle East", "The Middle East"),
    ("MDE", "region", "Middle East", "The Middle East (variant of MEA in NGO entries)"),
    ("PGS", "region", "Persian Gulf", "The Persian Gulf states"),
    ("ARB", "region", "Arab world", "Arab states"),
    ("NMR", "region", "North America", "North America"),
    ("LAM", "region", "Latin America", "Latin America and Central America"),
    ("CRB", "region", "Caribbean", "The Caribbean"),
    ("SAM", "region", "South America", "South America"),
    ("WST", "region", "The West", "Western states as a bloc, as in NATO (IGOWSTNAT)"),
    # Status codes that follow a country code in the Phoenix country actors.
    ("UNR", "status", "Unrecognized state", "A state at a time it was not internationally recognised, e.g. Soviet republics before December 1991 (ARMUNR)"),
    ("OCC", "status", "Occupied", "A territory under foreign occupation at the time (ESTOCC before 1991, IRQOCC 2003-2006)"),
]


def actor_code_usage(shared):
    """Counts of each 3-letter part of actor codes in the Phoenix dictionaries."""
    base = os.path.join(shared, "cameo-petrarch/dictionaries")
    usage = collections.Counter()
    for name in ("Phoenix.agents.txt", "Phoenix.Countries.actors.txt",
                 "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        with open(os.path.join(base, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                for m in re.finditer(r"\[~?([A-Z]+)", line):
                    code = m.group(1)
                    for i in range(0, len(code) - 2, 3):
                        usage[code[i:i + 3]] += 1
    return usage


def make_actor_types(shared, country_codes):
    usage = actor_code_usage(shared)
    rows = []
    for code, group, name, desc in ACTOR_TYPES:
        if usage[code] == 0:
            report(f"actor types: {code} ({name}) is not used in the Phoenix dictionaries"
                   " (kept: CAMEO codebook)")
        rows.append((code, group, name, desc))
    known = {r[0] for r in rows} | set(country_codes)
    left = [(c, n) for c, n in usage.most_common() if c not in known and n >= 10]
    report("actor types: 3-letter parts used 10 times or more that are neither a type nor"
           " a country (mostly specific organisations such as UNO, WHO, EEC): "
           + " ".join(f"{c}:{n}" for c, n in left))
    return rows


ACTOR_HEADER = """\
# actor_types.tsv: the three-letter CAMEO actor codes that are not countries.
# group: role (domestic roles), sector, organization, religion, ethnic, region,
# status.  A full actor code is a sequence of these after an optional country:
# PRKGOV, IGOUNO, NGOHRIAMN, CHRCTH.
#
# Made once by data/ontology/make_ontology.py.  The codes are those the CAMEO
# actor codebook (Schrodt, CAMEO manual 1.1b3) defines and the Phoenix/PETRARCH
# dictionaries use (Phoenix.agents.txt, Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt of
# github.com/openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,
# MIT); the script checks each against the dictionaries.  Names and descriptions
# are written for annals.
#
# Tab-separated; lines starting with # are comments; the first other line names
# the columns.
code\tgroup\tname\tdescription
"""


# ----------------------------------------------------------------------
# Countries

# Codes the Phoenix country actors use for countries or territories that
# ISO 3166-1 does not (or no longer) have.
NON_ISO = [
    ("KSV", "XK", "Kosovo", "cameo"),
    ("USR", "", "USSR (CAMEO code; ISO 3166-3 SUN)", "cameo"),
    ("FRY", "", "Federal Republic of Yugoslavia (1992-2003)", "cameo"),
    ("SRP", "", "Republika Srpska", "cameo"),
    ("KRJ", "", "Republic of Serbian Krajina (1991-1995)", "cameo"),
]


def make_countries(shared):
    iso = json.load(open(os.path.join(shared, "iso-codes-debian/iso_3166-1.json"),
                         encoding="utf-8"))["3166-1"]
    former = json.load(open(os.path.join(shared, "iso-codes-debian/iso_3166-3.json"),
                            encoding="utf-8"))["3166-3"]
    rows = [(c["alpha_3"], c["alpha_2"], c["name"], "iso") for c in iso]
    iso3 = {r[0] for r in rows}
    former3 = {c["alpha_3"]: c for c in former}

    # The first three letters of every code in the country actors file.
    path = os.path.join(shared, "cameo-petrarch/dictionaries/Phoenix.Countries.actors.txt")
    used = collections.Counter()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("#"):
                for m in re.finditer(r"\[~?([A-Z]{3})", line):
                    used[m.group(1)] += 1
    for code, alpha2, name, kind in NON_ISO:
        if not used[code]:
            report(f"countries: non-ISO {code} is not used in the Phoenix country actors")
        rows.append((code, alpha2, name, kind))
    for code in sorted(used):
        if code in iso3 or code in {r[0] for r in NON_ISO}:
            continue
        if code in former3:
            c = former3[code]
            rows.append((code, c.get("alpha_2", ""),
                         f"{c['name']} (withdrawn {c['withdrawal_date']})", "former"))
            report(f"countries: {code} used {used[code]} times is a former ISO code"
                   f" (ISO 3166-3): {c['name']}")
        else:
            report(f"countries: {code} begins {used[code]} codes in the country actors but is"
                   " neither ISO nor a CAMEO country code here: left out")
    unused = sorted(c for c in iso3 if not used[c])
    report(f"countries: {len(unused)} ISO codes never begin a code in the Phoenix country actors: "
           + " ".join(unused))
    rows.sort()
    return rows


COUNTRY_HEADER = """\
# countries.tsv: country codes of CAMEO actors.  kind: iso (ISO 3166-1, current),
# former (withdrawn, ISO 3166-3) or cameo (used by CAMEO/Phoenix, not in ISO 3166).
#
# Made once by data/ontology/make_ontology.py from:
#  - iso_3166-1.json and iso_3166-3.json of the Debian package iso-codes 4.15.0-1
#    (salsa.debian.org/iso-codes-team/iso-codes; LGPL-2.1+): alpha-3, alpha-2, name.
#  - the country codes really used in Phoenix.Countries.actors.txt of
#    github.com/openeventdata/petrarch2 (commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,
#    MIT): the former ISO codes it uses, and the non-ISO ones (KSV for Kosovo, with
#    the user-assigned alpha-2 XK that the EU and the World Bank use; USR, FRY, SRP, KRJ).
#
# Tab-separated; lines starting with # are comments; the first other line names
# the columns.
alpha3\talpha2\tname\tkind
"""


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for row in rows:
            for field in row:
                if "\t" in field or "\n" in field:
                    sys.exit(f"{path}: field with a tab or newline: {field!r}")
            f.write("\t".join(row) + "\n")
    report(f"wrote {path}: {len(rows)} rows")


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/data")
    cameo = make_cameo(shared)
    countries = make_countries(shared)
    actors = make_actor_types(shared, [r[0] for r in countries])
    write(os.path.join(HERE, "cameo_codes.tsv"), CAMEO_HEADER, cameo)
    write(os.path.join(HERE, "actor_types.tsv"), ACTOR_HEADER, actors)
    write(os.path.join(HERE, "countries.tsv"), COUNTRY_HEADER, countries)


if __name__ == "__main__":
    main()
