#!/usr/bin/env python3
"""Write data/dict/countries.actors, the built-in country dictionary of annals.

Run once from the repository root with the reference data beside it:

    python3 data/dict/make_countries.py ../shared/data > data/dict/countries.actors

What it reads (nothing is copied as it is):
  - iso-codes-debian/iso_3166-1.json (Debian iso-codes 4.15.0-1, LGPL-2.1+): the
    English short, official and common names of each ISO 3166-1 country.  Names
    written in ISO's inverted style ("Korea, Republic of") are left out; the
    table below gives the forms that news text uses.
  - countries-ruby-debian/countries.json (Debian ruby-countries 3.0.0, MIT): the
    demonym ("nationality") of each country, used only when exactly one country
    has it and the table below does not correct it (it gives "Swedish" for the
    Aland Islands, "Nigerian" for Niger, "Emirian" for the UAE).
  - data/ontology/countries.tsv of annals: the codes annals knows.  Every code
    written here is checked against it.
The hand-written table below (names, demonyms, capitals and seats of power) was
written for annals from general knowledge and checked against the country
entries of Phoenix.Countries.actors.txt (petrarch2, MIT) and CountryInfo.txt
(Schrodt, CC BY-SA 3.0); no lines were taken from either.
"""
import json
import os
import re
import sys
import unicodedata

