"""Quote spans, speakers and reported speech on short texts written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

from generator.analyse import analyse, text_of
from generator.records import UNCERTAIN, Article, Quote


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(*paragraphs: str) -> list[Quote]:
        article = Article(path="test.txt", title="Test", paragraphs=list(paragraphs))
        text, _, _ = text_of(article)
        return analyse(article, nlp(text)).quotes

    return run


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind in ("direct", "partial")]


def test_curly_quote_with_said_x_after(quotes_of):
    (q,) = direct(quotes_of("“We will rebuild the bridge,” said Mayor Alice Brennan."))
    assert q.text == "We will rebuild the bridge,"
    assert (q.speaker, q.kind, q.cue) == ("Alice Brennan", "direct", "said")


def test_straight_quote_with_x_said_colon_before(quotes_of):
    (q,) = direct(quotes_of('Tom Keller said: "The budget is balanced."'))
    assert q.text == "The budget is balanced."
    assert q.speaker == "Tom Keller"


def test_multi_sentence_quote_is_one_quote(quotes_of):
    (q,) = direct(quotes_of("“The river rose overnight. Nobody expected it. We are still counting the damage,” "
                            "Alice Brennan said."))
    assert q.text.startswith("The river rose overnight.") and q.text.endswith("counting the damage,")
    assert q.speaker == "Alice Brennan"


def test_quote_running_over_paragraphs(quotes_of):
    qs = direct(quotes_of("“The first phase starts in May,” council leader Tom Keller said. “Then we will close "
                          "the old road.",
                          "“After that, the new bridge opens to traffic in the autumn.”"))
    assert [q.paragraph for q in qs] == [0, 0, 1]
    assert qs[1].text == "Then we will close the old road."
    assert all(q.speaker == "Tom Keller" for q in qs)


def test_partial_quote_inside_a_sentence(quotes_of):
    (q,) = direct(quotes_of("Alice Brennan described the plan as “a fair deal for everyone” during the meeting."))
    assert (q.text, q.kind, q.speaker) == ("a fair deal for everyone", "partial", "Alice Brennan")


def test_nested_single_quotes_stay_inside(quotes_of):
    (q,) = direct(quotes_of("“They told us ‘wait and see’ for years,” said Tom Keller."))
    assert q.text == "They told us ‘wait and see’ for years,"
    assert q.speaker == "Tom Keller"


def test_titles_in_quotation_marks_are_not_quotes(quotes_of):
    qs = quotes_of("The mayor appeared on the talk show “Morning Coffee Hour” last week and in the film "
                   "“The Long Road Home” in 2019.")
    assert direct(qs) == []


def test_pronoun_resolves_to_most_recent_person(quotes_of):
    qs = direct(quotes_of("Anna Lindqvist opened the meeting in the town hall.",
                          "Later, Daniel Okafor spoke to reporters outside. “The ships will wait,” he said."))
    assert [q.speaker for q in qs] == ["Daniel Okafor"]


def test_description_resolves_to_actor_with_that_role(quotes_of):
    qs = direct(quotes_of("The port authority's spokesman, Peter Vance, confirmed the delay on Monday.",
                          "“We regret the inconvenience to passengers,” the spokesman said."))
    assert [q.speaker for q in qs] == ["Peter Vance"]


def test_statement_of_an_organisation(quotes_of):
    (q,) = direct(quotes_of("“The president is confident in the plan,” a White House statement said."))
    assert q.speaker == "White House"


def test_possessor_is_not_the_speaker(quotes_of):
    (q,) = direct(quotes_of("“We are confident of winning the seat,” Brennan's campaign manager, Lucas Ferreira, "
                            "told reporters."))
    assert q.speaker == "Lucas Ferreira"


def test_continued_quotation_paragraph_keeps_speaker(quotes_of):
    qs = direct(quotes_of("“We have enough food for a week,” said Maria Gonzalez, who runs the shelter.",
                          "“What we need now is blankets and warm clothes.”"))
    assert [(q.paragraph, q.speaker) for q in qs] == [(0, "Maria Gonzalez"), (1, "Maria Gonzalez")]


def test_paragraph_ending_in_colon_introduces_the_quote(quotes_of):
    qs = direct(quotes_of("In a statement, Lucas Ferreira said:", "“The count was fair and the result is clear.”"))
    assert [q.speaker for q in qs] == ["Lucas Ferreira"]


def test_dash_byline_names_the_speaker(quotes_of):
    qs = direct(quotes_of("“The buses never come on time.” ― Joan Whitfield",
                          "“I walk to work now.” ― Samuel Adeyemi"))
    assert [q.speaker for q in qs] == ["Joan Whitfield", "Samuel Adeyemi"]


def test_unknown_speaker_is_none(quotes_of):
    (q,) = direct(quotes_of("“The deal is off,” a source said."))
    assert q.speaker is None


def test_indirect_speech_keeps_kind_and_cue(quotes_of):
    qs = quotes_of("Tom Keller said that the council would vote on the proposal next month.")
    (q,) = [q for q in qs if q.kind == "indirect"]
    assert q.text == "the council would vote on the proposal next month"
    assert (q.speaker, q.cue) == ("Tom Keller", "said")


def test_person_after_a_preposition_is_not_the_speaker(quotes_of):
    qs = direct(quotes_of("Tom Keller leads the council.",
                          "“The vote will be close,” a source close to Tom Keller said."))
    assert [q.speaker for q in qs] == [None]


def test_group_speaker_only_when_bare(nlp):
    article = Article(path="t.txt", title="T", paragraphs=[
        "Police said the road would stay closed until Friday.",
        "Local authorities say they face a shortfall of four million pounds next year."])
    r = analyse(article, nlp(text_of(article)[0]))
    kinds = {a.name: a.kind for a in r.actors}
    assert kinds.get("Police") == "group"
    assert "Authorities" not in kinds


def test_straight_single_quotes_in_a_british_style_article(quotes_of):
    quotes = quotes_of(
        "The drivers' union rejected what it called a 'derisory' offer on Wednesday.",
        "Mick Whelan, the union's general secretary, said: 'We have bent over backwards. "
        "They don't take it seriously.'",
        "He added that members were 'angrier than ever'.")
    by_text = {q.text.rstrip(".,"): q for q in quotes if q.kind != "indirect"}
    assert "We have bent over backwards. They don't take it seriously" in by_text
    assert by_text["We have bent over backwards. They don't take it seriously"].speaker == "Mick Whelan"
    assert by_text["angrier than ever"].speaker == "Mick Whelan"
    assert "derisory" in by_text  # a partial quote, apostrophes of "drivers'" and "don't" ignored


def test_a_first_name_alone_still_tells_he_from_she(quotes_of):
    """"Melanie" has no surname, but her given name says she is not the "he" of the quote."""
    (q,) = direct(quotes_of("Melanie watched the rally on television with her neighbour Tom Baker.",
                            "“I love this country,” he said."))
    assert q.speaker == "Tom Baker"


def test_going_on_to_say_speaks_for_the_subject_before(quotes_of):
    qs = direct(quotes_of("“The whole debate is insane,” Senator Ann Marsh said, going on to say that the country "
                          "has spent “hundreds of years fighting against racism and sexism, and young people "
                          "won't stand for it.”"))
    assert {q.speaker for q in qs} == {"Ann Marsh"}


def test_participle_speaks_for_the_sentence_subject(quotes_of):
    qs = direct(quotes_of("Mayor Tom Keller was similarly defensive when forced to defend not paying a builder who "
                          "said he was cheated after he built a clubhouse at one of the city's parks, saying, "
                          "“Maybe he didn’t do a good job, and I wasn’t satisfied with his work.”"))
    assert [q.speaker for q in qs] == ["Tom Keller"]


def test_a_name_introduced_with_its_role_speaks_next(quotes_of):
    qs = direct(quotes_of("While Tom Baker had a string of bands writing songs about him, that has not happened "
                          "for the senator, which worries Henry Cole, president of the county music board.",
                          "“No one is writing songs for her. Nobody at all,” he said."))
    assert [q.speaker for q in qs] == ["Henry Cole"]


# --- merged paragraphs and stray marks ------------------------------------------------------------------

def test_run_on_quoted_paragraphs_are_split_not_inverted(quotes_of):
    # as in corpora whose paragraphs were merged: a quoted paragraph that runs on is never closed
    qs = direct(quotes_of('The minister told the conference: "Waiting lists are falling. "We will keep '
                          'going until every patient is seen," she said. Later, she told a radio programme: '
                          '"The money is there."'))
    texts = [q.text for q in qs]
    assert texts == ["Waiting lists are falling.", "We will keep going until every patient is seen,",
                     "The money is there."]
    assert not any("she said" in t for t in texts)


def test_run_on_segment_takes_the_speaker_of_its_attributed_segment(quotes_of):
    qs = direct(quotes_of('Union leader Maria Gonzalez spoke after the vote. "Members have spoken. '
                          '"Now the company must listen," Ms Gonzalez said.'))
    assert [q.speaker for q in qs] == ["Maria Gonzalez", "Maria Gonzalez"]


def test_stray_closing_mark_does_not_swallow_narration(quotes_of):
    qs = direct(quotes_of('"We are ready," he said." The coach, Tom Reilly, named his team on Friday. '
                          '"Nobody is injured."'))
    assert all("named his team" not in q.text for q in qs)
    assert "Nobody is injured." in [q.text for q in qs]


def test_back_to_back_quotations_are_one_speakers(quotes_of):
    qs = direct(quotes_of('The winger said: "I felt sick on the bus." "I nearly went home." "Then it all clicked."'))
    assert len(qs) == 3 and all(q.text.startswith(("I felt", "I nearly", "Then")) for q in qs)
    assert len({q.speaker for q in qs}) == 1


def test_text_evidence_outweighs_an_unsure_given_name(quotes_of):
    # "Kim" is mostly a woman's name in the dictionary, but the text says "he"
    qs = direct(quotes_of("Kim Morales won the race in Leeds. Morales ran in Leeds last year too. "
                          '"The crowd carried me," he said.'))
    assert [q.speaker for q in qs] == ["Kim Morales"]


# --- references: descriptions -----------------------------------------------------------------------------

def test_role_description_means_the_salient_person_british(quotes_of):
    qs = direct(quotes_of("Britain's Owen Hale won the 400m at the Glasgow meeting on Sunday.",
                          'The European indoor champion said: "My legs felt heavy all week." "Then it clicked."'))
    assert [q.speaker for q in qs] == ["Owen Hale", "Owen Hale"]


def test_description_is_not_a_name_inside_it(quotes_of):
    qs = direct(quotes_of("Film star Nora Quigley has opened a drama school in Galway.",
                          'The Dublin-born actress, whose films include Silver Harbour and Grey Lake, said: '
                          '"The school gave me my start."'))
    assert [q.speaker for q in qs] == ["Nora Quigley"]


def test_organisation_description_us(quotes_of):
    qs = direct(quotes_of("Shares in Brightwater Analytics fell sharply on Monday after the results.",
                          '"We expect a stronger second half," the company said in a statement.'))
    assert [q.speaker for q in qs] == ["Brightwater Analytics"]


# --- clauses -----------------------------------------------------------------------------------------

def test_reported_speech_inside_a_report_is_the_reporters(quotes_of):
    # British style: the closing ", Mr X said" owns the whole sentence
    qs = direct(quotes_of("Council leader Peter Walsh spoke at the meeting.",
                          'The rules said that bins must only be emptied if they were "a health risk", '
                          'Mr Walsh said.'))
    assert [q.speaker for q in qs] == ["Peter Walsh"]


def test_two_speakers_in_one_sentence_keep_their_own(quotes_of):
    qs = direct(quotes_of('"We won," said Anna Berg. "But only just," said Tom Keller.'))
    assert [q.speaker for q in qs] == ["Anna Berg", "Tom Keller"]


def test_quoted_verb_phrase_belongs_to_its_subject(quotes_of):
    qs = direct(quotes_of('Regulator Helen Marsh "strongly condemned" the cuts on Friday.'))
    assert [q.speaker for q in qs] == ["Helen Marsh"]


def test_possessor_of_the_speaking_thing_is_the_next_he(quotes_of):
    qs = direct(quotes_of("Mr Dunmore's memo, which was meant for an aide, asked them to call Paul Fenwick, "
                          'the agency chief. In it, he said: "Call the agency now."'))
    assert [q.speaker for q in qs] == ["Dunmore"]


# --- British inverted attribution and speech acts -----------------------------------------------------------

def test_inverted_description_then_name_british(quotes_of):
    qs = direct(quotes_of('"The bank must act," said its chairman, Sir Hugh Carver.',
                          '"The report is damning," said the chair of the health committee, Labour MP Janet Ross.'))
    assert [q.speaker for q in qs] == ["Hugh Carver", "Janet Ross"]


def test_statement_speaks_for_who_issued_it_us(quotes_of):
    qs = direct(quotes_of('Senator Rosa Delgado issued a statement saying: "We regret the delay."',
                          'The e-mail from Mark Osei asks: "Who approved this?"'))
    assert [q.speaker for q in qs] == ["Rosa Delgado", "Mark Osei"]


# --- confidence --------------------------------------------------------------------------------------------

def test_confidence_follows_the_evidence(quotes_of):
    named, pronoun, guessed = direct(quotes_of(
        '"The plan is sound," Anna Berg said.',
        'Tom Keller arrived later. "We disagree," he said.',
        'Rita Oduya opened the session on Monday.',
        '"Nobody expected this."'))
    assert named.speaker == "Anna Berg" and named.confidence >= 0.9
    assert pronoun.speaker == "Tom Keller" and 0.6 <= pronoun.confidence < named.confidence
    if guessed.speaker is not None:  # a quotation standing alone after a sentence about someone
        assert guessed.confidence < UNCERTAIN
    assert all(q.confidence is None for q in quotes_of('"Nobody knows," a source said.') if q.speaker is None)


# --- formats: nesting, round-ups, pull-quotes ---------------------------------------------------------------

def test_straight_quote_inside_straight_quote_stays_inside(quotes_of):
    (q,) = direct(quotes_of('"He told me "go home" and walked off," said Dana Fisk.'))
    assert q.text == 'He told me "go home" and walked off,' and q.speaker == "Dana Fisk"


def test_round_up_labels_name_the_speaker(quotes_of):
    qs = direct(quotes_of("Readers and politicians gave their verdict on the budget.",
                          'Maria Santos, The Daily Post: "It is a budget for the rich."',
                          'Owen Pryce (Labour): "A missed chance."'))
    assert [q.speaker for q in qs] == ["Maria Santos", "Owen Pryce"]


def test_pull_quote_credited_on_the_next_line(quotes_of):
    qs = direct(quotes_of('"We will never forget what happened here."', "― Grace Ndlovu, teacher",
                          "The council meets on Friday to discuss the memorial."))
    assert [q.speaker for q in qs] == ["Grace Ndlovu"]


def test_short_line_after_a_quote_is_no_credit_unless_it_names_someone(quotes_of):
    qs = direct(quotes_of('Tom Keller spoke first. "The road stays shut."', "Heavy Rain Expected",
                          "Forecasters expect more storms."))
    assert [q.speaker for q in qs] == ["Tom Keller"]


def test_adverbial_clause_owns_its_partial_quote(quotes_of):
    qs = direct(quotes_of('Kim Adler nodded, and as Paul Roth went on about "the rigged system," Kim Adler said '
                          'yes, over and over.'))
    assert [q.speaker for q in qs] == ["Paul Roth"]
    (q,) = direct(quotes_of('Paul Roth said the minister had shown "enormous courage".'))
    assert q.speaker == "Paul Roth"  # a clause the speech verb reports stays the reporter's


def test_resolved_pronouns_count_as_mentions(nlp):
    article = Article(path="t.txt", title="Test", paragraphs=[
        "Rita Oduya opened the session on Monday. She said the budget was tight. She left early."])
    text, _, _ = text_of(article)
    (rita,) = [a for a in analyse(article, nlp(text)).actors if a.name == "Rita Oduya"]
    assert rita.mentions == 3


def test_relative_clause_speaker_is_the_noun_it_describes(quotes_of):
    qs = direct(quotes_of('The plan was attacked by Lena Moss, who told reporters on Tuesday: "It is a disgrace."'))
    assert [q.speaker for q in qs] == ["Lena Moss"]


def test_quoted_description_inside_reported_speech_is_the_reporters(quotes_of):
    # British style: "Mr A told members the other party offered a 'reckless agenda'": A's words
    qs = direct(quotes_of('Council leader Sam Ali spoke last night. Mr Ali told members the other party offered '
                          'a "reckless agenda".'))
    assert [q.speaker for q in qs] == ["Sam Ali"]


def test_excerpt_headings_are_not_speakers(quotes_of):
    qs = direct(quotes_of("The candidate set out her plans in a speech on Monday. Excerpts:",
                          'On The Economy: "We will cut taxes for working families."',
                          'ON IMMIGRATION: "We will secure the border."'))
    assert all(q.speaker not in ("On The Economy", "ON IMMIGRATION") for q in qs)


def test_q_and_a_transcript_answers_are_the_interviewees(quotes_of):
    qs = direct(quotes_of("Senator Ruth Alder spoke to the Tribune about the budget fight.",
                          "Q: Will you vote for the bill?", "A: Not in its current form. We need changes.",
                          "Q: What changes?", "A: Money for rural hospitals, for a start."))
    assert [q.speaker for q in qs] == [None, "Ruth Alder", None, "Ruth Alder"]
    assert qs[1].text == "Not in its current form. We need changes."


def test_one_labelled_paragraph_is_no_transcript(quotes_of):
    assert direct(quotes_of("UPDATE: The road has reopened.", "Police said the crash happened at 9am.")) == []


def test_next_sentence_lends_no_cue_when_the_sentence_ended_after_the_mark(quotes_of):
    qs = direct(quotes_of('In what the report calls an "alarming trend", training fell, leaving "staff unready". '
                          'This, Ms Kaur warns, is "scary".'))
    assert qs[1].text == "staff unready" and qs[1].cue != "warns"


# --- second reading: general rules from a fresh set of made-up articles ---------------------------------------

def test_inverted_apposition_stops_at_the_sentence_end(quotes_of):
    qs = direct(quotes_of('"Bills should be falling too," said its spokesman, Raj Sethi.',
                          'Analyst Mina Cole of Harbour Securities said the results were "worse than feared".'))
    assert [q.speaker for q in qs] == ["Raj Sethi", "Mina Cole"]


def test_name_set_off_by_commas_before_a_subjectless_verb_us(quotes_of):
    qs = direct(quotes_of("In a memo obtained by The Ledger, the company's chief executive, Priya Raman, said "
                          'the company had "grown too fast."'))
    assert [q.speaker for q in qs] == ["Priya Raman"]


def test_the_chancellor_is_not_the_shadow_chancellor_british(quotes_of):
    qs = direct(quotes_of("Chancellor Rachel Penn unveiled the budget. Shadow Chancellor Doug Hart attacked it.",
                          '"The sums add up," the chancellor said.', '"They do not," said the shadow chancellor.'))
    assert [q.speaker for q in qs] == ["Rachel Penn", "Doug Hart"]


def test_age_descriptions_name_the_salient_person(quotes_of):
    qs = direct(quotes_of("Jamie Ordway won the junior title in Leeds.", '"I cannot believe it," said the 19-year-old.',
                          'The 19-year-old added: "Next year I turn professional."'))
    assert [q.speaker for q in qs] == ["Jamie Ordway", "Jamie Ordway"]


def test_next_sentence_that_reports_news_does_not_claim_a_quotation(quotes_of):
    # merged layout: the follow-on quotations are Marsh's, not those of the next sentence's subject
    qs = direct(quotes_of('Callum Marsh won in five sets. "I was gone," said Marsh. "At two sets down I thought '
                          'it was over." "I owe them all a drink." Ferrer, the 11th seed, said Marsh had been '
                          '"very dangerous" all week.'))
    assert [q.speaker for q in qs][:3] == ["Callum Marsh"] * 3


def test_pronoun_prefers_the_subject_earlier_in_its_own_sentence_us(quotes_of):
    qs = direct(quotes_of('Gov. Mark Dean visited the town on Monday. "We will help," he wrote.',
                          'Luis Correa, 46, who lives near the tracks, said he heard a "sound like thunder" at 2 a.m. '
                          '"It smelled like paint thinner," he said.'))
    assert [q.speaker for q in qs] == ["Mark Dean", "Luis Correa", "Luis Correa"]


def test_the_firm_means_the_salient_company_british(quotes_of):
    qs = direct(quotes_of("Kestrel Bank has agreed to be bought by US rival Ashford Capital.",
                          'The London-based bank\'s board said the offer was "fair and reasonable".'))
    assert [q.speaker for q in qs] == ["Kestrel Bank"]


def test_how_words_inside_reported_speech_are_the_reporters_us(quotes_of):
    qs = direct(quotes_of('A spokeswoman for the agency, Dana Morales, said it had received the letter and would '
                          'respond "in a timely manner."',
                          'Mayor Tom Reyes said Governor Ann Bell once described the plan as "a disaster".'))
    assert [q.speaker for q in qs] == ["Dana Morales", "Ann Bell"]  # "described it as “…”": the describer's


def test_a_name_after_said_that_starts_the_reported_clause_is_not_the_speaker(quotes_of):
    qs = direct(quotes_of('The coach Anton Vesely, who has watched him for years, said Marsh would be "very '
                          'dangerous" on grass.'))
    assert [q.speaker for q in qs] == ["Anton Vesely"]


def test_a_title_description_never_means_someone_with_another_title(quotes_of):
    qs = direct(quotes_of("Mayor Tom Reyes opened the meeting.", '"The plan is dead," the governor said.'))
    assert [q.speaker for q in qs] == [None]


def test_a_full_title_after_the_is_no_new_actor_british(nlp):
    article = Article(path="t.txt", title="Test", paragraphs=[
        "Paid leave should be extended, the Trade and Industry Secretary has said.",
        "Patricia Hewson said the cost was being evaluated."])
    text, _, _ = text_of(article)
    assert "Secretary" not in [a.name for a in analyse(article, nlp(text)).actors]


def test_paragraph_opening_with_a_quote_continues_the_last_speaker(quotes_of):
    # British merged layout: narration follows the quotes in the same paragraph
    qs = direct(quotes_of('Mr Wragg said: "These are nurses and engineers." "Their lives are on hold."',
                          '"Ministers must get a grip." The Conservatives have tabled an urgent question.'))
    assert [q.speaker for q in qs] == ["Wragg"] * 3
    # US layout: a quote paragraph after an attributed one
    qs = direct(quotes_of('"We were not warned," said Luis Correa, who lives near the tracks.',
                          '"Nobody told us anything until the sun came up."'))
    assert [q.speaker for q in qs] == ["Luis Correa"] * 2


def test_transcript_with_name_labels_us(quotes_of):
    qs = direct(quotes_of("Senator Jim Harlan spoke to the Tribune.", "Q: Will you run?",
                          "Harlan: No. I have said that from the start.", "Q: Never?", "Harlan: Never."))
    assert [q.speaker for q in qs] == [None, "Jim Harlan", None, "Jim Harlan"]


def test_seed_style_source_line_is_no_transcript(quotes_of):
    assert direct(quotes_of("Note: figures are provisional.", "Source: Daily Courier")) == []


@pytest.mark.parametrize("paragraphs, speakers", [
    # British: an unnamed worker speaks after a named administrator
    (['Administrator Sarah Lowe said there had been "a good level of interest" from buyers.',
      "One worker at the Leeds branch, who did not want to be named, said staff had been given an hour's "
      'notice. "We turned up and by lunchtime we had been sent home," she said.'],
     ["Sarah Lowe", None]),
    # US: a resident after the mayor
    (['Mayor Jane Doe said the crossing was "a priority".',
      'A resident said the road had been dangerous for years. "Somebody is going to get killed," she added.'],
     ["Jane Doe", None]),
    # a spokesman speaks for the organisation named with him, not for the chief executive quoted before
    (['John Reed, the chief executive of the Acme Corporation, said the ruling was "a mistake".',
      'A spokesman for Acme said: "We will appeal." He added: "The court got this wrong."'],
     ["John Reed", "Acme Corporation", "Acme Corporation"]),
])
def test_he_or_she_after_someone_unnamed_is_not_the_last_named_person(quotes_of, paragraphs, speakers):
    assert [q.speaker for q in direct(quotes_of(*paragraphs))] == speakers


@pytest.mark.parametrize("sentence, speaker", [
    ('Superintendent Ann Cole said the district could no longer staff and maintain schools that were "built for '
     'a city that doesn\'t exist anymore."', "Ann Cole"),
    ('Ann Cole said the council could not add libraries that were "relics of another age".', "Ann Cole"),
    ('"It is the wrong decision," Ann Cole maintained.', "Ann Cole"),
])
def test_maintain_or_add_with_a_noun_object_is_no_speech_verb(quotes_of, sentence, speaker):
    (q,) = direct(quotes_of(sentence))
    assert q.speaker == speaker


def test_a_name_that_only_qualifies_a_noun_is_not_what_the_firm_means(quotes_of):
    # US: a dateline the parser takes for the subject, and an agency named inside "Social Security numbers"
    qs = quotes_of("CHICAGO — Midland Health Group, one of the largest insurers in the state, said on Monday that "
                   "hackers had stolen data on two million customers, including Social Security numbers.",
                   "The company said the attackers had gained access to its systems in early September through a "
                   "contractor's stolen password.")
    assert [q.speaker for q in qs if q.kind == "indirect"] == ["Midland Health Group", "Midland Health Group"]
    # British: "the Labour-run council" is a council, not the Labour Party
    qs = quotes_of("The Labour-run borough council voted 30 to 21 in favour of the budget on Wednesday.",
                   "The authority says it faces a £12m gap in its finances over the next two years.")
    assert "Labour Party" not in [q.speaker for q in qs] and "Labour" not in [q.speaker for q in qs]


@pytest.mark.parametrize("paragraphs, speaker", [
    # US: the statement the text spoke of before
    (['Brightline Appliances said in a statement that it was "disappointed" by the verdict.',
      '"Our sympathies remain with the family," the statement said.'], "Brightline Appliances"),
    # British: a statement someone issued
    (["The Carrow Group issued a statement on Friday evening.", '"We regret the delay," the statement said.'],
     "Carrow Group"),
    (["Jane Doe, the mayor, wrote a letter to residents on Monday.", '"I am sorry," the letter said.'], "Jane Doe"),
])
def test_the_statement_said_is_whoever_made_the_statement(quotes_of, paragraphs, speaker):
    assert direct(quotes_of(*paragraphs))[-1].speaker == speaker


def test_the_band_means_the_band_named_before(quotes_of):
    qs = direct(quotes_of("The line-up had included the singer Kira Vale and the reunited rock band The Halcyons.",
                          '"We are heartbroken," the band wrote on Instagram.'))
    assert qs[-1].speaker == "Halcyons"


@pytest.mark.parametrize("sentence, speaker", [
    # British: "X MP for Y, Name" (the parser hangs the name on the constituency)
    ('Labour MP for Stourvale, Catherine Ambrose, who led the rebellion, said she had been "inundated" with '
     'letters.', "Catherine Ambrose"),
    # US
    ('A spokesman for the Pentagon, John Kirby, said the strike had been "precise".', "John Kirby"),
    # the passive of tell: the court heard it, the prosecutor said it
    ('The court was told by prosecutor Ann Vale that the firm had ignored "every warning".', "Ann Vale"),
])
def test_role_holder_and_passive_tell(quotes_of, sentence, speaker):
    (q,) = direct(quotes_of(sentence))
    assert q.speaker == speaker


def test_whoever_was_told_is_not_the_speaker(quotes_of):
    qs = quotes_of("Jurors were told the care home had been seriously understaffed for months before the death.")
    assert "Jurors" not in [q.speaker for q in qs]


FILLER_UK = "Analysts had expected a smaller fall, and shares dropped by 4% in early trading in London. "
FILLER_US = "Analysts had expected the move for months, and shares fell by 3% in early trading in New York. "


@pytest.mark.parametrize("paragraphs, name", [
    # British
    (["Brackwell Energy has reported a 14% fall in annual profits after a mild winter. " + FILLER_UK,
      "The firm, which supplies three million homes, made a pre-tax profit of £412m. " + FILLER_UK,
      '"It has been a difficult year," said its chairman, Sir Malcolm Dredge.',
      "Chief executive Helen Strang confirmed that the company would cut 600 jobs. " + FILLER_UK,
      '"These are painful decisions," Ms Strang said.',
      'The firm said it expected "a return to growth" next year.'], "Brackwell Energy"),
    # US
    (["Harbor Mutual Insurance said on Monday that it would leave the Florida market. " + FILLER_US,
      "The company, which covers 200,000 homes in the state, has lost money for three years. " + FILLER_US,
      '"We tried everything," said its president, Dana Ruiz.',
      "Regulators said the company had given notice in March. " + FILLER_US,
      '"This is a blow to homeowners," said state Sen. Mark Hale.',
      'The company said it expected "an orderly exit" by June.'], "Harbor Mutual Insurance"),
])
def test_the_firm_follows_the_chain_of_descriptions_back_to_its_name(quotes_of, paragraphs, name):
    assert direct(quotes_of(*paragraphs))[-1].speaker == name


@pytest.mark.parametrize("after", [
    "Bannon, 22, said he had \"barely touched\" the striker.",  # British
    "Bannon, a defensive tackle, says he never heard the whistle.",  # US
])
def test_a_sentence_after_a_quote_paragraph_is_no_credit_line(quotes_of, after):
    qs = direct(quotes_of("Millbrook boss Graham Teale was furious about the penalty, given for a challenge by "
                          "defender Kyle Bannon.",
                          '"It was never a penalty," Teale told BBC Radio Lancashire.',
                          '"We will be writing to the referees about it, because that is the third time."', after))
    assert qs[1].speaker == "Graham Teale"


@pytest.mark.parametrize("paragraphs, speaker", [
    # US: "the family" of the person the story is about
    (["Darnell Hayes, a father of two, was shot three times during a traffic stop.",
      '"Darnell was a gentle man," the family said in a statement.'], "Hayes family"),
    # British: "her family"
    (["Tributes have been paid to Amy Clarke, 17, who died in the crash on the A38.",
      'Her family said: "Amy lit up every room she walked into."'], "Clarke family"),
    (['The Hayes family said they wanted "answers, not excuses".'], "Hayes family"),
])
def test_the_family_speaks_as_the_family_of_the_person_named(quotes_of, paragraphs, speaker):
    assert direct(quotes_of(*paragraphs))[-1].speaker == speaker


@pytest.mark.parametrize("paragraph, speakers", [
    # British, paragraphs run together as archives store them
    ('Former minister Jane Morris told the BBC there was a "real problem of trust" in politics. She said her '
     'own colleagues could not be trusted. Liberal Democrat spokesman Tom Hale said the war had badly hurt '
     'trust in politicians. "Issues of war and peace do have a damaging effect on the credibility of '
     'politicians." Peter Bell, who won the seat in 1997, said politicians often failed to see themselves as '
     'others did. "We need public figures we trust to tell the truth."',
     ["Jane Morris", "Tom Hale", "Peter Bell"]),
    # US, curly marks
    ("“The bill is dead on arrival,” Senator Ann Cole told reporters on Tuesday. Governor Mark Reyes said the "
     "state would sue if the bill passed. “We will see them in court, and we will win.” The governor's office "
     "said the lawsuit was already drafted.",
     ["Ann Cole", "Mark Reyes"]),
])
def test_a_quote_after_another_speakers_reported_speech_is_theirs(quotes_of, paragraph, speakers):
    """A quotation standing alone right after a sentence in which someone else is said to speak is that
    person's, not the paragraph's earlier speaker's."""
    assert [q.speaker for q in direct(quotes_of(paragraph))] == speakers


