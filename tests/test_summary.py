"""Ledes and key points a reader can use, with the real model on article text written for these tests."""

from __future__ import annotations

import pytest

from generator.analyse.summary import good_lede, kind_of
from tests.conftest import SHARED_EVAL
from tests.test_eval import _score

NEWS = [
    "The harbour board approved a plan on Monday to rebuild the town's storm-damaged sea wall before next winter.",
    "The wall was breached twice in January, flooding forty homes and the old fish market on the quay.",
    "Engineers said the new wall would be two metres higher and built from concrete blocks rather than stone.",
    "\"We cannot go through another winter like the last one. People lost everything. The town needs this "
    "wall,\" said the board's chair, Maria Lopes, after the vote.",
    "The work will cost £4.2m, most of it from a national flood defence fund, with the rest raised locally.",
    "Some fishermen had opposed the design, saying it would make the harbour entrance narrower for boats.",
    "The board said it had changed the plans to keep the entrance at its present width.",
    "Construction is due to start in April and should take about seven months to finish.",
    "Residents will be able to see the final drawings at the library from next week.",
]


def test_lede_is_the_standfirst_when_it_is_a_sentence(analyse_text):
    standfirst = "A town hit by winter floods will get a higher sea wall, its harbour board has said."
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt", standfirst=standfirst)
    assert r.summary.lede == standfirst and r.summary.kind == "news"


@pytest.mark.parametrize("standfirst", ["Letters.", "In her recording,.", "By Jane Porter, Coast Reporter",
                                        "Photo: the harbour wall after the January storm (Getty Images)."])
def test_a_label_fragment_or_byline_is_never_the_lede(analyse_text, standfirst):
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt", standfirst=standfirst)
    lede = r.summary.lede.split(": ", 1)[-1] if r.summary.kind != "news" else r.summary.lede
    assert lede == NEWS[0]


def test_key_points_are_whole_sentences_in_order_never_cut_quotes(analyse_text):
    r = analyse_text(*NEWS, title="Sea wall to be rebuilt")
    points = r.summary.key_points
    body = " ".join(NEWS)
    assert 3 <= len(points) <= 5
    assert r.summary.lede not in points
    assert [body.index(p) for p in points] == sorted(body.index(p) for p in points)
    for p in points:
        assert p in body and p[-1] in ".!?\"”"
        assert p.count('"') % 2 == 0, p  # never a piece of Maria Lopes' three-sentence quote
    assert not any(p.startswith(("People lost", "The town needs")) for p in points)


@pytest.mark.parametrize("currency, said", [("£", "the council's report says"), ("$", "city officials said Tuesday")])
def test_a_long_article_still_gets_three_key_points(analyse_text, currency, said):
    """A news summary keeps its length when the article grows: 66 paragraphs give three points, not five."""
    places = ["Ashford", "Brampton", "Carlow", "Dunmore", "Elmsley", "Fairholt", "Glenview", "Harlow", "Ivybridge",
              "Kelso", "Lindale"]
    works = ["library", "bus station", "swimming pool", "primary school", "health centre", "market hall"]
    body = [f"The {w} in {p} will be repaired by {2027 + i % 4} at a cost of {currency}{i % 9 + 1}.{i % 7}m, {said}."
            for i, (p, w) in enumerate((p, w) for p in places for w in works)]
    r = analyse_text(*body, title="Repairs across the county",
                     standfirst="Sixty-six public buildings will be repaired over the next four years.")
    assert len(r.summary.key_points) == 3


@pytest.mark.parametrize("first", [
    # US style: the full stop inside the closing mark, which the parser tends to split off as a "sentence"
    "WICHITA, Kan. — The county's two hospitals will merge next year, officials said Tuesday, in a deal "
    "the smaller one's director called \"the only way to keep an emergency room open here.\"",
    # British style
    "Two hospital trusts in the county are to merge next year in a deal the smaller trust's chief "
    "executive called \"the only way to keep an A&E open here.\"",
])
def test_a_sentence_ending_on_its_quotation_can_lead(analyse_text, first):
    """A first sentence that closes on a quotation is whole: it leads, without the dateline."""
    rest = ["The merger needs the approval of the state health department, which is expected in the spring.",
            "About 1,400 people work at the two hospitals, and neither plans to cut jobs in the first year.",
            "The smaller hospital has lost money in each of the past five years, its accounts show.",
            "Patients will keep their doctors, and both sites will stay open under a single board."]
    r = analyse_text(first, *rest, title="Hospitals to merge")
    assert r.summary.lede.endswith('open here."') and r.summary.lede.startswith(("The county", "Two hospital"))
    assert not any(p.startswith(("WICHITA", "\"")) for p in r.summary.key_points)