# One line a country: CODE | names | demonyms | capitals and seats (coded GOV).
# A leading "!" on the demonym field replaces the ruby-countries demonym
# instead of adding to it; "-" there drops it.  Names are separated by ";".
TABLE = r"""
ABW | | |
AFG | | Afghan{s} | Kabul
AGO | | | Luanda
ALB | | | Tirana; Tirane
AND | | | Andorra la Vella
ARE | UAE; U.A.E.; Emirates | !Emirati{s} | Abu Dhabi
ARG | | !Argentine{s}; Argentinian{s} | Buenos Aires; Casa Rosada
ARM | | | Yerevan
ATG | Antigua | !Antiguan{s} |
AUS | | Aussie{s} | Canberra
AUT | | | Vienna
AZE | | Azeri{s} | Baku
BDI | | | Gitega; Bujumbura
BEL | | | # Brussels codes the EU: see organisations.actors
BEN | | | Porto-Novo; Porto Novo; Cotonou
BFA | | | Ouagadougou
BGD | | | Dhaka
BGR | | | Sofia
BHR | | | Manama
BHS | | | Nassau
BIH | Bosnia-Herzegovina; Bosnia | !Bosnian{s} | Sarajevo
BLR | Byelorussia; Belorussia | Belarussian{s}; Byelorussian{s} | Minsk
BLZ | | | Belmopan
BOL | | | La Paz
BRA | | | Brasilia; Planalto Palace
BRB | | | Bridgetown
BRN | Brunei | | Bandar Seri Begawan
BTN | | | Thimphu
BWA | | Batswana | Gaborone
CAF | Central African Republic; C.A.R. | !Central African{s} | Bangui
CAN | | | Ottawa
CHE | Switzerland | | Bern; Berne
CHL | | | Santiago; La Moneda
CHN | PRC; mainland China; People's Republic of China | Chinese | Beijing; Peking; Zhongnanhai
CIV | Côte d'Ivoire; Ivory Coast | | Yamoussoukro; Abidjan
CMR | | | Yaounde
COD | Democratic Republic of the Congo; Democratic Republic of Congo; DR Congo; D.R. Congo; DRC; Congo-Kinshasa; Congo; Zaire | !Congolese; Zairean{s} | Kinshasa
COG | Republic of the Congo; Republic of Congo; Congo Republic; Congo-Brazzaville | - | Brazzaville
COL | | | Bogota; Casa de Nariño
COM | | !Comoran{s}; Comorian{s} | Moroni
CPV | Cape Verde | !Cape Verdean{s} | Praia
CRI | | | San Jose
CUB | | | Havana
CYP | | | Nicosia
CZE | Czech Republic | !Czech{s} | Prague
DEU | West Germany | !German{s}; West German{s} | Berlin
DJI | | !Djiboutian{s} |
DMA | | - | Roseau
DNK | | Dane{s} | Copenhagen
DOM | | !Dominican{s} | Santo Domingo
DZA | | | Algiers
ECU | | Ecuadorian{s} | Quito
EGY | | | Cairo
ERI | | | Asmara
ESH | | Saharawi{s} |
ESP | | Spaniard{s} | Madrid; Moncloa
EST | | | Tallinn
ETH | | | Addis Ababa
FIN | | Finn{s} | Helsinki
FJI | | | Suva
FRA | | French; Frenchman; Frenchmen | Paris; Elysee; Elysee Palace; Quai d'Orsay; Matignon
FSM | Micronesia | | Palikir
GAB | | | Libreville
GBR | UK; U.K.; Britain; Great Britain; England; Scotland; Wales; Northern Ireland | Briton{s}; Brit{s}; Scottish; Scot{s}; Welsh; Northern Irish | London; Downing Street; 10 Downing Street; Whitehall
GEO | | | Tbilisi
GHA | | | Accra
GIN | | | Conakry
GMB | | | Banjul
GNB | | !Bissau-Guinean{s} | Bissau
GNQ | | | Malabo
GRC | | | Athens
GTM | | | Guatemala City
GUY | | | Georgetown
HKG | | !Hong Konger{s} |
HND | | | Tegucigalpa
HRV | | Croat{s} | Zagreb
HTI | | | Port-au-Prince
HUN | | | Budapest
IDN | | | Jakarta
IND | | Indian{s} | New Delhi
IRL | Republic of Ireland | | Dublin
IRN | Islamic Republic | | Tehran; Teheran
IRQ | | | Baghdad
ISL | | !Icelander{s}; Icelandic | Reykjavik
ISR | State of Israel | | # Jerusalem: disputed, and in news text mostly a place
ITA | | Italian{s} | Rome; Palazzo Chigi; Farnesina
JAM | | | Kingston
JOR | Hashemite Kingdom of Jordan | | Amman
JPN | | | Tokyo
KAZ | | Kazakh{s} | Astana; Nur-Sultan
KEN | | | Nairobi
KGZ | Kyrgyz Republic | !Kyrgyz; Kirghiz; Kyrgyzstani{s} | Bishkek
KHM | Kampuchea | | Phnom Penh
KIR | | | Tarawa
KNA | St. Kitts and Nevis; St Kitts and Nevis; Saint Kitts; St. Kitts | !Kittitian{s} | Basseterre
KOR | South Korea; S. Korea; Republic of Korea; ROK; Korea | Korean{s} | Seoul; Blue House; Cheong Wa Dae; Yongsan
KWT | | | Kuwait City
LAO | Laos; Lao PDR | Lao | Vientiane
LBN | | | Beirut
LBR | | | Monrovia
LBY | | | Tripoli
LCA | St. Lucia; St Lucia | | Castries
LIE | | | Vaduz
LKA | | | Colombo
LSO | | Basotho | Maseru
LTU | | | Vilnius
LUX | | | 
LVA | | | Riga
MAC | Macau | !Macanese |
MAR | | | Rabat
MDA | | | Chisinau
MDG | | | Antananarivo
MDV | | !Maldivian{s} |
MEX | | | Mexico City; Los Pinos
MHL | | | Majuro
MKD | Macedonia; Republic of Macedonia; Former Yugoslav Republic of Macedonia; FYROM | | Skopje
MLI | | | Bamako
MLT | | | Valletta
MMR | Burma | !Burmese | Naypyidaw; Naypyitaw; Nay Pyi Taw; Rangoon; Yangon
MNE | | | Podgorica
MNG | | | Ulaanbaatar; Ulan Bator
MOZ | | | Maputo
MRT | | | Nouakchott
MUS | | | Port Louis
MWI | | | Lilongwe
MYS | | | Kuala Lumpur; Putrajaya
NAM | | | Windhoek
NER | | !Nigerien{s} | Niamey
NGA | | Nigerian{s} | Abuja; Aso Rock; Lagos
NIC | | | Managua
NLD | Holland | Dutch; Dutchman; Dutchmen | Amsterdam
NOR | | Norwegian{s} | Oslo
NPL | | | Kathmandu
NZL | | | Wellington
OMN | | | Muscat
PAK | | | Islamabad
PAN | | | Panama City
PER | | | Lima
PHL | | Filipina{s}; Philippine= | Manila; Malacañang
PLW | | | Ngerulmud
PNG | PNG | | Port Moresby
POL | | Poles | Warsaw
PRK | North Korea; N. Korea; DPRK; D.P.R.K.; Democratic People's Republic of Korea | | Pyongyang
PRT | | | Lisbon
PRY | | | Asuncion
PSE | Palestine; State of Palestine; Palestinian territories; Occupied Palestinian Territories; West Bank; Gaza; Gaza Strip | Gazan{s} | Ramallah; Palestinian Authority; Palestinian National Authority
QAT | | | Doha
ROU | | | Bucharest
RUS | Russia | | Moscow; Kremlin
RWA | | | Kigali
SAU | KSA; Kingdom of Saudi Arabia | Saudi{s}; Saudi Arabian{s} | Riyadh
SDN | | | Khartoum; Port Sudan
SEN | | | Dakar
SGP | | | 
SLB | | | Honiara
SLE | | | Freetown
SLV | | Salvadorean{s} | San Salvador
SOM | Somaliland | | Mogadishu; Villa Somalia
SRB | | Serb{s} | Belgrade
SSD | | | Juba
STP | São Tomé and Príncipe; Sao Tome | | 
SUR | | | Paramaribo
SVK | | Slovakian{s} | Bratislava
SVN | | Slovenian{s} | Ljubljana
SWE | | Swedish; Swede{s} | Stockholm
SWZ | Swaziland | | Mbabane
SYC | | | 
SYR | Syria | | Damascus
TCD | | | N'Djamena; Ndjamena
TGO | | | Lome
THA | | | Bangkok
TJK | | !Tajik{s}; Tajikistani{s} | Dushanbe
TKM | | | Ashgabat
TLS | East Timor | | Dili
TON | | | Nuku'alofa
TTO | Trinidad | Tobagonian{s} | Port of Spain
TUN | | | Tunis
TUR | Türkiye; Turkey | Turk{s} | Ankara
TUV | | | Funafuti
TWN | Republic of China; Chinese Taipei | | Taipei
TZA | Tanzania | | Dodoma
UGA | | | Kampala
UKR | | | Kyiv; Kiev
URY | | | Montevideo
USA | U.S.; US; USA; U.S.A.; America | American{s} | Washington; White House
UZB | | Uzbek{s} | Tashkent
VAT | Holy See; Vatican; Vatican City | - |
VCT | St. Vincent and the Grenadines; St Vincent and the Grenadines; Saint Vincent | | Kingstown
VEN | | | Caracas; Miraflores Palace
VNM | Vietnam | | Hanoi
VUT | | | Port Vila
WSM | | | Apia
YEM | | | Sanaa; Sana'a
ZAF | | | Pretoria; Union Buildings
ZMB | | | Lusaka
ZWE | | | Harare
CCK | Cocos Islands; Keeling Islands | |
FLK | Falkland Islands; Falklands; Malvinas | |
SHN | Saint Helena; St Helena; St. Helena; Ascension Island; Tristan da Cunha | |
MAF | Saint Martin; St. Martin | |
SXM | Sint Maarten | |
VIR | U.S. Virgin Islands; US Virgin Islands; United States Virgin Islands | |
GIB | | Gibraltarian{s} |
"""