def test_a_quote_after_the_same_speakers_pronoun_stays_theirs(quotes_of):
    qs = direct(quotes_of('"We were poor," said manager Tom Hart. He said the players knew it. Striker Dan Cole '
                          'scored twice late on. "The second half was a different story."'))
    assert [q.speaker for q in qs] == ["Tom Hart", "Tom Hart"]


@pytest.mark.parametrize("sentence, speaker", [
    ('Shadow leader of the Commons Owen Heald said: "This will be part of our plan for the next parliament."',
     "Owen Heald"),
    ('Chairman of the Federal Reserve Alan Greenhill said: "Rates will stay where they are for now."',
     "Alan Greenhill"),
    ('A friend of Jane Doe said: "She was always kind to everyone in the street."', None),
])
def test_a_name_run_on_from_its_title_speaks(quotes_of, sentence, speaker):
    """"Leader of the Commons Owen Heald said": the parser hangs the name on the title's last noun; the
    person speaks, not the organisation in the title (while "a friend of Jane Doe" is not Jane Doe)."""
    (q,) = direct(quotes_of(sentence))
    assert q.speaker == speaker


def test_a_friend_of_a_titled_name_is_not_that_name(quotes_of):
    (q,) = direct(quotes_of('A friend of the leader of the Commons Owen Heald said: "He was always kind to '
                            'everyone in the street."'))
    assert q.speaker != "Owen Heald"


