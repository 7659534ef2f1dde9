"""Build src/marsad/actors/data/western_names.tsv: Arabic-script spellings of Western names → Latin.

Arabic news writes Western persons' names phonetically (رايان ديلون = Ryan Dillon, جون كيري =
John Kerry). An Arabic-style romaniser turns them into "Raian Diloun"; this index lets the actor
stage give such names their conventional Latin spelling (see ``marsad.actors.western``).

Sources (read at build time only, nothing is downloaded at run time):

* US Census 1990 name files ``dist.male.first`` (1,219), ``dist.female.first`` (4,275),
  ``dist.all.last`` (88,799, with frequencies), as shipped in the PyPI package ``names`` 0.3.0
  (MIT; the Census files are US-government works in the public domain). Get them with
  ``pip download --no-deps names==0.3.0`` and pass the sdist (or its unpacked folder) with
  ``--census``, or ``pip install names`` and omit it.
* Faker (PyPI ``faker``, MIT): the person-name lists of its European locales (``FAKER_LOCALES``;
  Cyrillic ones transliterated to the Latin spelling the English-language press uses). Pass
  the wheel or an unpacked folder with ``--faker`` (``pip download --no-deps faker``), or omit
  it to build without them.
* ``CURATED`` below: common French, German, Italian, Spanish/Portuguese, Dutch/Nordic and
  Russian/Slavic given names and surnames, written by hand for Marsad from general knowledge
  (ordinary frequent names of those countries, not a list of particular people).

Each Latin name is transliterated by ``arabic_spellings()`` — orthographic rules of English,
French, German, Italian, Spanish and romanised Russian for the letters Arabic news writes
(long vowels written or dropped, th → ث/ت, ch → تش/ش, g → غ/ج, v → ف, p → ب…), every
spelling with a cost. The index keeps, for every normalised Arabic spelling, the Latin name
with the best score (name frequency, less the cost of the spelling).

    python scripts/build_western_names.py --census /tmp/names-0.3.0.tar.gz --faker /tmp/faker-*.whl
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import tarfile
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/marsad/actors/data/western_names.tsv"

# Common names by language (given names | surnames), hand-written for Marsad.
CURATED: dict[str, tuple[str, str]] = {
    "fr": (
        "Jean Pierre Jacques Michel Philippe Alain Bernard Patrick Nicolas Christophe Laurent François "
        "Olivier Thierry Eric Frédéric Stéphane Sébastien Julien Emmanuel Guillaume Antoine Mathieu Vincent "
        "Yves Marc Claude Gérard Daniel Hervé Didier Benoît Arnaud Cédric Xavier Raphaël Édouard Gérald "
        "Bruno Dominique Charles Henri Louis Hugues Luc Rémi Serge Sylvain Thibault Fabien Gilles Jérôme "
        "Lionel Manuel Régis Ségolène Marine Marie Catherine Florence Anne Isabelle Nathalie Sylvie "
        "Christine Sophie Valérie Véronique Brigitte Martine Françoise Monique Hélène Élisabeth Agnès "
        "Aurélie Céline Chantal Claire Danielle Delphine Élise Émilie Geneviève Josiane Laurence Marion "
        "Mireille Nadine Pascale Sandrine Simone Stéphanie Virginie Jean-Marc Jean-Yves Jean-Claude "
        "Jean-Luc Jean-Pierre Jean-Louis Jean-Paul Jean-Michel Jean-François Marie-France Noël Loïc",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
        "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
        "Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry "
        "Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin "
        "Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer "
        "Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt "
        "Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois "
        "Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Da Silva "
        "Hubert Louis Charles Guillot Rivière Le Gall Guillaume Adam Rey Moulin Gonzalez Berger Lecomte "
        "Menard Fleury Deschamps Carpentier Julien Benoît Paris Maillard Marchal Aubry Vasseur Le Roux "
        "Renault Jacquet Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul Laine "
        "Carré Breton Rémy Schneider Perrot Guyot Barre Marty Cousin Chauvin Besson Leblanc Mallet "
        "Lebrun Lemaitre Bouvier Colas Jacob Lefort Boucher Bailly Moulin Giraud Perret Hoarau Marechal "
        "Leger Bertin Bouchet Delmas Fleury Lebon Millet "
        "",
    ),
    "de": (
        "Hans Peter Klaus Jürgen Wolfgang Michael Thomas Andreas Stefan Frank Uwe Dieter Horst Helmut "
        "Gerhard Werner Günter Heinz Karl Walter Joachim Rainer Manfred Bernd Jörg Ralf Dirk Holger "
        "Matthias Markus Christian Sebastian Tobias Florian Alexander Martin Jan Jens Lars Olaf "
        "Horst Norbert Guido Armin Friedrich Robert Christoph Johannes Lukas Maximilian "
        "Ursula Angela Annegret Andrea Sabine Petra Monika Claudia Susanne Birgit Karin "
        "Renate Heike Gabriele Ute Katrin Christiane Julia Anja Nadine Simone Svenja Franziska Frauke "
        "Brigitte Gisela Ingrid Helga Elke Heidi Ilse Wiebke",
        "Müller Schulz Scholz Fischer Köhler Gabriel Schmidt Schneider Weber Meyer Wagner Becker Hoffmann Schäfer Koch Bauer "
        "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange "
        "Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Herrmann König Walter "
        "Mayer Huber Kaiser Fuchs Peters Lang Möller Weiß Jung Hahn Schubert Vogel Friedrich "
        "Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon "
        "Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel "
        "Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch "
        "Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer "
        ""
        "",
    ),
    "it": (
        "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco "
        "Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Stefano Alessandro Andrea Marco Matteo "
        "Lorenzo Luca Roberto Massimo Fabrizio Enrico Emanuele Filippo Federico Gianni Giancarlo Romano "
        "Silvio Enzo Dario Nicola Claudio Maurizio Riccardo Alberto Maria Anna Giovanna Rosa "
        "Angela Giuseppina Lucia Carmela Elena Francesca Federica Giulia Chiara Sara Laura Paola "
        "Giorgia Emma Beatrice Alessandra Valentina Silvia Roberta Daniela Simona Elisabetta Marta "
        "Ignazio Luigino Pier Gianluca Vittorio Ugo Umberto Sandro",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De Luca Mancini Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi "
        "Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola "
        "De Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso "
        "Valentini Messina Sala De Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo "
        "Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti "
        "Caputo Montanari Guerra Palmieri Bernardi Martino Fiore De Rosa Ferretti Bellini Basile Riva "
        "Donati Piras Vitali Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino "
        "D'Amico Orlando Damico Negri "
        ""
        "",
    ),
    "es": (
        "José Juan Antonio Manuel Francisco Luis Javier Miguel Carlos Jesús Pedro Alejandro Rafael "
        "Fernando Pablo Jorge Alberto Sergio Ángel Diego Enrique Ramón Vicente Andrés Joaquín Santiago "
        "Eduardo Víctor Roberto Jaime Ignacio Alfonso Ricardo Mariano Felipe Gonzalo Josep Jordi Xavier "
        "Iñigo Arantxa María Carmen Ana Isabel Dolores Pilar Teresa Rosa Cristina Laura Marta Elena "
        "Lucía Paula Raquel Soraya Margarita Inés Beatriz Mercedes Luisa Irene Yolanda Nadia Montserrat "
        "Esperanza Leire Trinidad Arancha Begoña Meritxell",
        "García Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
        "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez "
        "Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín "
        "Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez "
        "Cruz Calvo Gallego Herrera Márquez León Peña Flores Cabrera Campos Vega Fuentes Carrasco Diez "
        "Aguilar Caballero Nieto Reyes Pascual Herrero Santana Lorenzo Hidalgo Montero Ibáñez Giménez "
        "Ferrer Durán Santiago Benítez Vargas Mora Vicente Arias Carmona Crespo Román Pastor Soto Sáez "
        "Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas "
        ""
        "Silva Santos Oliveira Pereira Ferreira Almeida Carvalho Gomes Lopes Marques",
    ),
    "ru": (
        "Vladimir Sergei Sergey Dmitry Dmitri Alexander Alexei Alexey Andrei Andrey Mikhail Nikolai "
        "Nikolay Ivan Igor Oleg Yuri Viktor Vitaly Vasily Vassily Pavel Boris Anatoly Gennady Valery "
        "Konstantin Maxim Roman Yevgeny Evgeny Arkady Leonid Grigory Fyodor Stanislav Yaroslav "
        "Volodymyr Petro Vitali Dmytro Oleksandr Mykola Taras Yulia Maria Anna Olga Tatiana "
        "Natalia Elena Irina Svetlana Valentina Lyudmila Ekaterina Yekaterina Galina Larisa Nadezhda "
        "Ksenia Anastasia Veronika Nikola Zoran Milan Dragan Aleksandar Tomislav Janez Lech "
        "Andrzej Jaroslaw Mateusz Radoslaw Zbigniew Donald Viktor Milos Vaclav Jan Petr Robert",
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov "
        "Volkov Alexeev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov "
        "Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev Romanov Vorobiev Sergeev Kuzmin "
        "Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maximov Polyakov Sorokin Vinogradov "
        "Kovalev Belov Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev "
        "Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov Mironov Krylov Kulikov Karpov Vlasov "
        "Melnikov Denisov Gavrilov Tikhonov Kazakov Afanasiev Danilov Savelyev Timofeev Fomin "
        "Chernov Abramov Martynov Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov "
        "Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev "
        "Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov Kolesnikov "
        "Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov Kirillov Malyshev "
        "Panov Moiseev Rumyantsev Akimov Kondratiev Biryukov Gorbunov Anisimov Eremin Tikhomirov "
        "Galkin Lukyanov Mikheev Skvortsov Yudin Belousov Nesterov Simonov Prokofiev Kharitonov "
        "Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev Loginov Gorshkov Savin "
        "Krasnov Mayorov Demidov Eliseev Rybakov Safonov Plotnikov Demin Khokhlov Fadeev Molchanov "
        "Ignatov Litvinov Ershov Ushakov Dementiev Ryabov Mukhin Kalashnikov Leontiev Lobanov Kuzin "
        "Korneev Evdokimov Borodin Platonov Nekrasov Balashov Bobrov Zhdanov Blinov Ignatiev Korotkov "
        "Muravyov Kryukov Belyakov Bogomolov Drozdov "
        ""
        "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko "
        "Kovac Novak Horvat Nowak Kowalski Wisniewski",
    ),
    "nl": (
        "Jan Pieter Willem Hendrik Johannes Dirk Cornelis Mark Geert Frans Jens Anders Lars Erik Sven "
        "Magnus Nils Olof Per Stefan Carl Gustav Margot Ingrid Karin Annika Helle Mette Sanna Jonas "
        "Espen Kjell Mads Henrik Rasmus Morten Niels Jesper Hans Kristian Dag Jonas",
        "De Jong Jansen De Vries Van Den Berg Van Dijk Bakker Janssen Visser Smit Meijer De Boer "
        "Mulder De Groot Bos Vos Peters Hendriks Van Leeuwen Dekker Brouwer De Wit Dijkstra Smits "
        "Andersson Johansson Karlsson Nilsson "
        "Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansen "
        "Johansen Olsen Larsen Andersen Pedersen Nielsen Kristiansen Jensen Karlsen Johnsen "
        "",
    ),
}

FAKER_LOCALES = {"en_GB": "en", "en_IE": "en", "en_US": "en", "fr_FR": "fr", "fr_BE": "fr", "fr_CH": "fr",
                 "de_DE": "de", "de_AT": "de", "de_CH": "de", "it_IT": "it", "es_ES": "es", "pt_PT": "es",
                 "nl_NL": "nl", "nl_BE": "nl", "sv_SE": "nl", "no_NO": "nl", "da_DK": "nl", "fi_FI": "nl",
                 "cs_CZ": "ru", "sk_SK": "ru", "pl_PL": "ru", "hr_HR": "ru", "sl_SI": "ru", "ru_RU": "ru",
                 "uk_UA": "ru", "bg_BG": "ru"}
CYRILLIC = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяёжєіїґ",
                    "a b v g d e z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya yo zh ye i yi g".split(), strict=True))


def cyrillic_latin(name: str, ukrainian: bool = False) -> str:
    """Смирнов → Smirnov, Володимир → Volodymyr (the press's romanisation, not a scholarly one)."""
    out = []
    for j, ch in enumerate(name.lower()):
        lat = "y" if ch == "и" and ukrainian else CYRILLIC.get(ch, ch)
        if lat == "_":
            continue
        if ch == "е" and (j == 0 or name.lower()[j - 1] in "аеиоуыэюяьъ"):
            lat = "ye"
        out.append(lat)
    latin = "".join(out)
    for end, rep_ in (("iy", "y"), ("yy", "y"), ("ii", "i"), ("iya", "ia")):
        if latin.endswith(end):
            latin = latin[: -len(end)] + rep_
    return latin[:1].upper() + latin[1:]


def _faker(source: Path | None) -> list[tuple[str, str, str, bool]]:
    """(Latin name, lang, role, big-language locale) from Faker's person providers (a wheel is importable as a zip)."""
    if source is None:
        return []
    import importlib

    sys.path.insert(0, str(source))
    out = []
    for loc, lang in FAKER_LOCALES.items():
        try:
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for role, attrs in (("given", ("first_names_male", "first_names_female", "first_names")),
                            ("surname", ("last_names",))):
            for attr in attrs:
                for nm in getattr(prov, attr, ()):
                    nm = cyrillic_latin(nm, loc == "uk_UA") if any("\u0400" <= c <= "\u04ff" for c in nm) else nm
                    if nm.isascii() or all(c.isalpha() or c in " -'" for c in nm):
                        out.append((nm, lang, role, loc[:2] in ("en", "fr", "de", "it", "es", "ru")))
    return out


MIN_SCORE = 60  # as marsad.actors.western.MIN_SCORE: weaker entries are never read
VOWELS = frozenset("aeiouy")
FOLD_LATIN = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ç": "s", "ñ": "ni", "ø": "oe", "å": "o", "æ": "e",
              "ł": "l", "ś": "s", "ć": "ch", "č": "ch", "š": "sh", "ž": "zh", "ń": "n", "ż": "zh"}