@pytest.mark.parametrize("mark", ['"', "“"])
def test_transcripts_and_quotes_running_on_are_not_key_points(analyse_text, mark):
    """A transcript's turns and a paragraph that opens a quotation it does not close are someone's words with
    no one named, whatever marks they hold inside ("Shark Tank"-style titles, a newspaper's name)."""
    close = '"' if mark == '"' else "”"
    r = analyse_text(
        "The governor defended his plan for the state's schools in a radio interview on Sunday morning.",
        "He said the plan would add two hundred teachers and would not raise taxes for families this year.",
        "A partial transcript follows.",
        f"{mark}HOST: Let's start with the schools. The {mark}Daily Courier{close} says parents are worried. "
        "Are they right to be worried about the plan?",
        f"{mark}GOVERNOR: Well, look, the parents of this state have an enormously important choice to make. "
        f"This is what {mark}good schools{close} means to families in every county of the state.",
        f"{mark}HOST: Governor, the teachers' union says the numbers in the plan simply do not add up.",
        f"{mark}GOVERNOR: The union has not read the plan, and that is why we are going to win this argument.",
        "The state legislature will vote on the plan in March, and the union has promised a campaign against it.",
        f"{mark}We will knock on every door in the state before that vote, and we will tell every parent "
        f"what the {mark}reform{close} really costs them.",
        f"{mark}The governor knows that, and that is why he is on the radio,{close} the union's president said.",
        title="Governor defends schools plan")
    points = r.summary.key_points
    assert len(points) >= 2
    assert not any(p.startswith(("HOST", "GOVERNOR", "Well, look", "This is what", "We will", "The union has not",
                                 "Let's", "Are they")) for p in points), points


@pytest.mark.parametrize("o, c", [('"', '"'), ("“", "”")])
def test_the_reporters_sentence_between_quotes_of_a_merged_paragraph_is_a_key_point(analyse_text, o, c):
    """Paragraphs run together (as archives and wire copy store them): a quote re-opened at a sentence start
    closes the one before, so the reporter's sentence after the closing mark is his, while the words of the
    quote that runs on past the paragraph's end stay out."""
    r = analyse_text(
        f"{o}We were poor in the first half and I told them so at the break,{c} said Hart after the match. "
        f"{o}The second half was a different story. {o}We showed real character.{c} Striker Dan Cole scored "
        f"twice in the last ten minutes to rescue a point for the visitors. Hart added: {o}Dan has been "
        f"brilliant for us all season.{c}",
        "City had led through two goals from their captain before the interval and looked set for a win.",
        f"City boss Phil Grant said his side had thrown the game away. {o}We had chances to kill it off. "
        "We should be three points better off tonight",
        title="Hart hails comeback",
        standfirst="Rovers manager Tom Hart praised his side's spirit after they came from two goals down "
                   "to draw 2-2 with City.")
    points = r.summary.key_points
    assert any(p.startswith("Striker Dan Cole scored twice") for p in points), points
    assert not any(p.startswith(("The second half", "We showed", "We had", "We should")) for p in points), points


