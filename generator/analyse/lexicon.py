"""Word lists the rules use, kept apart from the logic (as trafilatura keeps its XPaths apart)."""

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "sheik", "st", "saint",
}
TITLES = {
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative",
    "congressman", "congresswoman", "gov", "governor", "mayor", "judge", "justice", "chief", "general",
    "gen", "lt", "col", "colonel", "major", "maj", "capt", "captain", "sgt", "sergeant", "admiral", "adm",
    "commander", "cmdr", "lieutenant", "officer", "king", "queen", "prince", "princess", "pope",
    "chancellor", "speaker", "leader", "chairman", "chairwoman", "chair", "director", "ambassador",
    "attorney", "ceo", "spokesman", "spokeswoman", "spokesperson", "deputy", "assistant", "acting",
    "former", "foreign", "defense", "defence", "state", "interior", "finance", "treasury", "health",
    "home", "first", "lady", "sheriff", "detective", "inspector", "superintendent", "councillor",
    "councilman", "councilwoman", "mp", "mep", "lawmaker", "nominee", "candidate", "host", "anchor",
    "correspondent", "reporter", "editor", "pollster", "strategist", "adviser", "advisor", "aide",
    "analyst", "economist", "professor", "dean", "coach", "manager", "founder", "president-elect",
    "archbishop", "bishop", "cardinal", "emir", "sultan", "crown", "premier", "envoy", "commissioner",
    "supremo", "chief executive", "head", "shadow", "baroness", "baron", "mayor-elect", "secretary-general",
}
ROLE_WORDS = {
    "president", "minister", "secretary", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "governor", "gov", "mayor", "judge", "justice", "chief", "general", "colonel",
    "commander", "admiral", "captain", "lieutenant", "officer", "king", "queen", "prince", "princess", "pope",
    "chancellor", "speaker", "leader", "chairman", "chairwoman", "chair", "director", "ambassador",
    "attorney", "ceo", "spokesman", "spokeswoman", "spokesperson", "deputy", "lawmaker", "nominee",
    "candidate", "host", "anchor", "correspondent", "reporter", "editor", "pollster", "strategist",
    "adviser", "advisor", "aide", "analyst", "economist", "professor", "dean", "coach", "manager",
    "founder", "head", "member", "official", "commissioner", "envoy", "premier", "emir", "sultan",
    "sheriff", "detective", "inspector", "superintendent", "councillor", "mp", "mep", "physician",
    "doctor", "lawyer", "researcher", "scientist", "expert", "activist", "campaigner", "organizer",
    "organiser", "executive", "owner", "partner", "fellow", "historian", "author", "writer", "columnist",
    "commentator", "consultant", "chairperson", "treasurer", "vice-president", "president-elect",
    "archbishop", "bishop", "cardinal", "prosecutor", "counsel", "solicitor", "barrister", "principal",
    "teacher", "student", "worker", "resident", "witness", "survivor", "victim", "mother", "father",
    "son", "daughter", "wife", "husband", "sister", "brother", "friend", "neighbour", "neighbor",
    "staffer", "operative", "surrogate", "delegate", "democrat", "republican", "conservative", "liberal",
    "physicist", "pastor", "priest", "rabbi", "imam", "chief executive", "co-founder", "cofounder",
    "presenter", "producer", "broadcaster", "journalist", "photographer", "officials",
    "lecturer", "nurse", "surgeon", "psychologist", "chemist", "biologist", "engineer",
    "secretary-general", "director-general", "peer", "boss", "striker",
}
PORTFOLIO_WORDS = {
    "state", "defense", "defence", "treasury", "justice", "interior", "energy", "commerce", "labor",
    "labour", "agriculture", "education", "health", "transportation", "transport", "foreign", "home",
    "homeland security", "veterans affairs", "housing", "finance", "environment", "trade", "culture",
    "war", "navy", "army", "foreign affairs", "exchequer", "economy", "industry", "immigration",
}
"""Department words glued to a title ("Secretary of State", "Defense Secretary"): not organisations there."""

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": "p", "them": "p", "it": "n", "we": "p", "i": "s",
}
MALE_WORDS = {"mr", "he", "him", "his", "king", "prince", "father", "son", "brother", "husband", "sir",
              "lord", "congressman", "chairman", "spokesman", "councilman", "businessman", "himself", "man", "boy",
              "uncle", "nephew", "grandfather", "dad", "widower", "actor", "sen.", "monsieur", "signor", "herr"}
