"""Name pools for the synthetic patients and providers the sandbox seeds.

First names are ordinary so that screens look realistic, but every surname and
organization name is plainly made up ("Testington", "Sandbox Family Medicine"),
so nobody looking at a demo screen or a screenshot can mistake a sandbox
patient for a real person. Apostrophes and hyphens are in on purpose: they are
the names that break naive search and display code.
"""

from __future__ import annotations

FIRST_NAMES: list[str] = [
    "Alice", "Bernard", "Carmen", "Daniel", "Elena", "Frank", "Grace", "Hector",
    "Irene", "James", "Keiko", "Luis", "Margaret", "Nathan", "Olivia", "Peter",
    "Quinn", "Rosa", "Samuel", "Teresa", "Umar", "Valerie", "Walter", "Ximena",
    "Yusuf", "Zoe", "Aaron", "Beatrice", "Calvin", "Diana", "Edgar", "Fiona",
    "George", "Hannah", "Isaac", "Julia", "Kevin", "Laura", "Marcus", "Nora",
    "Oscar", "Priya", "Raymond", "Sofia", "Thomas", "Ursula", "Victor", "Wendy",
    "Anna", "Ben", "Chloe", "David", "Emma", "Felix",
    "Mary-Kate", "Jean-Luc", "Anne-Marie", "D'Andre", "Jo-Ann", "Mary-Jo",
]  # fmt: skip

LAST_NAMES: list[str] = [
    "Testington", "Sampleworth", "Placeholder", "Mockridge", "Fakenham-Doe",
    "O'Synthetic", "Dummerton", "Exampleby", "Fictionsworth", "Notarealname",
    "Pretendergast", "Stubbington", "Fixtureton", "Demoford", "Lorem-Ipsum",
    "Madeupson", "Imaginaire", "Sandboxley", "Tryoutman", "Specimenski",
    "Prototypo", "Noperson", "Fauxley", "Shamwell", "Counterfeit",
    "McTestface", "Bogusberg", "Makebelieve", "Hypothetica", "Pseudonymous",
    "Ersatzmann", "Simulacra", "Fabricato", "Unrealton", "Phantomsby",
    "Inventadottir", "Notlikely", "Testcase", "Mockingbirdy", "Sampleton-Smythe",
    "D'Example", "Stand-Inn", "Dummyford", "Draftwell", "Trialsworth",
    "Mockupolous", "Pretendly", "Lookalikey", "Nobodyson", "Quasimodel",
    "Figmentine", "Storybrook-Faux", "Fixturelli", "Rehearsalton", "Pilotsby",
    "Decoyne", "Mannequinn", "Scaffoldsen", "Wireframe", "Nullwood",
]  # fmt: skip

ORGANIZATION_NAMES: list[str] = [
    "Sandbox Family Medicine",
    "Example Valley Pediatrics",
    "Testington Internal Medicine Group",
    "Placeholder Heights Family Practice",
    "Mockridge Orthopedic Associates",
    "Demo Springs Women's Health",
    "Fictional Falls Community Clinic",
    "Sample County Dermatology",
]