@pytest.mark.parametrize("first, lede", [
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — The state's largest teachers' union went on strike on Monday, closing "
     "four hundred schools.", "The state's largest"),
    ("WASHINGTON, March 3, 2019 (Reuters) - The Senate voted on Tuesday to block the sale of fighter jets to "
     "the kingdom.", "The Senate voted"),
    ("HEMPSTEAD, N.Y. ― If the strategy worked against the last challenger, it might just work again, the "
     "campaign believes.", "If the strategy"),
    ("LONDON/SINGAPORE, March 5 (Reuters) - Oil prices rose more than 2% on Monday after producers agreed to "
     "extend their output cuts.", "Oil prices rose"),
    ("Paris (AFP) – French farmers blocked roads around the capital on Monday in a protest over fuel prices and "
     "rules.", "French farmers"),
    ("(Bloomberg) -- The chipmaker briefly topped $2 trillion in market value on Friday, a first for a maker of "
     "chips.", "The chipmaker"),
    ("SAN JOSE, Calif., Feb. 20, 2024 /PRNewswire/ -- Acme Corp. today announced record results for its fourth "
     "quarter.", "Acme Corp."),
])
def test_wire_datelines_are_not_in_the_lede(analyse_text, first, lede):
    rest = ["The union said the strike would last until the state agreed to a new contract for teachers.",
            "About 12,000 teachers walked out, and parents were told to keep their children at home.",
            "State officials said talks would resume on Wednesday at the capitol building downtown.",
            "The last strike, in 2009, lasted eleven days and ended with a three-year pay deal for teachers."]
    r = analyse_text(first, *rest, title="Teachers strike")
    assert r.summary.lede.startswith(lede), r.summary.lede


def test_a_sentence_broken_off_is_not_a_key_point(analyse_text):
    r = analyse_text(*NEWS[:3], "The chair said the board had listened to the harbour users and had made sure "
                     "that the entrance, the slipway and the —.", *NEWS[4:], title="Sea wall to be rebuilt")
    assert not any(p.endswith("—.") for p in r.summary.key_points)


def _from_file(tmp_path, name: str, text: str):
    """The record of one article file, read as a user's file is (the reader drops labels and timestamps)."""
    from generator import pipeline

    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    (record,) = list(pipeline.run([f], jobs=1, cache_dir=None))
    return record


@pytest.mark.parametrize("caption", [
    "A firefighter walks past a burning house in the hills above the town on Monday, Aug. 12, 2024. "
    "(AP Photo/Jane Doe)",
    "Residents watch the smoke rise over the valley from a road outside the town on Monday. Photograph: "
    "John Smith/Getty Images",
    "Firefighters at the scene of the blaze in the town centre, which broke out on Tuesday (Jane Doe/PA Wire)",
    "In this image provided by the Coast Guard, a helicopter crew hoists a fisherman from the sea. (Coast Guard "
    "via AP)",
    "Pictured: the old sea wall on the quay after the January storm broke through it.",
])
def test_captions_are_never_key_points(analyse_text, caption):
    r = analyse_text("A wildfire driven by strong winds forced thousands of people from their homes on Monday, "
                     "officials said.", caption,
                     "More than 500 firefighters and 20 aircraft were sent to fight the fire, the fire service said.",
                     "Three villages were ordered to evacuate, and schools in the area will stay closed on Tuesday.",
                     "The fire started near a motorway on Sunday afternoon and spread quickly in the dry grass.",
                     title="Wildfire forces thousands from homes")
    points = r.summary.key_points
    assert caption not in points
    assert not any(p.startswith(("A firefighter", "Residents watch", "(AP", "John Smith", "Firefighters at",
                                 "In this image", "Pictured")) for p in points)


@pytest.mark.parametrize("stamps", [["2:32 p.m. ET", "2:20 p.m. ET", "2:05 p.m. ET"],
                                    ["14:32 GMT", "14:20 GMT", "14:05 GMT"]])
def test_live_pages_with_times_on_lines_of_their_own(tmp_path, stamps):
    entries = ["The finance minister confirms that the tax on company payrolls will rise by one point next year.",
               "She says the threshold at which employers start paying will fall to five thousand a year.",
               "The minister begins her speech by saying the government inherited a large hole in the budget."]
    body = "\n\n".join(f"{t}\n\n{e}" for t, e in zip(stamps, entries))
    r = _from_file(tmp_path, "budget.txt", "Budget raises taxes on employers\n\nThe finance minister has "
                   f"announced the largest tax rises in a generation in her first budget.\n\n{body}\n")
    assert r.summary.kind == "live" and r.summary.lede.startswith("Live coverage: ")