FEMALE_WORDS = {"mrs", "ms", "miss", "she", "her", "queen", "princess", "mother", "daughter", "sister",
                "wife", "dame", "lady", "congresswoman", "chairwoman", "spokeswoman", "councilwoman",
                "businesswoman", "herself", "woman", "girl", "aunt", "niece", "grandmother", "mom", "mum",
                "widow", "actress", "madam", "madame", "signora", "frau", "baroness", "duchess", "countess"}

# Lemmas of verbs that introduce speech or writing.
SPEECH_VERBS = {
    "say", "tell", "add", "explain", "write", "note", "argue", "claim", "ask", "state", "insist", "continue",
    "warn", "describe", "call", "declare", "announce", "reply", "respond", "answer", "recall", "remark",
    "comment", "observe", "admit", "acknowledge", "concede", "confirm", "deny", "suggest", "report",
    "predict", "promise", "vow", "pledge", "urge", "stress", "emphasize", "emphasise", "maintain",
    "contend", "assert", "allege", "boast", "complain", "joke", "quip", "muse", "shout", "yell", "scream",
    "whisper", "tweet", "post", "testify", "conclude", "point", "put", "offer", "repeat", "reiterate",
    "counter", "retort", "snap", "chime", "agree", "disagree", "caution", "charge", "accuse", "blast",
    "slam", "praise", "lament", "express", "concur", "wonder", "thunder", "question", "demand", "begin",
    "proclaim", "opine", "estimate", "indicate", "mention", "reveal", "disclose", "believe", "think",
    "hope", "fear", "recount", "elaborate", "interject", "plead", "beg", "cry", "sigh", "laugh", "read",
    "decry", "label", "dub", "term", "brand", "hail", "criticize", "criticise", "attack", "defend",
    "acknowledges", "assure", "reassure", "inform", "advise", "instruct", "order", "share",
    "reckon", "figure", "surmise", "speculate", "guess", "wrote", "told", "said", "says",
    "chant", "sing", "rule", "liken", "exclaim", "marvel", "scoff", "rail", "vent",
}
# Speech verbs that also have other senses ("continue", "put", "call"): cues only right next to a quote.
WEAK_SPEECH_VERBS = {
    "believe", "think", "hope", "fear", "read", "put", "point", "begin", "call", "continue", "express", "offer",
    "share", "order", "figure", "post", "rule", "sing", "marvel", "rail", "vent",
}
# Collective subjects a report names as speakers on their own ("Police said", "Protesters chanted").
GROUP_SPEAKERS = {"police", "protesters", "protestors", "demonstrators", "prosecutors", "investigators",
                  "firefighters", "paramedics", "authorities"}
SPEECH_NOUNS = {"statement", "interview", "speech", "remarks", "letter", "memo", "tweet", "post", "email",
                "release", "report", "op-ed", "essay", "column", "message", "announcement",
                "testimony", "comments", "address", "briefing", "conference", "video", "book", "memoir",
                "mail", "e-mail", "reply", "response", "note", "blog", "notice", "filing", "editorial"}

# Irregular and common forms -> lemma (the lemmatizer is disabled for speed; see nlp.py).
VERB_FORMS = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write", "added": "add",
    "adds": "add", "adding": "add", "put": "put", "puts": "put", "thought": "think", "thinks": "think",
    "began": "begin", "begun": "begin", "begins": "begin", "read": "read", "reads": "read",
    "cried": "cry", "cries": "cry", "replied": "reply", "replies": "reply", "denied": "deny",
    "denies": "deny", "testified": "testify", "testifies": "testify", "quipped": "quip",
    "snapped": "snap", "dubbed": "dub", "offered": "offer", "stated": "state", "noted": "note",
    "spoke": "speak", "spoken": "speak", "speaks": "speak", "shared": "share",
}

