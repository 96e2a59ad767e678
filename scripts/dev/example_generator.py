"""Varied made-up practice examples for the benchmarks (issue 18): a
thousand copies of one example understate what search costs, because their
words are the same. Each generated example gets its own made-up town,
organisation, people and project name, a mix of activities, places,
partners and goals, and sentences combined from a pool, so the site's
vocabulary grows with every example, as it would with real contributions.

    python scripts/dev/example_generator.py FOLDER COUNT    # writes benchmark-NNNN.md files

Deterministic: the same count gives the same files. Town and person names are
built from syllables, so they cannot be a real town or person in the report.
Every example passes the contributor check (`make check`).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

SEED = 18

_ONSET = ("b br d dr f g gr h k kl kr l m n p pl r s sch sl sn sp st t tr v w z zw".split())
_VOWEL = ("a e i o u aa ee oo uu ie oe ei ui ou eu au ij".split())
_CODA = ("k l m n p r s t rk rn lt nd ng st rd ld ls rm".split())
_TOWN_END = ("dam dorp veen hoven wijk horst broek mond rade loo zijl burg kerk vliet hout meer "
             "woude beek sloot kamp akker".split())
_ORG_KIND = ("Stichting", "Welzijn", "Buurtwerk", "Kinderwerk", "Wijkwerk", "Speelwerk", "Sociaal Werk")
FIRST_NAMES = (
    "Anna Bram Carla Daan Eva Fatima Gijs Hanna Iris Jesse Karim Lotte Milan Noor Otto Priya Quinten "
    "Rosa Sem Tess Umut Vera Wout Yara Zeynep Ayla Bas Chantal Dirk Esra Floor Gerrit Hamza Ilse Jan "
    "Kim Lars Mila Nina Omar Pien Rik Sanne Tim Ruben Sara Thijs Yusuf Lieke Mohamed Femke Stijn Amira "
    "Jelle Hatice Koen Merel Bilal Ilona Joost Aisha Sven Marieke Youssef Linda Rachid Wendy Emre Marloes"
).split()
ACTIVITIES = (
    "voorleesochtend knutselmiddag kookclub moestuinproject speeltuinwerk muziekles theaterweek "
    "sportinstuif huiswerkklas natuurwandeling kinderraad filmavond dansworkshop schaakclub "
    "fietsles zwemles techniekclub graffitiproject buitenspeeldag vakantieweek zomerkamp "
    "kinderburgemeester wijksafari verhalenwedstrijd fotoproject podcastclub bouwdorp kinderboerderij "
    "speurtocht vossenjacht talentenjacht kinderdisco poppenkast circusschool klimmiddag "
    "tuinierclub bakclub naaiatelier repaircafe lampionnenoptocht sinterklaasfeest buurtfeest "
    "zeepkistenrace vliegerdag schoolplein-inloop meidenclub jongensclub weerbaarheidstraining "
    "rots-en-watertraining mediawijsheidles programmeerclub robotica-club kinderkookcafe "
    "spelletjesmiddag kinderyoga mindfulnessles pianoles tekenles boksclub voetbalkooi "
    "straatspeeldag waterspeeldag hutten-bouwen kinderredactie kinderpanel wijkkrant"
).split()
PLACES = (
    "buurthuis speeltuin gymzaal bibliotheek schoolplein wijkcentrum parkje sporthal moskee kerkzaal "
    "jeugdhonk trapveldje kinderboerderij zwembad stadsboerderij volkstuin buurtkamer atelier "
    "speelplein dorpshuis ontmoetingsruimte winkelcentrum"
).split()
PARTNERS = (
    "basisschool bibliotheek wijkteam jongerenwerk sportvereniging muziekschool kinderopvang "
    "jeugdgezondheidszorg huisarts wijkagent woningcorporatie buurtbewoners ouderraad "
    "speeltuinvereniging kunstencentrum theatergroep zwemvereniging natuurorganisatie voedselbank "
    "vluchtelingenwerk GGD scoutinggroep moskeevereniging kerkgemeenschap bedrijven gemeente"
).split()
GROUPS = (
    "kinderen uit de wijk", "kinderen van acht tot twaalf", "jonge kinderen en hun ouders",
    "meiden uit groep zeven en acht", "kinderen uit nieuwkomersgezinnen", "kinderen die weinig buiten spelen",
    "kinderen met een kleine beurs", "broertjes en zusjes", "kinderen uit de flats", "kinderen van de brede school",
)
GOALS = (
    "zelfvertrouwen", "samenwerken", "weerbaarheid", "gezond eten", "bewegen", "taalontwikkeling",
    "talentontwikkeling", "meedoen in de buurt", "vriendschap", "creativiteit", "verantwoordelijkheid",
    "respect voor elkaar", "omgaan met geld", "omgaan met emoties", "veilig online zijn", "natuurbeleving",
)
MATERIALS = (
    "kartonnen dozen", "verf en kwasten", "oude fietsen", "zaadjes en potgrond", "een bakfiets",
    "tablets", "een geluidsinstallatie", "verkleedkleren", "houten planken", "een kookplaat",
    "boeken uit de bibliotheek", "een springkussen", "camera's", "muziekinstrumenten", "lego",
)
OUTCOMES = (
    "meer kinderen kwamen elke week terug", "ouders raakten vaker met elkaar in gesprek",
    "de school zag dat kinderen beter samenwerkten", "kinderen durfden vaker hun mening te geven",
    "er ontstond een vaste groep vrijwilligers", "de wachtlijst groeide", "buurtbewoners boden zelf hulp aan",
    "kinderen namen vriendjes mee", "de gemeente gaf geld voor een tweede jaar",
    "zorgen over een paar kinderen kwamen eerder op tafel", "de wijk werd zichtbaar levendiger",
)
SEASONS = ("de zomervakantie", "de herfstvakantie", "de winter", "het voorjaar", "het hele schooljaar",
           "de meivakantie", "elke woensdagmiddag", "elke vrijdag na school", "de kerstvakantie")
ROLES = ("kinderwerker", "teamleider kinderwerk", "coördinator", "jongerenwerker", "buurtsportcoach",
         "opbouwwerker", "vrijwilliger", "projectleider", "welzijnswerker", "stagiair social work")
TIPS = (
    "Begin klein en bouw het langzaam uit.", "Vraag kinderen zelf wat ze willen doen.",
    "Maak vaste afspraken met de school.", "Zorg voor een vast gezicht bij elke activiteit.",
    "Betrek ouders vanaf het begin.", "Leg vast wat het oplevert, ook in verhalen.",
    "Houd de drempel laag: gratis en dichtbij.", "Werk samen met wie er al is in de wijk.",
    "Plan een evaluatie met de kinderen.", "Deel foto's alleen met toestemming van ouders.",
)

SENTENCES = {
    "Aanleiding": [
        "In {town} zagen de kinderwerkers van {org} dat {group} weinig te doen hadden na schooltijd.",
        "{person} merkte dat veel {group} {season} thuis zaten.",
        "De {partner} in {town} vroeg {org} om iets te doen voor {group}.",
        "Er was in de wijk geen plek waar {group} veilig konden spelen.",
        "Kinderen gaven zelf aan dat ze graag een {activity} wilden.",
        "Uit gesprekken met ouders bleek dat er behoefte was aan {goal}.",
        "Het idee voor {project} ontstond tijdens een gesprek in het {place}.",
        "Volgens {person} hadden {group} vooral behoefte aan {goal} en aan een vaste plek.",
        "In de buurt rond het {place} wonen veel gezinnen met weinig geld voor clubs of lessen.",
        "De school merkte dat {group} moeite hadden met {goal}.",
        "{org} wilde laten zien wat kinderwerk in {town} kan betekenen.",
        "Na {season} kwamen er signalen van de {partner} dat kinderen zich verveelden.",
    ],
    "Aanpak": [
        "{org} begon met een {activity} in het {place}.",
        "Elke week kwamen {group} naar het {place} voor de {activity}.",
        "De kinderwerkers gebruikten {material} om samen met de kinderen iets te maken.",
        "Tijdens {season} organiseerde het team ook een {activity2}.",
        "{person} en een collega begeleidden de groep, samen met vrijwilligers uit {town}.",
        "De kinderen bedachten zelf de naam {project}.",
        "Bij de {activity2} werkten de kinderen aan {goal}.",
        "Het team hield de groepen klein, zodat elk kind aandacht kreeg.",
        "Na afloop praatten de kinderwerkers met de kinderen over wat ze hadden geleerd.",
        "Kinderen die niet konden komen, kregen {material} mee naar huis.",
        "Een keer per maand was er een {activity2} voor kinderen en ouders samen.",
        "De activiteit was gratis en vond plaats dicht bij huis, in het {place}.",
        "Oudere kinderen hielpen als maatje bij de {activity}.",
        "{person} hield bij welke kinderen kwamen en wie er wegbleef.",
    ],
    "Samenwerking": [
        "{org} werkte samen met de {partner} en de {partner2}.",
        "De {partner} zorgde voor de ruimte, {org} voor de begeleiding.",
        "Met de {partner2} maakte het team afspraken over het doorverwijzen van kinderen.",
        "Ook de {partner} in {town} deed mee en leverde {material}.",
        "Volgens {person} was de samenwerking met de {partner2} de sleutel tot succes.",
        "Een keer per kwartaal overlegde het team met de {partner} over de kinderen.",
        "Vrijwilligers uit {town} hielpen bij de {activity2}.",
        "De {partner2} hing posters op en vertelde ouders over {project}.",
    ],
    "Wat het oplevert": [
        "Na een paar maanden zag het team dat {outcome}.",
        "Gemiddeld deden er {number} kinderen mee aan {project}.",
        "{person} vertelt dat {outcome}.",
        "De kinderen werkten aan {goal} en lieten dat zien op een slotfeest in het {place}.",
        "Het project loopt in {town} nu ook in een tweede wijk.",
        "Ouders vertelden dat hun kinderen thuis enthousiast over de {activity} praatten.",
        "De {partner} wil {project} volgend jaar weer steunen.",
        "Voor de kinderwerkers leverde het ook iets op: ze leerden de gezinnen in {town} beter kennen.",
    ],
}


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSET) + rng.choice(_VOWEL) + rng.choice(_CODA)


class _Names:
    """Made-up names, each used once."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def unique(self, make) -> str:
        for _ in range(1000):
            name = make()
            if name.lower() not in self.used:
                self.used.add(name.lower())
                return name
        raise RuntimeError("no unused name left")

    def town(self) -> str:
        return self.unique(lambda: (_syllable(self.rng) + self.rng.choice(_TOWN_END)).capitalize())

    def surname(self) -> str:
        rng = self.rng
        return self.unique(lambda: (_syllable(rng) + _syllable(rng)[: rng.randint(2, 4)]).capitalize())

    def project(self) -> str:
        rng = self.rng
        return self.unique(lambda: (_syllable(rng) + rng.choice(("tje", "ie", "o", "us", "a"))).capitalize())