def test_section_labels_above_the_text_and_after_the_title(tmp_path):
    letters = _from_file(tmp_path, "letters.txt", "Speed cameras and the joy of libraries\n\nLetters\n\n"
                         "I was dismayed to read your report on speed cameras in our county last week.\n\n"
                         "Your correspondent is wrong to call the cameras a cash cow for the council.\n\n"
                         "May I add a word of praise for the staff of our local library this winter?\n")
    assert letters.summary.kind == "letters" and "Letters" in letters.tags
    opinion = _from_file(tmp_path, "view.txt", "The housing target will never be met | Opinion\n\n"
                         "The government's target of a million and a half new homes is not going to be met.\n\n"
                         "Builders are building fewer homes than at any time in a decade, the figures show.\n\n"
                         "The sooner ministers admit the target is a slogan, the sooner they can fix it.\n")
    assert opinion.summary.kind == "opinion"
    news = _from_file(tmp_path, "minister.txt", "Minister wrote to 40 councils\n\nThe local government minister "
                      "wrote to 40 councils last month warning that their funding would be cut.\n\nLetters\n\n"
                      "The letters gave the councils until March to publish their audited accounts for 2022.\n\n"
                      "Council leaders said the threat was unfair because auditors were in short supply.\n")
    assert news.summary.kind == "news"


@pytest.mark.parametrize("numeral", ["The Grade I listed hall, which dates from the 16th century, was being "
                                     "restored when the fire began.",
                                     "The hall was used as a hospital in World War I and opened to the public in "
                                     "1952."])
def test_a_roman_numeral_is_not_the_first_person(analyse_text, numeral):
    r = analyse_text("A fire has destroyed a historic manor house near the city, the county fire service said.",
                     numeral, "About 80 firefighters were sent to the scene and the roof collapsed within two hours.",
                     "Nobody was hurt, but several paintings and pieces of furniture were lost in the blaze.",
                     title="Fire destroys manor house")
    assert r.summary.kind == "news"


def test_a_roundup_keeps_its_first_sentence_as_a_point(analyse_text):
    r = analyse_text("Police were called to the high street shortly before midday on Monday after reports of "
                     "an attack.", "A 17-year-old boy was arrested at the scene on suspicion of attempted murder.",
                     "The police said they were not looking for anyone else in connection with the attack.",
                     title="Town centre attack: what we know so far",
                     standfirst="Three people were injured in a knife attack in a town centre on Monday morning.")
    assert r.summary.kind == "roundup"
    assert r.summary.key_points[0].startswith("Three people were injured")


def test_an_interview_gives_no_broken_points(tmp_path):
    r = _from_file(tmp_path, "qa.txt", "A year as mayor\n\nThe mayor was elected a year ago this week and spoke "
                   "to the paper about housing and the budget.\n\nQ: What surprised you most about the job?\n\n"
                   "A: How much of it is about potholes. People want their streets fixed.\n\n"
                   "Q: And the budget gap?\n\nA: We will close it without cutting the libraries.\n")
    assert not any(p.startswith(("Q:", "A:", "What surprised", "How much")) or len(p.split()) < 4
                   for p in r.summary.key_points)


def test_a_headline_about_what_people_describe_is_news(analyse_text):
    r = analyse_text(*NEWS, title="Three residents describe the night the sea wall broke")
    assert r.summary.kind == "news" and r.summary.lede == NEWS[0]


def test_a_long_first_sentence_still_leads(analyse_text):
    first = ("The central bank held interest rates at five per cent on Thursday, with its committee voting by "
             "six votes to three to keep them there for a seventh month in a row, despite growing pressure from "
             "businesses and homeowners, who had hoped for a first cut after inflation fell faster than expected "
             "in the spring and the economy slowed sharply in the first three months of the year.")
    r = analyse_text(first, "Markets now expect the first cut in August.",
                     "Lenders have already begun to trim their fixed-rate deals in anticipation of lower rates.",
                     title="Rates held again")
    assert r.summary.lede == first


@pytest.mark.parametrize("sentence", ["By Tuesday evening, the council had voted to close the harbour car park "
                                      "for the winter.",
                                      "From next April, visitors will pay a small fee to use the new slipway."])
def test_a_sentence_opening_on_by_or_from_is_not_a_byline(analyse_text, sentence):
    r = analyse_text(sentence, *NEWS[1:3], *NEWS[4:7], title="Harbour changes")
    assert r.summary.lede == sentence