DEMONYMS = {
    "american": "US", "americans": "US", "british": "GB", "briton": "GB", "britons": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "french": "FR", "german": "DE", "germans": "DE", "italian": "IT",
    "spanish": "ES", "russian": "RU", "russians": "RU", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "north korean": "KP", "south korean": "KR", "indian": "IN", "indians": "IN", "pakistani": "PK",
    "afghan": "AF", "iranian": "IR", "iranians": "IR", "iraqi": "IQ", "iraqis": "IQ", "syrian": "SY",
    "syrians": "SY", "turkish": "TR", "israeli": "IL", "israelis": "IL", "palestinian": "PS",
    "palestinians": "PS", "egyptian": "EG", "saudi": "SA", "saudis": "SA", "yemeni": "YE", "lebanese": "LB",
    "jordanian": "JO", "libyan": "LY", "tunisian": "TN", "algerian": "DZ", "moroccan": "MA",
    "nigerian": "NG", "kenyan": "KE", "ethiopian": "ET", "somali": "SO", "sudanese": "SD",
    "south african": "ZA", "mexican": "MX", "mexicans": "MX", "canadian": "CA", "canadians": "CA",
    "brazilian": "BR", "argentine": "AR", "argentinian": "AR", "colombian": "CO", "venezuelan": "VE",
    "cuban": "CU", "cubans": "CU", "chilean": "CL", "peruvian": "PE", "australian": "AU",
    "australians": "AU", "irish": "IE", "dutch": "NL", "belgian": "BE", "swiss": "CH", "austrian": "AT",
    "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI", "polish": "PL", "ukrainian": "UA",
    "ukrainians": "UA", "greek": "GR", "portuguese": "PT", "hungarian": "HU", "romanian": "RO",
    "bulgarian": "BG", "serbian": "RS", "croatian": "HR", "czech": "CZ", "slovak": "SK",
    "vietnamese": "VN", "thai": "TH", "indonesian": "ID", "filipino": "PH", "malaysian": "MY",
    "singaporean": "SG", "bangladeshi": "BD", "sri lankan": "LK", "nepalese": "NP", "qatari": "QA",
    "emirati": "AE", "kuwaiti": "KW", "omani": "OM", "bahraini": "BH", "georgian": "GE",
    "armenian": "AM", "azerbaijani": "AZ", "kazakh": "KZ", "uzbek": "UZ", "belarusian": "BY",
    "new zealander": "NZ", "haitian": "HT", "jamaican": "JM", "ghanaian": "GH", "zimbabwean": "ZW",
    "ugandan": "UG", "rwandan": "RW", "congolese": "CD", "malian": "ML", "senegalese": "SN",
    "taiwanese": "TW", "tibetan": "CN", "european": None, "african": None, "asian": None, "arab": None,
    "arabs": None, "kurdish": None, "kurds": None, "kurd": None, "latino": None, "hispanic": None,
    "muslim": None, "muslims": None, "christian": None, "christians": None, "jewish": None, "jews": None,
    "sunni": None, "shia": None, "shiite": None, "catholic": None, "evangelical": None, "western": None,
    "democrat": None, "democrats": None, "democratic": None, "republican": None, "republicans": None,
    "conservative": None, "conservatives": None, "liberal": None, "liberals": None, "labour": None,
    "tory": None, "tories": None, "black": None, "white": None, "asian-american": None,
    "african-american": None, "african-americans": None, "hindu": None, "sikh": None, "buddhist": None,
    "yazidi": None, "alawite": None, "pashtun": None, "baloch": None, "uighur": None, "uyghur": None,
    "rohingya": None, "scandinavian": None, "nordic": None, "baltic": None, "balkan": None, "islamic": None,
    "islamist": None, "jihadist": None, "communist": None, "socialist": None, "nazi": None,
}
"""Nationality and group adjectives: linked to a country where they name one, never places or persons."""