def fold(name: str) -> str:
    """Lower-cased ASCII letters (é kept: French final é is written ـيه)."""
    out = []
    for ch in name.lower():
        if ch in FOLD_LATIN:
            out.append(FOLD_LATIN[ch])
        elif ch == "é":
            out.append(ch)
        else:
            out.extend(c for c in unicodedata.normalize("NFD", ch) if c.isascii() and c.isalpha())
    return "".join(out)


Alt = list[tuple[int, str, float]]  # (letters consumed, Arabic, cost)


def _options(w: str, i: int, lang: str) -> Alt:  # noqa: C901, PLR0911, PLR0912 - a rule table
    c, rest, n = w[i], w[i:], len(w)
    prev = w[i - 1] if i else ""
    nxt = w[i + 1] if i + 1 < n else ""
    first, last = i == 0, i == n - 1
    if c == prev and c not in VOWELS and rest[:2] not in ("th", "sh", "ch", "ph", "kh", "zh"):
        return [(1, "", 0)]  # doubled consonant
    # word-initial Mc/Mac, French endings, long digraphs
    if first and rest.startswith("mc"):
        return [(2, "ماك", 0)]
    if rest.startswith("eau"):
        return [(3, "و", 0)]  # Trudeau, Beaumont
    if first and rest.startswith("wr"):
        return [(2, "ر", 0)]  # Wray, Wright
    if lang == "fr":
        for end, ar in (("eaux", "و"), ("eau", "و"), ("ault", "و"), ("aud", "و"), ("aut", "و"), ("oix", "وا"),
                        ("ois", "وا"), ("oit", "وا"), ("ent", "ان"), ("ier", "ييه"), ("ez", "يه"), ("et", "يه")):
            if rest == end:
                return [(len(end), ar, 0)] + ([(len(end), "ي", 0.5)] if end in ("et", "ez") else [])
        if last and c in "stxdz" and prev:
            return [(1, "", 0), (1, {"s": "س", "t": "ت", "x": "كس", "d": "د", "z": "ز"}[c], 1)]
    if rest.startswith("tth"):
        return [(1, "", 0)]  # Matthew: one ث
    if lang == "fr" and rest.startswith("ean"):
        return [(2, "ا", 0)]  # Jean
    if lang == "fr" and c in "ei" and nxt and nxt in "nm" and (i + 2 == n or w[i + 2] not in "aeiouyé" + nxt):
        return [(1, "ا", 0), (1, "ي", 0.5)]  # nasal en/in: Laurent لوران, Florence فلورانس, Darmanin دارمانان
    if lang == "fr" and rest.startswith("qu"):
        return [(2, "ك", 0)]  # Jacques, Dominique
    if rest.startswith("shch"):
        return [(4, "ش", 0)]
    if rest.startswith("sch"):
        return [(3, "ش", 0)] if lang != "it" else [(3, "سك", 0)]
    if rest.startswith("tch"):
        return [(3, "تش", 0), (3, "ش", 1)]
    if rest.startswith("ch") and lang == "en" and i + 2 < n and w[i + 2] in "rl":
        return [(2, "ك", 0)]  # Christopher
    if rest.startswith("ch"):
        return {"fr": [(2, "ش", 0)], "de": [(2, "خ", 0), (2, "ش", 1), (2, "ك", 1)], "it": [(2, "ك", 0)],
                "es": [(2, "تش", 0)], "ru": [(2, "تش", 0), (2, "ش", 1)], "nl": [(2, "خ", 0), (2, "ك", 1)]}.get(
            lang, [(2, "تش", 0), (2, "ش", 1.5), (2, "ك", 1)])
    for dig, alts in (("ck", [("ك", 0)]), ("ph", [("ف", 0)]), ("sh", [("ش", 0)]), ("kh", [("خ", 0)]),
                      ("zh", [("ج", 0), ("ژ", 1)]), ("ts", [("تس", 0)]), ("tz", [("تس", 0)]),
                      ("wh", [("و", 0)]), ("qu", [("كو", 0), ("ك", 1)]), ("th", [("ث", 0), ("ت", 0), ("ذ", 2)])):
        if rest.startswith(dig):
            if dig == "th" and lang in ("de", "nl", "fr", "it", "es", "ru"):
                return [(2, "ت", 0)]
            return [(2, a, k) for a, k in alts]
    if rest.startswith("gh"):
        if first:
            return [(2, "غ", 0)]
        return [(2, "", 0), (2, "غ", 1)]
    if rest.startswith("gn") and lang in ("fr", "it"):
        return [(2, "ني", 0)]
    if rest.startswith("gu") and i + 2 < n and w[i + 2] in "ei":
        return [(2, "غ", 0), (2, "غو", 1)]
    if rest.startswith("ng") and i + 2 == n:
        return [(2, "نغ", 0), (2, "ن", 1), (2, "نج", 1)]
    if lang == "it" and c in "cg" and nxt == "i" and i + 2 < n and w[i + 2] in "aou":
        return [(2, "تش" if c == "c" else "ج", 0)]  # Giorgia, Ciampi
    if lang == "it" and c == "c" and nxt == "c" and i + 2 < n and w[i + 2] in "ei":
        return [(2, "تش", 0)]
    # vowel groups
    pairs: dict[str, list[tuple[str, float]]] = {
        "ee": [("ي", 0)], "ea": [("ي", 0), ("يا", 1)], "oo": [("و", 0)], "ou": [("و", 0), ("او", 1)],
        "ow": [("او", 0), ("و", 0)], "au": [("و", 0), ("او", 0)], "aw": [("و", 0)],
        "ai": [("اي", 0), ("ي", 0.5)], "ay": [("اي", 0), ("ي", 0.5)], "oy": [("وي", 0)],
        "ei": [("اي", 0), ("ي", 1)] if lang in ("de", "nl") else [("ي", 0), ("اي", 1)],
        "ey": [("ي", 0), ("اي", 1)], "ie": [("ي", 0), ("يي", 1)], "ue": [("و", 0), ("ي", 1)] if lang == "de" else [("وي", 0), ("و", 0.5)],
        "ae": [("ي", 0), ("ا", 1), ("", 0.5)], "oe": [("و", 0), ("ي", 1)],
        "eu": [("وي", 0)] if lang == "de" else [("و", 0), ("يو", 1)],
        "oi": [("وا", 0)] if lang == "fr" else [("وي", 0)],
    }
    if lang == "ru":
        pairs.update({"ei": [("ي", 0)], "ey": [("ي", 0)], "iy": [("ي", 0)], "yi": [("ي", 0)], "ie": [("يي", 0), ("ي", 1)],
                      "ya": [("يا", 0)], "yu": [("يو", 0)], "ye": [("ي", 0), ("يي", 1)]})
    if lang in ("it", "es"):
        pairs.update({"ie": [("يي", 0), ("ي", 1)], "ia": [("يا", 0)], "io": [("يو", 0)], "ue": [("وي", 0)],
                      "ei": [("اي", 0)], "au": [("او", 0)], "ai": [("اي", 0)]})
    pair = rest[:2]
    if pair in pairs:
        alts = pairs[pair]
        if first:  # a hamza-carrying alif before a vowel-initial word
            alts = [("ا" + a if not a.startswith("ا") else a, k) for a, k in alts]
        if pair == "ie" and i + 2 == n and lang in ("en", "fr", "de"):
            alts = [("ي", 0)]
        return [(2, a, k) for a, k in alts]
    if c == "é":
        return [(1, "يه", 0), (1, "ي", 0.5)] if last else [(1, "ي", 0), (1, "", 1)]
    if c == "y":
        if first or last or prev in VOWELS:
            return [(1, "ي", 0)]
        return [(1, "اي", 0), (1, "ي", 0)]
    if c in "aeiou":
        if first:
            return {"a": [(1, "ا", 0)], "e": [(1, "ا", 0), (1, "اي", 1)], "i": [(1, "اي", 0), (1, "ا", 0)],
                    "o": [(1, "او", 0), (1, "ا", 1)], "u": [(1, "او", 0), (1, "ا", 1)]}[c]
        if last:
            if c == "e":
                if lang in ("it", "es", "ru"):
                    return [(1, "ي", 0)]
                if lang == "de":
                    return [(1, "ه", 0), (1, "ي", 0.5), (1, "", 1)]
                return [(1, "", 0), (1, "ي", 1)]
            return {"a": [(1, "ا", 0), (1, "ه", 0.5)], "i": [(1, "ي", 0)], "o": [(1, "و", 0)], "u": [(1, "و", 0)]}[c]
        loose = lang in ("en", "fr", "nl")
        # English open a (David, Jake): a consonant then a vowel
        open_v = lang == "en" and nxt not in VOWELS and i + 2 < n and w[i + 2] in "aeiouy" and nxt not in "rw"
        magic_e = open_v and i + 3 == n and w[-1] == "e"  # Jane جين, Blake بليك
        return {"a": [(1, "ا", 1 if magic_e else 0), (1, "", 1)] + ([(1, "ي", 0.3)] if open_v else [])
                if loose else [(1, "ا", 0), (1, "", 1.5)],
                "e": [(1, "ي", 0), (1, "", 0.3 if lang == "en" else 0.5 if loose else 1)],
                "i": [(1, "ي", 0), (1, "", 1), (1, "اي", 0.5 if open_v else 1)] if loose else [(1, "ي", 0), (1, "", 1.5)],
                "o": [(1, "و", 0), (1, "", 1)] + ([(1, "ا", 1)] if lang == "fr" else []) if loose
                else [(1, "و", 0), (1, "", 1.5)],
                "u": [(1, "و", 0), (1, "ا", 0.5), (1, "", 1)] + ([(1, "ي", 0.3)] if nxt == "r" and w[i + 2:i + 3] not in ("r", "a", "e", "i", "o", "u", "y") else [])
                if lang == "en" else [(1, "و", 0), (1, "", 1.5)]}[c]
    # consonants
    if c == "c":
        if nxt in ("e", "i", "y", "é"):
            return [(1, "تش", 0)] if lang == "it" else [(1, "ث", 0), (1, "س", 0.5)] if lang == "es" else [(1, "س", 0)]
        return [(1, "ك", 0)]
    if c == "g":
        if nxt in ("e", "i", "y", "é"):
            if lang in ("de", "nl", "ru"):
                return [(1, "غ", 0)]
            if lang == "es":
                return [(1, "خ", 0), (1, "ج", 1)]
            return [(1, "ج", 0), (1, "غ", 1)]
        return [(1, "غ", 0), (1, "ج", 0.5), (1, "ق", 2)]
    if c == "h":
        if first or (prev in VOWELS and nxt in VOWELS) or prev in ("", "-"):
            return [(1, "ه", 0), (1, "", 1)]
        return [(1, "", 0), (1, "ه", 1)]
    if c == "j":
        return {"de": [(1, "ي", 0)], "nl": [(1, "ي", 0)], "es": [(1, "خ", 0), (1, "ه", 1)],
                "ru": [(1, "ي", 0)]}.get(lang, [(1, "ج", 0)])
    if c == "s":
        if lang == "de" and first and nxt in ("t", "p"):
            return [(1, "ش", 0), (1, "س", 0.5)]
        if prev in VOWELS and nxt in VOWELS:
            return [(1, "س", 0), (1, "ز", 0.5)]
        if last and lang in ("en", "nl", "de") and prev and prev in "aeiouymnlrdbgvw":
            return [(1, "س", 0), (1, "ز", 0.3)]  # Williams ويليامز, Jones جونز
        return [(1, "س", 0)]
    if c == "w":
        return [(1, "ف", 0)] if lang in ("de", "ru") else [(1, "و", 0)]
    if c == "x":
        return [(1, "ز", 0)] if first else [(1, "كس", 0)]
    if c == "z":
        return {"de": [(1, "تس", 0), (1, "ز", 0.5)], "it": [(1, "تس", 0.5), (1, "ز", 0)],
                "es": [(1, "ث", 0), (1, "ز", 0.5), (1, "س", 1)]}.get(lang, [(1, "ز", 0)])
    if c == "t":
        return [(1, "ت", 0), (1, "ط", 1)]
    simple = {"b": "ب", "d": "د", "f": "ف", "k": "ك", "l": "ل", "m": "م", "n": "ن", "p": "ب", "q": "ك",
              "r": "ر", "v": "ف"}
    if c in simple:
        return [(1, simple[c], 0)]
    return [(1, "", 0)]  # apostrophes, hyphens, stray marks