def test_a_british_quote_in_single_marks_running_on_is_not_a_point(analyse_text):
    r = analyse_text("The leader of the county council has resigned after a review found tenants had been left "
                     "in damp homes.",
                     "‘I have let down the people who elected me and I am deeply sorry for the harm that has "
                     "been done to them.",
                     "‘They deserved far better from this council,’ Cllr Jones said in a statement on Tuesday.",
                     "The review found that complaints about 600 homes had not been acted on for four years.",
                     "An interim leader will be chosen by the ruling group at a meeting next week.",
                     title="Council leader resigns")
    assert r.summary.kind == "news"
    assert not any(p.startswith("‘I have let down") for p in r.summary.key_points)


def test_letters_opinion_roundup_and_live_say_what_they_are(analyse_text):
    letters = analyse_text("Letters.", "The new sea wall plan is a waste of money that the town cannot afford "
                           "this year.", "I have lived by the harbour for sixty years and never seen a flood "
                           "like the one in January.", "Why was nobody asked before the board decided?",
                           title="Your views on the sea wall")
    assert letters.summary.kind == "letters" and letters.summary.lede.startswith("Letters from readers: ")
    opinion = analyse_text("I have walked along the harbour wall every morning for twenty years, and I have "
                           "never seen it so badly broken.", "My neighbours lost their kitchens, their "
                           "photographs and their cars in the January flood.", *NEWS[4:],
                           title="The town must not wait for the next storm")
    assert opinion.summary.kind == "opinion" and opinion.summary.lede.startswith("Opinion: ")
    roundup = analyse_text(*NEWS, title="Five things we learned from the sea wall meeting")
    assert roundup.summary.kind == "roundup"
    assert roundup.summary.lede == "A round-up: Five things we learned from the sea wall meeting."
    live = analyse_text("10:05 The board meeting has started in the town hall, with about sixty residents "
                        "watching.", "10:20 The chair says the vote will be taken before lunch today.",
                        "10:42 Fishermen have asked for the harbour entrance to stay as wide as it is now.",
                        "11:15 The board has approved the plan by seven votes to two.",
                        title="Sea wall vote as it happened")
    assert live.summary.kind == "live" and live.summary.lede.startswith("Live coverage: ")


def test_kind_from_labels_urls_and_tags():
    assert kind_of("Opinion: Keep the harbour open", "", [], None, [], False) == "opinion"
    assert kind_of("Keep the harbour open", "", [], "https://example.org/opinion/2016/harbour", [], False) == "opinion"
    assert kind_of("Harbour news", "", [], None, ["Letters"], False) == "letters"
    assert kind_of("3 killed as storm hits harbour", "", [], None, [], False) == "news"
    assert kind_of("Sea wall to be rebuilt", "", NEWS, None, [], False) == "news"


@pytest.mark.parametrize("sentence, good", [
    ("The harbour board approved a plan on Monday to rebuild the sea wall.", True),
    ("Letters.", False),
    ("In her recording, the wife of the man says,.", False),
    ("\"We cannot go through another winter like the last one, not ever again.\"", False),
    ("\"We cannot go through another winter like the last one,\" said the chair of the board.", True),
    ("By Jane Porter and Tom Reyes, with additional reporting from the coast.", False),
])
def test_good_lede(sentence, good):
    assert good_lede(sentence) is good


@pytest.mark.skipif(not (SHARED_EVAL / "bbc-dev" / "gold").is_dir(), reason="../shared/eval is not here")
def test_bbc_dev_summaries_beat_lead_3(tmp_path):
    """Lede plus key points against the reference summaries: above the Lead-3 baseline on all three ROUGE."""
    scores = _score("bbc-dev", tmp_path)
    ours, lead3 = scores["summary"], scores["summary_lead3"]
    assert all(ours[k] > lead3[k] for k in ("rouge1", "rouge2", "rougeL")), (ours, lead3)


def test_a_restatement_of_the_lede_is_not_a_point(analyse_text):
    r = analyse_text("UK interest rates have been held at 5.25%, the Bank of England has announced, the fifth "
                     "consecutive time it has left them unchanged.",
                     "Six of the nine members of the committee voted to hold, and three wanted a cut.",
                     "Markets now expect the first cut in August, after inflation fell faster than forecast.",
                     title="Rates held",
                     standfirst="The Bank of England has kept interest rates unchanged at 5.25% for a fifth time "
                     "in a row.")
    assert not any(p.startswith("UK interest rates have been held") for p in r.summary.key_points)