ORG_HEADS = {
    "coalition", "alliance", "militia", "militias", "forces", "army", "party", "committee", "council",
    "commission", "agency", "department", "ministry", "office", "bureau", "court", "union", "association",
    "group", "movement", "front", "brigade", "brigades", "network", "campaign", "foundation", "institute",
    "university", "company", "corporation", "bank", "fund", "board", "service", "services", "police",
    "administration", "government", "parliament", "congress", "senate", "house", "assembly", "guard",
    "society", "league", "caucus", "club", "college", "school", "trust", "authority", "guild",
    "coal", "energy", "fuels", "mining", "healthcare", "oil", "airlines", "airways", "holdings", "partners",
    "industries", "technologies", "pharmaceuticals", "inc", "ltd", "plc", "llc", "corp", "hospital",
    "laboratories", "studios", "insurance", "railways", "center", "centre", "library", "museum",
    "multimedia", "media", "systems", "software", "electronics", "communications", "telecom", "motors",
    "entertainment", "solutions", "labs", "theatre", "theater", "orchestra", "pictures", "records",
    "partnerships", "pharma", "logistics", "ventures", "capital", "securities", "radio", "television",
    "magazine", "journal", "broadcasting",
}

PLACE_HEADS = {
    "island", "islands", "atoll", "bay", "river", "lake", "mountains", "valley", "peninsula", "strait",
    "sea", "ocean", "gulf", "desert", "canyon", "coast", "county", "province", "cellars", "gardens", "caves",
    "embankment", "glens", "marshes", "moors", "falls",
}
"""Last words of place names: "Midway Atoll" is no person (unless a given name leads: "Michael Bay")."""

GIVEN_NAMES = set("""
aaron abdul abdullah angus abigail adam adrian ahmed alan albert alejandro alex alexander alexandra alexis ali
alice alicia alison amanda amber amy ana andrea andrew andy angela angus ann anna anne anthony antonio
arthur ashley barbara barry ben benjamin bernard bernie beth betty bill billy bob bobby boris brad
brandon brenda brian bruce bryan carl carlos carol caroline catherine charles charlie chelsea chris
christian christina christine christopher chuck cindy claire clare colin connor craig cynthia dan daniel
danielle dave david dean deborah debbie denis dennis derek diana diane donald donna doris dorothy doug
douglas dylan ed eddie edward elaine elena elizabeth ellen emily emma emmanuel eric erin ethan eugene
eva evan frances francis frank fred gary gavin george gerald gillian gina gloria gordon grace graham
greg gregory hannah harold harriet harry heather helen henry hillary holly howard hugh ian isabel
jack jackie jacob jake james jamie jane janet janice jason jean jeff jeffrey jennifer jenny jeremy
jerry jesse jessica jill jim jimmy jo joan joe joel john johnny jon jonathan jose joseph josh joshua
joyce juan judith judy julia julian julie justin karen kate katherine kathleen kathryn kathy katie
keith kelly ken kenneth kevin kim kirsty kyle larry laura lauren lawrence leah lee leo leslie lester
linda lindsay lisa liz louis louise lucy luis luke lynn maria marie marion mark martha martin mary
matt matthew maureen max megan melissa michael michelle mike mohammed muhammad nancy natalie nathan
neil nicholas nick nicola nicole nigel noah norman oliver olivia pamela pat patricia patrick paul
paula peter philip phil priti rachel ralph rebecca richard rick rishi rob robert robin roger ron
ronald rose ruth ryan sadiq sally sam samantha samuel sandra sara sarah scott sean sharon shirley
simon sophie stephanie stephen steve steven stuart susan suzanne tammy ted teresa theresa thomas tim
timothy tina todd tom tony tracy valerie vanessa victor victoria vincent virginia walter wayne
wendy william willie yvette zachary
""".split())
"""Common given names: a two-word name starting with one is a person even when the model says otherwise."""