# Demonyms of ruby-countries that are wrong for the code or shared with
# another country; "-" in the table drops a single one, these are dropped for
# every code that does not restate them.
DEMONYM_BAD = {"Swedish", "French", "Dutch", "American", "Indian", "Italian",
               "Chinese", "Norwegian", "Channel Islander", "Congolese",
               "Dominican", "Nigerian", "Christmas Island", "Gibraltar",
               "Virgin Islander", "Myanmarian", "Argentinean", "Cape Verdian",
               "Maldivan", "Tadzhik", "Kirghiz", "Emirian", "Hong Kongese",
               "Djibouti", "Icelander", "Saudi Arabian"}

# Codes a capital or seat of power gets other than <country>GOV, and entries
# that are not capitals: institutions that news text names by themselves.
# Written as whole entries: names; then codes with optional dates and comments.
EXTRA = {
    "AFG": [("Islamic Emirate of Afghanistan; Islamic Emirate",
             ["AFGGOV 2021-08-15.. ; the Taliban state; before it the name meant the Taliban (see groups.actors)",
              "AFGREB ..2021-08-14"])],
    "COD": [],
    "DEU": [("Bundestag", ["DEULEG"]), ("Bundeswehr", ["DEUMIL"])],
    "GBR": [("Westminster; House of Commons; House of Lords", ["GBRLEG"]),
            ("Ministry of Defence; MoD", ["GBRMIL"]),
            # "Foreign Office" alone is an agent (agents.agents): Pakistan's and Germany's
            # are called so too, and as a GBR actor it made "Pakistan's Foreign Office" GBRGOV.
            ("Foreign and Commonwealth Office; Foreign, Commonwealth and Development Office; FCDO",
             ["GBRGOV"]),
            ("MI6; MI5; Secret Intelligence Service; GCHQ", ["GBRSPY"]),
            ("Scotland Yard; Metropolitan Police", ["GBRCOP"])],
    "FRA": [("Assemblée nationale; French National Assembly", ["FRALEG"])],
    "ISR": [("Knesset", ["ISRLEG"]),
            ("IDF; Israel Defense Forces; Israel Defence Forces; Israeli Defense Forces", ["ISRMIL"]),
            ("Mossad; Shin Bet; Shabak", ["ISRSPY"])],
    "IRN": [("Islamic Revolutionary Guard Corps; Revolutionary Guards; IRGC", ["IRNMIL"]),
            ("Majlis", ["IRNLEG"])],
    "KOR": [],
    "MMR": [("Tatmadaw", ["MMRMIL"])],
    "PAK": [("ISI; Inter-Services Intelligence", ["PAKSPY"])],
    "RUS": [("State Duma; Duma; Federation Council", ["RUSLEG"]),
            ("Russian White House", ["RUSGOV"]),
            ("FSB; Federal Security Service", ["RUSSPY ; Phoenix codes it RUSCOP; it is the KGB's successor and an intelligence service"]),
            ("SVR; GRU", ["RUSSPY"])],
    "AUS": [("New South Wales", ["AUS ; an Australian state; keeps 'Wales' from reading as GBR"])],
    "USA": [("New Mexico; New Jersey", ["USA ; US states; keeps 'Mexico' and 'Jersey' from reading as MEX and JEY (as Phoenix)"]),
            ("State Department; Department of State; Foggy Bottom", ["USAGOV"]),
            ("Pentagon; Department of Defense; U.S. military; US military", ["USAMIL"]),
            ("Capitol Hill; U.S. Congress; US Congress; U.S. Senate; US Senate; House of Representatives",
             ["USALEG"]),
            ("U.S. Supreme Court; US Supreme Court; Supreme Court of the United States", ["USAJUD"]),
            ("CIA; Central Intelligence Agency; National Security Agency", ["USASPY"]),
            ("FBI; Federal Bureau of Investigation", ["USACOP"])],
    "CHN": [("People's Liberation Army; PLA", ["CHNMIL"]),
            ("National People's Congress", ["CHNLEG"]),
            ("Chinese Communist Party; Communist Party of China; CCP; CPC", ["CHNPTY"])],
    "PRK": [("Korean People's Army; KPA", ["PRKMIL"]),
            ("Workers' Party of Korea", ["PRKPTY"]),
            ("KCNA; Korean Central News Agency; Rodong Sinmun", ["PRKMED"])],
    "PSE": [("Palestine Liberation Organization; Palestine Liberation Organisation; PLO", ["PSE"])],
    "JPN": [("Self-Defense Forces; Self-Defence Forces; Japan Self-Defense Forces", ["JPNMIL ; \"SDF\" is left to the Syrian Democratic Forces (groups.actors)"])],
    "UKR": [("Verkhovna Rada", ["UKRLEG"])],
    "TUR": [("Grand National Assembly", ["TURLEG"])],
    "SAU": [("Saudi Aramco; Aramco", ["SAUBUS ; state oil company"])],
    "TWN": [("Legislative Yuan", ["TWNLEG"])],
}