@pytest.mark.parametrize("notice", [
    "Follow county news on Facebook, Instagram and X for the latest updates every day.",
    "Get the biggest local stories delivered straight to your inbox every week with our free newsletter.",
    "Associated Press writer Jane Doe in Boston contributed to this report from the harbour.",
    "This story has been corrected to show that the wall was breached twice, not three times.",
    "The Mirror has contacted the water company for comment on the figures published this week.",
    "This is a developing story and will be updated as more details become available tonight.",
    "Stay up to date with the latest news from the county by following us on WhatsApp and Telegram.",
    "If you have been affected by any of the issues raised in this story, the Samaritans can help.",
])
def test_the_outlet_speaking_of_itself_is_not_a_point(analyse_text, notice):
    r = analyse_text(*NEWS[:3], notice, *NEWS[4:6], title="Sea wall to be rebuilt")
    assert notice not in r.summary.key_points and r.summary.lede != notice


@pytest.mark.parametrize("sentence", [
    "The crash happened on I-95 near the state line shortly after midnight, police said.",
    "Sen. Jane Doe, I-Vt., who introduced the bill, said it would pass before the summer recess.",
    "The phase I trial involved forty patients at two hospitals in the city over six months.",
    "Charles I ordered the coin to be struck in 1642, the museum's curator said on Monday.",
])
def test_an_i_that_is_a_road_a_party_or_a_numeral_is_not_the_first_person(analyse_text, sentence):
    r = analyse_text(NEWS[0], sentence, *NEWS[1:3], title="Harbour news")
    assert r.summary.kind == "news"


def test_a_reader_keeps_prose_that_opens_on_a_label_word_and_drops_notes(tmp_path):
    r = _from_file(tmp_path, "video.txt", "Bike thief caught on camera\n\nUPDATE: This story has been updated to "
                   "include a statement from the police.\n\nVideo footage has emerged of a man stealing a bike "
                   "from outside the station in broad daylight.\n\nWatch: the moment the thief rides away\n\n"
                   "The owner said she had locked it to the railings only ten minutes before.\n\nPolice said they "
                   "were looking for a man in his thirties who was seen leaving the area.\n")
    assert r.summary.lede.startswith("Video footage has emerged")


def test_team_sheets_questions_posts_and_transcripts_are_not_points(analyse_text):
    r = analyse_text(
        "Celtic beat Rangers 3-1 at Celtic Park on Sunday to go five points clear at the top of the league.",
        "Celtic: Hart, Johnston, Carter, Scales, Taylor, McGregor, Hatate, O'Riley, Maeda, Kyogo, Palma.",
        "What does the result mean for the title race this season?",
        "Rest in peace, and thank you for everything you gave this club over the years.",
        "— Example FC (@ExampleFC) March 3, 2024",
        "The visitors had taken the lead through a header from a corner after only ten minutes of the game.",
        "STEVE SMITH, HOST: What did the manager say after the game to the players in the dressing room?",
        "JANE DOE, BYLINE: He told them they had earned it. They had played the better football all afternoon.",
        "The two sides meet again in the cup final at the national stadium next month.",
        title="Celtic beat Rangers")
    assert not any(p.startswith(("Celtic:", "What does", "Rest in peace", "He told them", "They had played",
                                 "STEVE", "JANE")) for p in r.summary.key_points), r.summary.key_points


@pytest.mark.parametrize("title, kind", [
    ("The Guardian view on water bills: a broken system needs more than a price rise", "opinion"),
    ("COLUMN-Asia's coal imports are set to rise again this year", "opinion"),
    ("Morning briefing: the budget, the strike and the weather", "roundup"),
    ("20 survivors describe abuse at the children's home", "news"),
    ("Where to watch England v Scotland live: TV channel and kick-off time", "news"),
    ("500 lessons cancelled as teachers strike across the county", "news"),
    ("The public's view on immigration is shifting, poll finds", "news"),
    ("Three stories of a building collapse that left a street homeless", "news"),
    ("Your say: should the school day be longer?", "letters"),
    ("Ten things we learned from the budget", "roundup"),
])
def test_kinds_from_title_shapes(analyse_text, title, kind):
    assert analyse_text(*NEWS, title=title).summary.kind == kind