KNOWN_ORGS = {
    "twitter", "facebook", "google", "youtube", "instagram", "tiktok", "whatsapp", "snapchat", "linkedin",
    "reddit", "apple", "amazon", "microsoft", "netflix", "uber", "tesla", "reuters", "ap", "afp", "bbc",
    "cnn", "fox news", "msnbc", "nbc", "abc", "cbs", "npr", "pbs", "itv", "sky news", "channel 4",
    "guardian", "times", "telegraph", "independent", "daily mail", "financial times", "economist",
    "politico", "axios", "breitbart", "huffpost", "nhs", "nato", "opec", "imf", "ofcom", "ofsted",
    "bloomberg", "bloomberg news", "associated press", "press association", "pa media", "new york times",
    "washington post", "wall street journal", "usa today", "los angeles times", "cbs news", "abc news",
    "nbc news", "bbc news", "itv news", "daily telegraph", "daily express", "evening standard",
}
"""Companies, outlets and bodies the small model often calls people or places."""

PARTY_WORDS = {
    "democrat", "republican", "tory", "conservative", "liberal", "socialist", "libertarian",
}
"""A party member's label ("Democrat", "Tory"): never an actor by itself."""


DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "east", "west", "north", "south",
              "middle", "upper", "lower", "greater", "inner", "outer", "northeastern", "northwestern",
              "southeastern", "southwestern"}
"""Words that start region names; alone before "and" they are half of a pair ("Eastern and Northern
Europe", "Central and East European countries"), not a name."""

PERSON_NOUNS = {
    "actor", "actress", "star", "singer", "musician", "artist", "comedian", "novelist", "poet", "playwright",
    "dancer", "film-maker", "filmmaker", "champion", "player", "athlete", "sprinter", "runner", "hurdler",
    "jumper", "swimmer", "cyclist", "rider", "driver", "boxer", "golfer", "jockey", "cricketer", "batsman",
    "bowler", "footballer", "winger", "midfielder", "defender", "goalkeeper", "keeper", "skipper", "forward",
    "striker", "full-back", "fly-half", "scrum-half", "flanker", "hooker", "lock", "prop", "playmaker",
    "medallist", "medalist", "winner", "runner-up", "veteran", "businessman", "businesswoman", "entrepreneur",
    "tycoon", "billionaire", "politician", "chef", "designer", "architect", "man", "woman", "boy", "girl",
    "teenager", "pensioner", "mp", "peer", "monarch", "cleric", "preacher", "inventor", "pioneer",
}
"""Nouns that describe one person ("the Oscar-nominated actor", "the world indoor champion"), beside the
role words that may also be someone's title."""

_DEMONYM_ONLY_NOUNS = {
    "scot": "GB", "spaniard": "ES", "dane": "DK", "swede": "SE", "pole": "PL", "finn": "FI", "turk": "TR",
    "brit": "GB", "kiwi": "NZ", "aussie": "AU", "yank": "US", "londoner": "GB", "parisian": "FR", "geordie": "GB",
    "scouser": "GB", "texan": "US", "ulsterman": "GB", "scotswoman": "GB", "cornishman": "GB", "manxman": "IM",
    "yorkshireman": "GB", "lancastrian": "GB", "muscovite": "RU", "glaswegian": "GB", "dubliner": "IE",
    "new zealander": "NZ", "englishman": "GB", "englishwoman": "GB", "welshman": "GB", "welshwoman": "GB",
    "irishman": "IE", "irishwoman": "IE", "frenchman": "FR", "frenchwoman": "FR", "dutchman": "NL",
    "dutchwoman": "NL", "briton": "GB"}
"""Nouns for one person of a nation, with its country (ISO code)."""


def demonym_country(word: str) -> str | None:
    """The country of a nationality noun or adjective ("Frenchman", "Scot", "American"), if it names one."""
    low = word.lower().replace("’", "'")
    return _DEMONYM_ONLY_NOUNS.get(low) or DEMONYMS.get(low)


def demonym_noun(word: str) -> str | None:
    """"m", "f" or "s" (either) when `word` names one person by their nation ("the Frenchman", "the
    Russian", "the Welshwoman", "the Scot"): a description of someone already named, never a name itself
    ("the Scotsman" is left out: a newspaper too)."""
    low = word.lower().replace("’", "'")
    for suffix, gender in (("woman", "f"), ("man", "m")):
        stem = low.removesuffix(suffix)
        if stem != low and (stem in DEMONYMS or low in _DEMONYM_ONLY_NOUNS):
            return gender
    if low in _DEMONYM_ONLY_NOUNS:
        return "s"
    iso = DEMONYMS.get(low)
    return "s" if iso and " " not in low and not low.endswith(("ish", "ese", "ch", "ss", "s")) else None