# Dated metonyms: a capital that stopped being one, or a seat that changed hands.
DATED = {
    "Rangoon; Yangon": ["MMRGOV ..2005-11-05 ; capital until the move to Naypyidaw"],
    "Lagos": ["NGAGOV ..1991-12-11 ; capital until Abuja"],
    "Blue House; Cheong Wa Dae": ["KORGOV ..2022-05-09 ; presidential office until it moved to Yongsan"],
    "Yongsan": ["KORGOV 2022-05-10.. ; presidential office from Yoon Suk-yeol's inauguration"],
    "Nur-Sultan": ["KAZGOV 2019-03-23..2022-09-16 ; the capital's name in those years"],
    "Sanaa; Sana'a": ["YEMGOV ..2014-09-20",
                      "YEMREB 2014-09-21.. ; held by the Houthis since September 2014"],
    "Port Sudan": ["SDNGOV 2023-08-01.. ; seat of the army-led government during the war"],
    "Los Pinos": ["MEXGOV ..2018-11-30 ; presidential residence until Lopez Obrador"],
    "Gitega": ["BDIGOV 2019-01-16.. ; political capital since 2019"],
    "Bujumbura": ["BDIGOV"],
}

# Former states and CAMEO's own codes (countries.tsv kinds 'former' and 'cameo').
FORMER = [
    ("Soviet Union; USSR; U.S.S.R.; Union of Soviet Socialist Republics; Soviet{s}",
     ["USR ; CAMEO's code; ISO 3166-3 has SUN"]),
    ("Yugoslavia; Yugoslav{s}; Yugoslavian{s}",
     ["YUG", "YUG ..1992-04-26", "FRY 1992-04-27..2003-02-03 ; the Federal Republic of Yugoslavia"]),
    ("Federal Republic of Yugoslavia", ["FRY"]),
    ("Serbia and Montenegro", ["SCG ; 2003-2006"]),
    ("Czechoslovakia; Czechoslovak{s}", ["CSK"]),
    ("East Germany; German Democratic Republic; GDR; East German{s}", ["DDR"]),
    ("Kosovo; Republic of Kosovo; Kosovar{s}; Kosovan{s}",
     ["KSV ; CAMEO's code; ISO has none (XK is user-assigned)"]),
    ("Pristina; Prishtina", ["KSVGOV"]),
    ("Republika Srpska; Bosnian Serb Republic", ["SRP"]),
    ("Republic of Serbian Krajina; Serbian Krajina", ["KRJ"]),
]