def test_a_closed_scare_quote_before_a_quote_paragraph_keeps_its_sentence(analyse_text):
    first = ("Opposition councillors described the plan to close the village school as ‘too little, too late’ "
             "during a heated debate on Tuesday.")
    r = analyse_text(first, "‘We are not going to let this happen without a fight,’ one mother said afterwards.",
                     "The council said it would consider every response before a final decision in March.",
                     "About forty children go to the school, which opened in 1874 and has two classrooms.",
                     title="School closure plan criticised")
    assert r.summary.lede == first


@pytest.mark.parametrize("first", [
    "By Christmas Day, the appeal had raised £2.4m for the hospice, far more than its organisers had hoped.",
    "The central bank held interest rates at five per cent on Thursday, with its committee voting by six votes to "
    "three to keep them there for a seventh month in a row, despite growing pressure from businesses, unions and "
    "homeowners, who had hoped for a first cut after inflation fell faster than expected in the spring and the "
    "economy slowed sharply in the first three months of the year, the bank's figures show, leaving mortgage "
    "holders and small firms facing another summer of high borrowing costs.",
])
def test_a_first_sentence_that_opens_on_by_or_runs_long_still_leads(analyse_text, first):
    r = analyse_text(first, *NEWS[1:3], title="News")
    assert r.summary.lede == first


def test_a_byline_with_accented_initials_is_not_the_lede(analyse_text):
    r = analyse_text(*NEWS, title="Sea wall", standfirst="By Łukasz Żółć and Ólafur Jónsson, in Warsaw")
    assert r.summary.lede == NEWS[0]


@pytest.mark.parametrize("first", [
    "The streaming service added 9.3 million subscribers in the third quarter, far more than analysts expected.",
    "The search company has dropped its plan to phase out third-party cookies in its browser this year.",
    "A Reuters/Ipsos poll found that 61% of voters think the country is on the wrong track this autumn.",
    "Police said the ‘sophisticated’ gang targeted 14 shops across the county over the past three months.",
    "Simon Hart, 52, and his partner, Amy, 49, died at the scene of the crash on the A38 on Sunday night.",
    "iPhone sales in China fell 24% in the first six weeks of the year, according to the research firm.",
    "£2.4m has been raised for the hospice appeal since the campaign began in the spring, its trustees said.",
    "The hosts were drawn in Group A with Scotland, Hungary and Switzerland at the ceremony in Hamburg.",
    "Prince Harry (pictured) has lost his High Court bid to pay for police protection in Britain.",
    "By Christmas Day, the appeal had raised £2.4m for the hospice.",
])
def test_ordinary_first_sentences_still_lead(analyse_text, first):
    r = analyse_text(first, *NEWS[1:3], *NEWS[4:6], title="News")
    assert r.summary.lede == first and r.summary.kind == "news"


@pytest.mark.parametrize("first, lede", [
    ("OTTAWA (CP) — The federal government announced new rules for the sector on Monday after a review.",
     "The federal government"),
    ("LOS ANGELES (KTLA) — A fire broke out in the hills above the city on Monday night, officials said.",
     "A fire broke out"),
    ("Chelsea — The club confirmed on Tuesday that its manager had left after a run of six defeats.",
     "Chelsea — The club"),
    ("UNICEF — The agency said on Monday that a million children had been forced from their homes.",
     "UNICEF — The agency"),
    ("The World Health Organization (WHO) — The agency declared the outbreak over on Monday after a year.",
     "The World Health Organization (WHO)"),
    ("NEW DELHI: The government on Monday announced a ban on the export of some kinds of rice this year.",
     "The government on Monday"),
    ("LONDON, 5 March (Reuters) - Oil prices rose more than 2% on Monday after producers agreed to cut output.",
     "Oil prices rose"),
    ("EXCLUSIVE: A Cabinet minister has been accused of breaking the rules on lobbying by a former adviser.",
     "A Cabinet minister"),
    ("NATO — The alliance's 32 members agreed on Tuesday to raise their spending targets for the next decade.",
     "NATO — The alliance"),
])
def test_datelines_agencies_stations_and_labels(analyse_text, first, lede):
    r = analyse_text(first, *NEWS[1:3], title="News")
    assert r.summary.lede.startswith(lede), r.summary.lede