ANONYMOUS_NOUNS = {
    "worker", "employee", "resident", "neighbour", "neighbor", "witness", "passenger", "customer", "shopper",
    "parent", "mother", "father", "student", "pupil", "teacher", "nurse", "doctor", "patient", "voter", "fan",
    "supporter", "member", "friend", "relative", "source", "official", "protester", "protestor", "owner",
    "manager", "colleague", "villager", "onlooker", "bystander", "survivor", "victim", "user", "viewer",
    "caller", "local", "farmer", "driver", "spokesman", "spokeswoman", "spokesperson", "insider", "aide",
}
"""People the news quotes without a name ("a resident said", "one worker, who did not want to be named")."""

ORG_NOUNS = {
    "firm", "company", "group", "bank", "club", "party", "government", "ministry", "department", "council",
    "agency", "union", "charity", "organisation", "organization", "team", "airline", "retailer", "giant",
    "operator", "carrier", "broadcaster", "network", "newspaper", "regulator", "watchdog", "body",
    "committee", "board", "commission", "corporation", "business", "maker", "manufacturer", "supermarket",
    "chain", "label", "studio", "squad", "institute", "association", "federation", "foundation",
    "authority", "campaign", "administration", "lender", "insurer", "publisher", "developer", "website",
    "magazine", "paper", "journal", "station", "channel", "tabloid", "daily", "weekly", "band", "orchestra",
    "choir",
}
"""Nouns that describe an organisation ("the firm said", "the party added")."""

PARTIES = {
    "Conservative Party": ("Conservatives", "Tories", "Tory", "Tory Party", "Conservative and Unionist Party"),
    "Labour Party": ("Labour",),
    "Liberal Democrats": ("Lib Dems", "Lib Dem", "LibDems", "Liberal Democrat", "Liberal Democrat Party"),
    "Scottish National Party": ("SNP",),
    "Plaid Cymru": (),
    "UK Independence Party": ("UKIP", "Ukip"),
    "Democratic Unionist Party": ("DUP",),
    "Ulster Unionist Party": ("UUP",),
    "Sinn Féin": ("Sinn Fein",),
    "Green Party": (),
    "Reform UK": (),
    "Republican Party": ("GOP", "Grand Old Party"),
    "Democratic Party": (),
}
"""Major UK and US parties and the short forms reporters use, also as modifiers ("Tory leader", "Lib Dem
MP"): one organisation under its full name. US plurals ("Republicans") are left alone: they name members
as often as the party."""

CHAMBERS = {"Commons": "House of Commons", "Lords": "House of Lords"}
"""Parliament's houses by their short names after "the" ("in the Commons"; not "law lords")."""
PARTY_FORMS = {form: full for full, forms in PARTIES.items() for form in (full, *forms)} | CHAMBERS
"""Every form of a party's name and a house's short name, to the full name ("Tories": "Conservative Party")."""

COMMON_ACRONYMS = {
    "AI", "PDA", "DOS", "PC", "PCS", "TV", "GPS", "CD", "CDS", "DVD", "MP3", "USB", "SMS", "GDP", "CEO", "VAT",
    "DNA", "HIV", "AIDS", "LED", "LCD", "PIN", "ATM", "SUV", "URL", "PDF", "VR", "OS", "UFO", "IQ", "IVF", "ISA",
    "API", "HD", "RAM", "CPU", "GPU", "SIM", "PR", "HR", "MRI", "CCTV", "DIY", "ASBO", "IPO", "OK", "AM", "PM",
    "MPH", "KM", "GCSE", "MBA", "PHD", "QC", "MD", "AD", "BC", "CV", "RSVP", "FAQ", "WIFI", "PPE", "ICU", "GP",
    "PTSD", "ADHD", "LGBT", "LGBTQ", "PCP", "STEM", "PAC", "ACA", "NDA", "ETF", "GMT", "BST", "EST", "PST",
}
"""Acronyms of common nouns ("game AI", "a PDA", "GDP"): never actors or places."""