def example(i: int, rng: random.Random, names: _Names, provinces: list[str], vocab: dict) -> str:
    town = names.town()
    org = f"{rng.choice(_ORG_KIND)} {names.town()}"
    people = [f"{rng.choice(FIRST_NAMES)} {names.surname()}" for _ in range(rng.randint(1, 3))]
    project = f"{names.project()}{rng.choice(('club', 'lab', 'kamer', 'plein', 'bus', 'huis', 'nest'))}"
    acts = rng.sample(ACTIVITIES, 3)
    fill = {"town": town, "org": org, "project": project, "activity": acts[0], "activity2": acts[1]}

    def sentence(template: str) -> str:
        values = dict(fill, person=rng.choice(people), group=rng.choice(GROUPS), season=rng.choice(SEASONS),
                      partner=rng.choice(PARTNERS), partner2=rng.choice(PARTNERS), goal=rng.choice(GOALS),
                      place=rng.choice(PLACES), material=rng.choice(MATERIALS), outcome=rng.choice(OUTCOMES),
                      number=rng.randint(8, 60))
        text = template.format(**values)
        return text[0].upper() + text[1:]

    body = []
    for heading, pool in SENTENCES.items():
        chosen = rng.sample(pool, min(len(pool), rng.randint(5, 8)))
        paragraphs = [" ".join(sentence(t) for t in chosen[k:k + 2]) for k in range(0, len(chosen), 2)]
        body.append(f"## {heading}\n\n" + "\n\n".join(paragraphs) + "\n")
    tips = rng.sample(TIPS, 3)
    body.append("## Tips\n\n" + "\n".join(f"- {tip}" for tip in tips) + "\n")
    meta = {
        "titel": f"{acts[0]} en {acts[2]} met {project}"[:90],
        "samenvatting": sentence("{org} organiseert in {town} een {activity} voor {group}."),
        "organisatie": org,
        "gemeenten": [town],
        "provincie": [rng.choice(provinces)],
        "periode": f"{rng.choice(SEASONS).removeprefix('de ').removeprefix('het ')} {rng.randint(2018, 2026)}",
        "werkvormen": rng.sample(vocab["werkvormen"], rng.randint(1, 3)),
        "leeftijd_van": rng.choice([None, 4, 6, 8]),
        "leeftijd_tot": 12,
        "themas": rng.sample(vocab["themas"], rng.randint(1, 3)),
        "partners": rng.sample(vocab["partners"], rng.randint(0, 3)),
        "andere_partners": rng.sample(PARTNERS, rng.randint(0, 2)),
        "hoofdstukken": rng.sample(vocab["hoofdstukken"], rng.randint(1, 2)),
        "personen": [{"naam": p, "rol": rng.choice(ROLES), "organisatie": org, "in_het_verhaal": "aan_het_woord"}
                     for p in people],
        "bron": f"Gesprek met {people[0]} (gegenereerd voorbeeld {i:04d} voor de benchmark)",
        "gecontroleerd": "2026-11-01",
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "\n".join(body)


def _vocab(project: Path) -> tuple[list[str], dict]:
    import csv
    data = project / "data"

    def ids(path: Path, column: str = "id") -> list[str]:
        with path.open(encoding="utf-8") as handle:
            return [row[column] for row in csv.DictReader(handle)]
    provinces = ids(data / "woordenlijsten" / "provincies.csv", "label")
    chapters = sorted(p.stem for p in (project / "docs" / "hoofdstukken").glob("*.md"))
    return provinces, {"werkvormen": ids(data / "woordenlijsten" / "werkvormen.csv"),
                       "themas": ids(data / "doelstellingen.csv"),
                       "partners": ids(data / "samenwerkingspartners.csv"),
                       "hoofdstukken": chapters}


def add_varied_examples(project: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` generated examples into ``project``'s examples folder."""
    return write_examples(project, project / "docs" / "praktijkvoorbeelden", count, seed)


def write_examples(project: Path, folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """``count`` examples as benchmark-NNNN.md in ``folder``, with the
    vocabularies (werkvormen, themes, partners, chapters) of ``project``."""
    rng = random.Random(seed)
    names = _Names(rng)
    provinces, vocab = _vocab(project)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        path = folder / f"benchmark-{i:04d}.md"
        path.write_text(example(i, rng, names, provinces, vocab), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        sys.exit(__doc__)
    write_examples(Path(__file__).resolve().parents[2], Path(sys.argv[1]), int(sys.argv[2]))
