"""Names for synthetic people and places, each with the ASCII spelling used in logins.

The pools deliberately mix accents, apostrophes, hyphens, spaces and non-Latin scripts,
because those are the names that spreadsheets and careless encodings break.
"""

from __future__ import annotations

# (display name, ASCII form for usernames and emails)
GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("José", "jose"), ("Zoë", "zoe"), ("Олег", "oleg"), ("محمد", "mohammed"),
    ("Siobhán", "siobhan"), ("Chloé", "chloe"), ("François", "francois"), ("Björn", "bjorn"),
    ("Ana María", "anamaria"), ("Mei", "mei"), ("美咲", "misaki"), ("Jürgen", "jurgen"),
    ("Nguyệt", "nguyet"), ("Aaliyah", "aaliyah"), ("Liam", "liam"), ("Olivia", "olivia"),
    ("Noah", "noah"), ("Emma", "emma"), ("Mateo", "mateo"), ("Sofía", "sofia"),
    ("Ethan", "ethan"), ("Ava", "ava"), ("Lucas", "lucas"), ("Isabella", "isabella"),
    ("Mason", "mason"), ("Mia", "mia"), ("Elijah", "elijah"), ("Amelia", "amelia"),
    ("D'Andre", "dandre"), ("Mary-Kate", "marykate"), ("Jean-Luc", "jeanluc"), ("Priya", "priya"),
    ("Arjun", "arjun"), ("Fatima", "fatima"), ("Kwame", "kwame"), ("Aroha", "aroha"),
    ("Ximena", "ximena"), ("Dmitri", "dmitri"), ("Hana", "hana"), ("Omar", "omar"),
    ("Grace", "grace"), ("Benjamin", "benjamin"), ("Harper", "harper"), ("James", "james"),
)

FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("García", "garcia"), ("O'Brien", "obrien"), ("Smith-Jones", "smithjones"), ("王", "wang"),
    ("Nguyễn", "nguyen"), ("Müller", "muller"), ("Иванова", "ivanova"), ("Núñez", "nunez"),
    ("李", "li"), ("Þórsdóttir", "thorsdottir"), ("D'Angelo", "dangelo"), ("van der Berg", "vanderberg"),
    ("Kowalski", "kowalski"), ("Смирнов", "smirnov"), ("حسن", "hassan"), ("Søren", "soren"),
    ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"),
    ("Jones", "jones"), ("Miller", "miller"), ("Davis", "davis"), ("Rodríguez", "rodriguez"),
    ("Martínez", "martinez"), ("Hernández", "hernandez"), ("López", "lopez"), ("Wilson", "wilson"),
    ("Anderson", "anderson"), ("Thomas", "thomas"), ("Taylor", "taylor"), ("Moore", "moore"),
    ("Jackson", "jackson"), ("Martin", "martin"), ("Lee", "lee"), ("Pérez", "perez"),
    ("Thompson", "thompson"), ("White", "white"), ("Harris", "harris"), ("Clark", "clark"),
    ("Lewis-Hall", "lewishall"), ("Robinson", "robinson"), ("Walker", "walker"), ("Young", "young"),
    ("Patel", "patel"), ("Kim", "kim"), ("Tanaka", "tanaka"), ("Okafor", "okafor"),
)

MIDDLE_NAMES: tuple[str, ...] = (
    "Marie", "José", "Ann", "Lee", "Renée", "Alexander", "Grace", "María José", "James", "Noël",
    "Rose", "Anh", "Elizabeth", "Ray", "Joy",
)

# Places that schools are named after.
PLACES: tuple[str, ...] = (
    "Lakeview", "Cedar Hollow", "Río Vista", "Maple Grove", "Cañada", "Oak Ridge", "Pinecrest",
    "Willow Creek", "Bayside", "Sunnyslope", "Harbor View", "Eastgate", "O'Neill Park",
    "Fox Run", "Mesa Verde", "Juniper", "Clearwater", "Highland", "Brookside", "Stonebridge",
    "Silver Lake", "Meadowbrook", "Redwood", "Ashford", "Golden Hill", "Riverside", "Kingsley",
    "Linden", "Prairie Wind", "Hawthorne",
)

BIRTH_CITIES: tuple[str, ...] = (
    "Sacramento", "San José", "Fresno", "Los Angeles", "Oakland", "San Diego", "Bakersfield",
    "Stockton", "Modesto", "Santa Rosa",
)