AR_FOLD = str.maketrans({"ڤ": "ف", "پ": "ب", "ژ": "ج", "چ": "تش", "گ": "ك", "أ": "ا", "إ": "ا", "آ": "ا",
                         "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و"})


def ar_key(text: str) -> str:
    """Lookup key: the project's normalisation plus the Persian letters some papers use for v/p/g."""
    from marsad.text.normalise import normalise_key

    return normalise_key(text).translate(AR_FOLD).replace("-", "").replace(" ", "").replace("يي", "ي")


def arabic_spellings(name: str, lang: str = "en", max_cost: float = 2.5, limit: int = 48) -> dict[str, float]:
    """Arabic-script spellings of a Latin name (normalised key → lowest cost)."""
    w = fold(name).replace(" ", "").replace("-", "").replace("'", "")
    beams: list[tuple[float, int, str]] = [(0.0, 0, "")]
    done: dict[str, float] = {}
    while beams:
        nxt_beams: list[tuple[float, int, str]] = []
        for cost, i, ar in beams:
            if i >= len(w):
                key = ar_key(ar)
                if key and cost < done.get(key, 99):
                    done[key] = cost
                continue
            for k, a, c in _options(w, i, lang):
                if cost + c <= max_cost:
                    nxt_beams.append((cost + c, i + k, ar + a))
        beams = sorted(nxt_beams)[: limit * 4]
    if len(w) > 2 and w[0] == "d" and w[1] in "mnv":  # Dmitry ديمتري: a vowel eases the first cluster
        for key, cost in list(done.items()):
            done.setdefault(key[0] + "ي" + key[1:], cost + 1)
    return dict(sorted(done.items(), key=lambda kv: kv[1])[:limit])