def test_an_explainer_keeps_its_sections_and_an_update_with_news_is_kept(tmp_path):
    r = _from_file(tmp_path, "explainer.txt", "What the court ruling means\n\nThe state's highest court struck down "
                   "the new voting map on Tuesday, ordering lawmakers to draw another before the election.\n\n"
                   "WHAT HAPPENED: The judges ruled by five votes to two that the map split black neighbourhoods.\n\n"
                   "WHY IT MATTERS: The map would have cost the minority party two of its four seats in Congress.\n\n"
                   "WHAT'S NEXT: Lawmakers have thirty days to agree on a new map or the court will draw one.\n")
    assert len(r.summary.key_points) == 3
    found = _from_file(tmp_path, "found.txt", "Missing woman found\n\nPolice had appealed for help to find a "
                       "woman who went missing on Sunday night after leaving a pub in the town.\n\nUPDATE: Police have "
                       "confirmed that the missing woman has been found safe and well this morning.\n\nShe had last "
                       "been seen walking towards the river shortly after eleven o'clock.\n")
    assert any("found safe" in p for p in found.summary.key_points + [found.summary.lede])


@pytest.mark.parametrize("standfirst, title, kind", [
    ("A bereaved father says: ‘I will never forgive him for what he took from us’.", "Father speaks", "news"),
    ("The singer will return to perform her 1992 hit I Will Always Love You at the awards.", "Singer", "news"),
    ("The I.M.F. cut its forecast for global growth on Tuesday, citing the war and high rates.", "Forecast", "news"),
    ("Article I of the Constitution gives Congress the power to declare war, the judge noted.", "Powers", "news"),
    ("The Me Too movement and the My Lai massacre were both discussed at the history festival.", "Talks", "news"),
    ("Three contestants remain in I'm A Celebrity ... Get Me Out Of Here after no one was voted off on Sunday.",
     "Jungle show", "news"),
    ("The band closed the festival with I'm Not In Love and a new single, to a crowd of forty thousand.",
     "Festival", "news"),
    ("I'm Sarah Jones, and for twenty years I have taught maths at the school my grandmother founded.",
     "Teacher", "opinion"),
    ("My father ran a hardware shop on the high street for forty years, and I worked there every summer.",
     "Shop", "opinion"),
    ("On Tuesday I sat in a packed council chamber and listened to the debate on the new car park.",
     "Chamber", "opinion"),
])
def test_first_person_or_not(analyse_text, standfirst, title, kind):
    assert analyse_text(*NEWS[1:4], title=title, standfirst=standfirst).summary.kind == kind


def test_live_pages_posted_at(tmp_path):
    body = "\n\n".join(f"Posted at {t}\n\n{e}" for t, e in zip(
        ["06:15", "06:40", "07:05"], ["The first trains of the day have been cancelled because of the strike.",
                                       "Union leaders say the walkout will last until Friday at the earliest.",
                                       "The transport secretary has called the strike unjustified and costly."]))
    r = _from_file(tmp_path, "live.txt", f"Rail strike: travel chaos\n\n{body}\n")
    assert r.summary.kind == "live"


@pytest.mark.parametrize("sentence", [
    "If you have been affected by the floods, the council says it can help with temporary housing.",
    "Ministers have contacted the company for comment on the allegations made in the report.",
    "Get rid of the two-child benefit cap, campaigners urged the chancellor in a letter on Monday.",
])
def test_news_that_looks_like_a_notice_is_kept(analyse_text, sentence):
    r = analyse_text(sentence, *NEWS[1:3], title="News")
    assert r.summary.lede == sentence


def test_dateline_briefs_are_not_a_transcript(analyse_text):
    r = analyse_text("NEW DELHI: The government on Monday announced a ban on the export of some kinds of rice.",
                     "MUMBAI: Shares rose for a third day as foreign investors returned to the market this week.",
                     "CHENNAI: Heavy rain closed schools across the city for a second day on Monday morning.",
                     title="Rice exports banned")
    assert r.summary.lede.startswith("The government on Monday") and len(r.summary.key_points) >= 2


def test_a_long_run_of_spaces_after_a_time_is_read_at_once(tmp_path):
    """The timestamp-line pattern once had three `\\s*` in a row: 2,000 spaces took a minute."""
    from generator.analyse.summary import _STAMP_LINE

    assert _STAMP_LINE.fullmatch(("12:30" + " " * 2000 + "x").strip()) is None