@pytest.mark.parametrize("paragraphs, speaker", [
    # British sport style: a nationality for the person just named
    (["Arsène Vallier has signed a new three-year contract with the club.",
      '"My intention has always been clear. I love this club," the 55-year-old Frenchman told the club\'s website.'],
     "Arsène Vallier"),
    (["Mark Lewis-Fenton won the 60m in Birmingham on Saturday.",
      '"I was delighted with that," said the 23-year-old Englishman, who beat fellow Briton Jason Garnet.'],
     "Mark Lewis-Fenton"),
    # US style
    (["Andy Rodwick beat Tomas Berdek in straight sets on Monday.",
      '"I felt pretty good," said the American. "I liked the way the match played out."'], "Andy Rodwick"),
])
def test_a_nationality_for_the_person_just_named_speaks_as_that_person(quotes_of, paragraphs, speaker):
    """"the Frenchman said", "said the American": a description of someone the text has named, never an
    actor called "Frenchman"."""
    assert direct(quotes_of(*paragraphs))[0].speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker", [
    # British sport: "the Chelsea star", the side the person plays for
    (["Damien Duffy explained what went wrong when he missed a chance late on.",
      '"I would have headed that every time but I lost it in the lights," said the Chelsea star.'], "Damien Duffy"),
    (["Tom Keane, who won the seat in 1997, was delighted.", '"It was a great night," the Labour MP said.'],
     "Tom Keane"),
    # US: a side named without anyone described still speaks as itself
    (['"We will study the plans closely," a Treasury spokesman said.'], None),
])
def test_a_person_described_by_their_side_is_the_person_just_named(quotes_of, paragraphs, speaker):
    assert direct(quotes_of(*paragraphs))[-1].speaker == speaker