# Regions and peoples that are CAMEO roots of their own (actor_types.tsv,
# group region); they also keep "South American" from reading as USA.
REGIONS = [
    ("Africa; African{s}; sub-Saharan Africa", "AFR"),
    ("North Africa; North African{s}; Maghreb", "NAF"),
    ("West Africa; West African{s}; Sahel", "WAF"),
    ("Central Africa", "CFR"),
    ("East Africa; East African{s}; Horn of Africa", "EAF"),
    ("Southern Africa; southern African{s}", "SAF"),
    ("Asia; Asian{s}", "ASA"),
    ("Central Asia; Central Asian{s}", "CAS"),
    ("South Asia; South Asian{s}", "SAS"),
    ("Southeast Asia; South-East Asia; Southeast Asian{s}; South-East Asian{s}", "SEA"),
    ("Europe; European{s}", "EUR"),
    ("Eastern Europe; Eastern European{s}", "EEU"),
    ("Western Europe; Western European{s}", "WEU"),
    ("Scandinavia; Scandinavian{s}; Nordic countries; Nordics", "SCN"),
    ("Balkans; Balkan", "BLK"),
    ("Caucasus", "CAU"),  # not "Caucasian": in US text it means white
    ("Mediterranean", "MDT"),
    ("Middle East; Mideast; Middle Eastern", "MEA"),
    ("Persian Gulf; Gulf states; Gulf Arab states; Gulf Arab{s}", "PGS"),
    ("Arab{s}; Arab world; Arab states; Arab countries", "ARB"),
    ("North America; North American{s}", "NMR"),
    ("Latin America; Latin American{s}; Central America; Central American{s}", "LAM"),
    ("Caribbean", "CRB"),
    ("South America; South American{s}", "SAM"),
    ("the West; Western powers; Western countries; Western nations; Western governments", "WST"),
    ("Kurd{s}; Kurdish", "KUR"),
]

INVARIANT = re.compile(r"(ese|sh|ch|ss|s|x|z|man|men|Kiribati|Lao|Malagasy|Burkinabe|Basotho|Batswana|Motswana|Mosotho)$")


def plural(demonym):
    """Give a demonym its plural suffix: Ivorian{s}, but Swiss, Chinese, British."""
    if demonym.endswith("="):
        return demonym[:-1]
    if "{" in demonym or INVARIANT.search(demonym) or demonym.endswith("ic"):
        return demonym
    if demonym.endswith("y"):
        return demonym
    return demonym + "{s}"