def latin_case(name: str) -> str:
    """SMITH → Smith, MCCAIN → McCain, DE LUCA → De Luca (hyphens kept)."""
    out = "-".join(p[:1].upper() + p[1:].lower() for p in name.split("-"))
    out = " ".join(p[:1].upper() + p[1:] for p in out.split())
    if out.startswith("Mc") and len(out) > 3:
        out = "Mc" + out[2].upper() + out[3:]
    return out


def _census(source: Path | None) -> dict[str, bytes]:
    files = ("dist.male.first", "dist.female.first", "dist.all.last")
    if source is None:
        import names  # pip install names

        base = Path(names.__file__).parent
        return {f: (base / f).read_bytes() for f in files}
    if source.is_dir():
        return {f: next(source.rglob(f)).read_bytes() for f in files}
    with tarfile.open(source) as tar:
        out = {}
        for m in tar.getmembers():
            if m.name.rsplit("/", 1)[-1] in files:
                out[m.name.rsplit("/", 1)[-1]] = tar.extractfile(m).read()  # type: ignore[union-attr]
        return out


def build(census: dict[str, bytes], max_surnames: int, faker: list[tuple[str, str, str, bool]] = ()) -> dict[str, dict[str, tuple[str, int]]]:
    """Arabic key → role (given/surname) → (Latin name, score = 100·log10 freq per million − 60·cost)."""
    entries: list[tuple[str, str, float, str]] = []  # (latin, lang, freq per million, role)
    for fname, role, limit in (("dist.male.first", "given", None), ("dist.female.first", "given", None),
                               ("dist.all.last", "surname", max_surnames)):
        rows = io.StringIO(census[fname].decode("ascii")).read().split("\n")
        for row in rows[:limit]:
            parts = row.split()
            if len(parts) >= 2:
                entries.append((latin_case(parts[0]), "en", float(parts[1]) * 1e4, role))
    for lang, (given, family) in CURATED.items():
        for role, text in (("given", given), ("surname", family)):
            for nm in text.split():
                # the commonest names of their countries: as frequent as a common US name
                entries.append((nm, lang, 1000.0 if role == "given" else 100.0, role))
    # Faker's lists: common names of their country, but unranked and with some rare ones
    # (the big-language locales weigh more: a Czech or Swedish reading must not hide an English one)
    entries += [(nm, lang, (100.0 if role == "given" else 30.0) / (1 if major else 5), role)
                for nm, lang, role, major in faker]
    index: dict[str, dict[str, tuple[str, int]]] = {}
    for latin, lang, freq, role in entries:
        base = 100 * math.log10(freq + 1)
        width = 32 if freq >= 30 else 12 if freq >= 5 else 4
        for key, cost in arabic_spellings(latin, lang, limit=width).items():
            score = round(base - 60 * cost)
            best = index.setdefault(key, {})
            if role not in best or score > best[role][1]:
                best[role] = (latin, score)
    return index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--census", type=Path, help="names-0.3.0 sdist (.tar.gz) or unpacked folder")
    ap.add_argument("--faker", type=Path, help="faker wheel or unpacked folder (European name lists)")
    ap.add_argument("--max-surnames", type=int, default=20000, help="most frequent Census surnames kept")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    index = build(_census(args.census), args.max_surnames, _faker(args.faker))
    with args.out.open("w", encoding="utf-8") as f:
        f.write("# Arabic-script spellings of Western names -> Latin; built by scripts/build_western_names.py\n"
                "# from US Census 1990 name files (public domain, via PyPI `names` 0.3.0, MIT) and hand-written\n"
                "# common European names. Columns: arabic_key, given name, its score, surname, its score\n"
                "# (score = 100*log10 of frequency per million - 60*cost of the spelling)\n")
        for key in sorted(index):
            g, f_ = index[key].get("given", ("", 0)), index[key].get("surname", ("", 0))
            g, f_ = (g if g[1] >= MIN_SCORE else ("", 0)), (f_ if f_[1] >= MIN_SCORE else ("", 0))
            if not (g[0] or f_[0]) or len(key) < 2:
                continue  # too weak to be read (marsad.actors.western.MIN_SCORE) or a lone letter
            f.write(f"{key}\t{g[0]}\t{g[1] if g[0] else ''}\t{f_[0]}\t{f_[1] if f_[0] else ''}\n")
    print(f"{len(index)} keys -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