@pytest.mark.parametrize("sentence, speaker", [
    ('Shadow spokesman for sport Hugh Robins said: "I suspect the right way is to help the clubs."', "Hugh Robins"),
    ('Lib Dem spokesman for health Jane Corran said: "The figures speak for themselves."', "Jane Corran"),
    ('A friend of spokesman for health Jane Corran said: "She was always kind to everyone."', None),
])
def test_a_name_run_on_from_a_portfolio_speaks(quotes_of, sentence, speaker):
    """"spokesman for sport Hugh Robins": the parser hangs the name on the portfolio; "Shadow" is a title."""
    (q,) = direct(quotes_of(sentence))
    assert q.speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker", [
    (['Tim Henmore lost to American Andy Rodwick in the semi-final. "I just could not read his serve," said the '
      'Briton.'], "Tim Henmore"),
    (['Scotland\'s Colin Montrose finished two shots behind American Tiger Wold. "I putted badly all day," said '
      'the Scot.'], "Colin Montrose"),
    (['Justine Henet of Belgium lost to France\'s Amelie Mauret in three sets. "I was too tired," the Belgian '
      'said.'], "Justine Henet"),
])
def test_a_nationality_is_the_person_of_that_nation_not_just_the_last_named(quotes_of, paragraphs, speaker):
    """"said the Briton" after "Henmore lost to American Rodwick": the text gave Rodwick another nation."""
    assert direct(quotes_of(*paragraphs))[-1].speaker == speaker