def expand(name):
    """Every form a name with {a|b} suffixes stands for: German{s} -> German, Germans."""
    m = re.search(r"\{([^{}]*)\}", name)
    if not m:
        return [name]
    head, tail = name[:m.start()], name[m.end():]
    out = expand(head + tail)
    for alt in m.group(1).split("|"):
        out.extend(expand(head + alt + tail))
    return out


def match_keys(name):
    """What the matcher makes of a name: case and diacritics folded, full stops dropped
    inside a word, hyphens between words, a leading "the" optional; capitals-only names
    kept apart from the others.  Two names with the same keys are the same name."""
    keys = set()
    for form in expand(name):
        caps = form.upper() == form
        words = unicodedata.normalize("NFKD", form.casefold()).replace("-", " ").split()
        words = ["".join(c for c in w if not unicodedata.combining(c)) for w in words]
        words = [w.replace(".", "") or w for w in words]
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
        keys.add((caps, " ".join(words)))
    return keys


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def clean_iso_name(name):
    """ISO names in inverted or bracketed style are not how news text writes them."""
    if not name or "," in name or "(" in name:
        return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    known = {}
    with open(os.path.join(root, "data/ontology/countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("alpha3\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            known[cols[0]] = cols[3]
    iso = json.load(open(os.path.join(shared, "iso-codes-debian/iso_3166-1.json"),
                         encoding="utf-8"))["3166-1"]
    ruby = json.load(open(os.path.join(shared, "countries-ruby-debian/countries.json"),
                          encoding="utf-8"))

    table = {}
    for line in TABLE.strip().split("\n"):
        parts = [p.strip() for p in line.split("|")]
        caps = parts[3].split("#")[0]
        note = parts[3].split("#")[1].strip() if "#" in parts[3] else None
        table[parts[0]] = (split(parts[1]), parts[2], split(caps), note)

    # A ruby demonym is usable only if one country alone has it.
    count = {}
    for c in iso:
        n = ruby.get(c["alpha_2"], {}).get("nationality")
        if n:
            count[n] = count.get(n, 0) + 1

    used = {}          # name (folded) -> code, to catch a name given twice
    out = []

    def emit(names, codes, where):
        kept = []
        for n in names:
            keys = match_keys(n)
            owners = {used[k] for k in keys if k in used}
            if len(owners & {where}) == 1 and all(k in used for k in keys):
                continue       # the same words again ("U.A.E." beside "UAE")
            if owners - {where}:
                sys.stderr.write("dropped duplicate name %r for %s (already %s)\n"
                                 % (n, where, ", ".join(sorted(owners - {where}))))
                continue
            for k in keys:
                used[k] = where
            kept.append(n)
        if not kept:
            return
        for code in codes:
            root3 = code.split()[0][:3]
            assert root3 in known or where == "region", (code, where)
        out.append("; ".join(kept))
        for code in codes:
            out.append("    " + code)

    # Table names first claim ambiguous strings ("Congo" for COD).
    order = sorted(iso, key=lambda c: c["alpha_3"])
    claimed = {}
    for code, (names, _, _, _) in table.items():
        for n in names:
            claimed[n.lower()] = code

    out.append("")
    out.append("[actors]")
    for c in order:
        a3 = c["alpha_3"]
        if a3 not in known:
            sys.stderr.write("skipped %s: not in countries.tsv\n" % a3)
            continue
        names, dfield, caps, note = table.get(a3, ([], "", [], None))
        # ISO first: the short name, the common name, the official name.
        base = []
        for key in ("name", "common_name", "official_name"):
            n = clean_iso_name(c.get(key))
            if n and n not in base and claimed.get(n.lower(), a3) == a3:
                base.append(n)
        for n in names:
            if n not in base:
                base.append(n)
        dem = []
        if not dfield.startswith("!") and dfield != "-":
            n = ruby.get(c["alpha_2"], {}).get("nationality")
            if n and count.get(n) == 1 and n not in DEMONYM_BAD and "," not in n:
                dem.append(plural(n))
        for d in split(dfield.lstrip("!")):
            if d != "-":
                dem.append(plural(d))
        out.append("")
        out.append("# %s" % c["name"])
        emit(base + [d for d in dem if d not in base], [a3], a3)
        name2key = {n: k for k in DATED for n in split(k)}
        plain = [x for x in caps if x not in name2key]
        if plain:
            emit(plain, [a3 + "GOV"], a3)
        keys = []
        for x in caps:
            if x in name2key and name2key[x] not in keys:
                keys.append(name2key[x])
        for key in keys:
            emit(split(key), DATED[key], a3)
        if note:
            out.append("# " + note)
        for names2, codes in EXTRA.get(a3, []):
            emit(split(names2), codes, a3)

    out.append("")
    out.append("# Former states, and states CAMEO codes outside ISO 3166-1")
    for names, codes in FORMER:
        emit(split(names), codes, codes[0][:3])
    out.append("")
    out.append("# Regions and peoples: CAMEO roots that are not states")
    for names, code in REGIONS:
        emit(split(names), [code], "region")

    sys.stdout.write(HEADER)
    sys.stdout.write("\n".join(out) + "\n")


HEADER = """\
# annals actors 1
#
# countries.actors: the countries and territories of the world as CAMEO actors,
# for annals (built in; `annals code --actors` replaces it).
#
# Each country has: its names (ISO 3166-1 short, common and official names,
# and the forms news text uses: "UK", "Britain", "Ivory Coast", "Burma"),
# its demonyms and adjectives (singular and plural: "Emirati{s}", "British"),
# coded as the country; then its capital and seats of power ("Washington",
# "the White House", "the Kremlin", "Downing Street", "Zhongnanhai"), coded as
# its government, <CODE>GOV; then a few institutions that news text names by
# themselves (the Pentagon USAMIL, the Knesset ISRLEG, the Mossad ISRSPY).
#
# Choices:
#  - A capital codes the government, not the country: "Washington said" is
#    USAGOV, as CAMEO coding practice has it (PETRARCH's dictionaries code every
#    city, capitals included, as the bare country).  Other cities are places,
#    not actors, and are left out.
#  - "Brussels" codes the European Union (IGOEUREEC, in organisations.actors):
#    in news text it stands for the EU institutions far more often than for the
#    Belgian government.  "The Hague" is left out (the ICC and ICJ sit there),
#    as is "Jerusalem" (its status is disputed and news text uses it as a place).
#  - Codes are ISO 3166-1 alpha-3 as CAMEO uses them; Kosovo is KSV, the Soviet
#    Union USR, Yugoslavia YUG/FRY (dated), as data/ontology/countries.tsv says.
#  - "Congo" and "Congolese" code the DR Congo (COD), which news text means far
#    more often; the Republic of the Congo is "Republic of the Congo",
#    "Congo-Brazzaville".  "Korea" and "Korean" code South Korea (as Phoenix
#    does).  England, Scotland, Wales and Northern Ireland code GBR.
#  - Hong Kong and Macao keep their own ISO codes (HKG, MAC), as Phoenix does.
#  - Taiwan is TWN; Palestine PSE, with the West Bank and Gaza; the Palestinian
#    Authority is PSEGOV.  Somaliland, self-declared, codes SOM (CAMEO has no
#    code for it).  East Timor is TLS throughout (ISO's older TMP is not used).
#  - Ambiguous names kept on purpose, since news text means the country far more
#    often: Georgia (also a US state), Jordan, Chad, Turkey, Guinea, Niger.
#  - Seats that changed (dated): Rangoon/Yangon until 2005, Lagos until 1991,
#    the Blue House until 2022-05-09 and Yongsan after, Sanaa held by the
#    Houthis (YEMREB) since 2014-09-21, Port Sudan during the war from 2023.
#  - Regions (AFR, MEA, LAM, WST ...) and the Kurds (KUR) are at the end.
#
# Sources:
#  - Debian iso-codes 4.15.0-1, iso_3166-1.json (LGPL-2.1+): country names.
#  - Debian ruby-countries 3.0.0 (github.com/hexorx/countries, MIT): demonyms,
#    used only where one country alone has the demonym, and corrected by hand.
#  - Names, demonyms, capitals and seats of power written for annals from general
#    knowledge, checked against Phoenix.Countries.actors.txt (petrarch2, commit
#    676801cd, MIT) and CountryInfo.txt (Schrodt 2012, CC BY-SA 3.0); no lines
#    copied from either.
# Made by data/dict/make_countries.py (see data/dict/README.md); do not edit by
# hand, change the script and run it again.  Facts as of 2025-06.
"""

if __name__ == "__main__":
    main()
