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
    "supremo", "chief executive", "head",
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
    "president", "presenter", "producer", "broadcaster", "journalist", "photographer", "officials",
    "commentator", "lecturer", "nurse", "surgeon", "psychologist", "chemist", "biologist", "engineer",
    "secretary-general", "director-general", "mp", "peer", "minister", "boss", "captain", "striker",
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
              "lord", "congressman", "chairman", "spokesman", "councilman", "businessman"}
FEMALE_WORDS = {"mrs", "ms", "miss", "she", "her", "queen", "princess", "mother", "daughter", "sister",
                "wife", "dame", "lady", "congresswoman", "chairwoman", "spokeswoman", "councilwoman",
                "businesswoman"}

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
    "acknowledges", "assure", "reassure", "inform", "advise", "instruct", "order", "explain", "share",
    "insist", "reckon", "figure", "surmise", "speculate", "guess", "wrote", "told", "said", "says",
}
SPEECH_NOUNS = {"statement", "interview", "speech", "remarks", "letter", "memo", "tweet", "post", "email",
                "release", "report", "op-ed", "essay", "column", "post", "message", "announcement",
                "testimony", "comments", "address", "briefing", "conference", "video", "book", "memoir"}

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
}
