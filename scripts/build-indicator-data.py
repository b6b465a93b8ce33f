#!/usr/bin/env python3
"""Builds the shipped indicator data (public/data/indicators/) from the published figures in
../shared/data/: nz-published-figures.csv (the first file) and nz-published-figures-more.csv
(the further figures). Values are copied as published, never derived, interpolated or
estimated. Every row keeps its statistical release (`source`, with `source_url` when the
release's own address is known) and the page where it was read (`read_at`).

Curation, all of it written down here and in public/data/indicators/README.md:
- one indicator per measure; a measure joins another only where the question and population
  match (MERGE);
- where a measure's wording, method, survey or population changed, the series has a break
  (BREAKS): the first value after it carries the flag `break`, and the app neither joins the
  line nor computes a change across it;
- rows left out (EXCLUDE) and rows shipped with a relabelled period or group (PERIODS,
  GROUPS) are listed with their reasons in the README, which the data tests read back;
- which dimension and framework part an indicator measures is `editorial` unless the
  framework text itself names the measure.

    python3 scripts/build-indicator-data.py
"""
import csv, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "../../shared/data")
FIRST = os.path.join(SHARED, "nz-published-figures.csv")
MORE = os.path.join(SHARED, "nz-published-figures-more.csv")
OUT = os.path.join(HERE, "../public/data/indicators")
STATS = "CC BY 4.0 (Stats NZ)"
CROWN = "Crown copyright, CC BY 4.0 unless the source says otherwise"
ELECTORAL = "Attribution: Electoral Commission (see the source for its terms)"
OTHER = "Quoted for reference; see the source for its terms"

GSS = "Stats NZ, General Social Survey"
TK = "Stats NZ, Te Kupenga (Māori wellbeing survey)"
QOL = "Quality of Life Survey (councils)"
NZCVS = "Ministry of Justice, NZ Crime and Victims Survey"
NZHS = "Ministry of Health, New Zealand Health Survey"
OECD = "OECD Trust Survey 2023 (country note)"
IGPS = "Victoria University of Wellington IGPS, 'Who do we trust?' survey"
EC = "Electoral Commission, general election results"

# id: (short title, dimensions, framework nodes, direction, basis, survey, population)
P, S = "strategic.indicator.people", "strategic.outcome.people"
PL, I = "strategic.indicator.places", "strategic.indicator.institutions"
TRUSTED = "strategic.indicator.institutions.trust;strategic.outcome.institutions.trusted"
META = {
    # The first file's indicators.
    "belonging_nz": ("Belonging to New Zealand", "belonging", f"{S}.belong;{P}.full_selves", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "belonging_neighbourhood": ("Belonging to neighbourhood", "belonging", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "belonging_family": ("Belonging to family", "belonging", f"{S}.belong", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "belonging_organisation": ("Belonging to an organisation", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "trust_people": ("Trust in most people", "belonging", f"{P}.trust_others", "higher_is_better", "source", GSS, "People aged 15 and over"),
    "trust_police": ("Trust in the police", "legitimacy", TRUSTED, "higher_is_better", "source", GSS, "People aged 15 and over"),
    "trust_parliament": ("Trust in Parliament", "legitimacy", TRUSTED, "higher_is_better", "source", GSS, "People aged 15 and over"),
    "trust_media": ("Trust in the media", "legitimacy", "strategic.outcome.institutions.trusted", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "safe_walking_dark": ("Safe walking after dark", "belonging", f"{PL}.neighbourhood;{P}.safety", "higher_is_better", "source", GSS, "People aged 15 and over"),
    "safe_public_transport_night": ("Safe on public transport at night", "belonging;inclusion", f"{P}.safety;{PL}.transport", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "life_satisfaction": ("Life satisfaction", "inclusion", f"{S}.wellbeing", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "discrimination": ("Experienced discrimination", "recognition", f"{P}.discrimination", "lower_is_better", "source", GSS, "People aged 15 and over"),
    "express_identity": ("Easy to be themselves", "belonging;recognition", f"{P}.full_selves", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "poor_mental_wellbeing": ("Poor mental wellbeing", "inclusion", f"{S}.wellbeing", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "neighbour_mental_illness": ("Comfortable with a neighbour with mental illness", "recognition", f"{S}.diversity;{P}.diverse_groups", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "contact_friends_f2f": ("Weekly contact with friends", "participation", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "contact_family_f2f": ("Weekly contact with family", "participation;belonging", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_some_time": ("Felt lonely", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "voter_turnout": ("Voter turnout", "participation;legitimacy", f"{S}.capacity", "higher_is_better", "editorial", EC, "Enrolled electors"),
    "enrolment_rate": ("Electoral enrolment", "participation", f"{S}.capacity", "higher_is_better", "editorial", EC, "People eligible to enrol (estimated)"),
    # Te Kupenga and te reo Māori.
    "tereo_speak_fairly_well_maori": ("Speak te reo Māori at least fairly well", "recognition;belonging", f"{S}.belong;{P}.language", "higher_is_better", "editorial", TK, "Māori aged 15 and over"),
    "marae_tipuna_know": ("Know their marae tipuna", "belonging;recognition", f"{S}.belong", "higher_is_better", "editorial", TK, "Māori adults"),
    "marae_tipuna_visited_12m": ("Been to marae tipuna in the last 12 months", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", TK, "Māori adults who know their marae tipuna"),
    "marae_tipuna_want_more": ("Would like to go to marae tipuna more often", "belonging", f"{S}.connected", "neutral", "editorial", TK, "Māori adults who know their marae tipuna"),
    "maori_culture_important": ("Involvement in Māori culture is important", "belonging;recognition", f"{S}.belong", "neutral", "editorial", TK, "Māori adults"),
    "know_iwi": ("Know their iwi", "belonging;recognition", f"{S}.belong", "higher_is_better", "editorial", TK, "Māori adults"),
    "ancestral_marae_ever": ("Have been to their ancestral marae", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", TK, "Māori adults"),
    "ancestral_marae_12m": ("Ancestral marae in the last 12 months", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", TK, "Māori adults"),
    "tereo_some_ability": ("Some ability to speak te reo Māori", "recognition;belonging", f"{P}.language;{S}.belong", "higher_is_better", "editorial", "Survey on the Health of the Māori Language (2001, 2006); Te Kupenga (2013)", "Māori adults"),
    "tereo_very_well_well": ("Speak te reo Māori very well or well", "recognition;belonging", f"{P}.language", "higher_is_better", "editorial", TK, "Māori adults"),
    "tereo_at_home": ("Speak some te reo Māori at home", "recognition;belonging", f"{P}.language", "higher_is_better", "editorial", TK, "Māori adults"),
    "whanau_doing_well": ("Whānau doing well", "inclusion;belonging", f"{S}.wellbeing", "higher_is_better", "editorial", TK, "Māori adults"),
    "whanau_contact_4wk": ("Face-to-face contact with whānau", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", TK, "Māori adults"),
    "know_ancestral_marae": ("Know their ancestral marae", "belonging;recognition", f"{S}.belong", "higher_is_better", "editorial", TK, "Māori adults"),
    "turangawaewae_marae": ("Ancestral marae as tūrangawaewae", "belonging", f"{S}.belong", "higher_is_better", "editorial", TK, "Māori adults"),
    "tereo_more_than_few_words_total": ("Speak more than a few words of te reo Māori", "recognition", f"{P}.language;{S}.diversity", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "tereo_core_subject_support": ("Support te reo Māori as a core subject", "recognition", f"{P}.language;{S}.diversity", "neutral", "editorial", GSS, "People aged 15 and over"),
    "tereo_conversational_maori_census": ("Māori who can converse in te reo Māori", "recognition;belonging", f"{P}.language", "higher_is_better", "editorial", "Stats NZ, Census of Population and Dwellings", "Māori (census usually resident population)"),
    "tereo_conversational_total_census": ("People who can converse in te reo Māori", "recognition", f"{P}.language", "higher_is_better", "editorial", "Stats NZ, Census of Population and Dwellings", "Census usually resident population"),
    "maori_easy_express_identity": ("Māori: easy to express their identity", "recognition;belonging", f"{P}.full_selves", "higher_is_better", "editorial", GSS, "Māori aged 15 and over"),
    # Elections and civic participation.
    "voter_turnout_eligible": ("Turnout of those eligible to enrol", "participation;legitimacy", f"{S}.capacity", "higher_is_better", "editorial", EC, "People eligible to enrol"),
    "voter_turnout_vap": ("Turnout of the voting-age population", "participation;legitimacy", f"{S}.capacity", "higher_is_better", "editorial", EC, "Estimated voting-age population"),
    "voted_last_election_selfreport": ("Said they voted at the last election", "participation;legitimacy", f"{S}.capacity", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "good_outcomes_all_aspects": ("Good outcomes in all aspects of wellbeing", "inclusion", f"{S}.wellbeing;{P}.inequality", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "volunteer_org_4wk": ("Volunteered for an organisation", "participation", f"{S}.connected;{S}.capacity", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "volunteer_npi_year": ("Volunteered for a non-profit in the year", "participation", f"{S}.connected;{S}.capacity", "higher_is_better", "editorial", "Stats NZ, Non-profit Institutions Satellite Account", "People aged 12 and over"),
    "volunteer_census_4wk": ("Voluntary work through an organisation (census)", "participation", f"{S}.connected;{S}.capacity", "higher_is_better", "editorial", "Stats NZ, 2006 Census", "People aged 15 and over"),
    # Diversity and discrimination.
    "accept_diversity_all5": ("Comfortable with all five minority groups as neighbours", "recognition", f"{P}.diverse_groups;{S}.diversity", "higher_is_better", "source", GSS, "People aged 15 and over"),
    "accept_diversity_none": ("Comfortable with none of five minority groups as neighbours", "recognition", f"{P}.diverse_groups;{S}.diversity", "lower_is_better", "source", GSS, "People aged 15 and over"),
    "accept_neighbour_group": ("Comfortable with a neighbour from a minority group", "recognition", f"{P}.diverse_groups;{S}.diversity", "higher_is_better", "source", GSS, "People aged 15 and over"),
    "whanau_facetoface_contact": ("Face-to-face contact with extended family", "belonging;participation", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "racial_discrim_12m_nzhs": ("Racial discrimination in the last 12 months", "recognition;inclusion", f"{P}.discrimination", "lower_is_better", "source", NZHS, "Adults aged 15 and over"),
    "racial_discrim_lifetime_nzhs": ("Racial discrimination in their lifetime", "recognition;inclusion", f"{P}.discrimination", "lower_is_better", "source", NZHS, "Adults aged 15 and over"),
    "racial_verbal_abuse_12m_nzhs": ("Ethnically motivated verbal abuse", "recognition;inclusion", f"{P}.discrimination", "lower_is_better", "source", NZHS, "Adults aged 15 and over"),
    "racial_discrim_3plus_settings": ("Racial discrimination in three or more settings", "recognition;inclusion", f"{P}.discrimination", "lower_is_better", "source", "New Zealand Health Survey 2002/03 (Harris et al. 2006)", "Adults aged 15 and over"),
    "racial_discrim_ever": ("Ever experienced racial discrimination", "recognition;inclusion", f"{P}.discrimination", "lower_is_better", "source", "New Zealand Health Survey 2002/03 (Harris et al. 2006)", "Adults aged 15 and over"),
    "unfair_treatment_ethnicity": ("Unfair treatment due to ethnicity", "recognition;inclusion", f"{P}.discrimination;{PL}.discrimination", "lower_is_better", "source", NZHS, "Adults aged 15 and over"),
    # Loneliness and contact.
    "lonely_most_all_4wk": ("Lonely most or all of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_some_4wk": ("Lonely some of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_most_all_some_4wk": ("Lonely most, all or some of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_all_4wk": ("Lonely all of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_most_4wk": ("Lonely most of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_little_4wk": ("Lonely a little of the time", "belonging", f"{S}.connected", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "lonely_12m_qol": ("Isolated or lonely in the last 12 months", "belonging", f"{S}.connected", "lower_is_better", "editorial", QOL, "People aged 15 and over in the surveyed cities and districts"),
    "lonely_most_all_hlfs": ("Lonely most or all of the time (HLFS)", "belonging;inclusion", f"{S}.connected", "lower_is_better", "editorial", "Stats NZ, Household Labour Force Survey wellbeing supplement", "People aged 15 and over"),
    "lonely_most_all": ("Prolonged loneliness (Loneliness NZ)", "belonging", f"{S}.connected", "lower_is_better", "editorial", "Loneliness NZ Charitable Trust (survey not named)", "Adults"),
    "lonely_isolated_most_always_cws": ("Lonely or isolated most of the time (Canterbury)", "belonging", f"{S}.connected", "lower_is_better", "editorial", "Canterbury Wellbeing Survey", "Adults aged 18 and over in greater Christchurch"),
    "nonfacetoface_family_weekly": ("Other contact with family in the last week", "participation;belonging", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "nonfacetoface_friends_weekly": ("Other contact with friends in the last week", "participation", f"{S}.connected", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    # Trust.
    "trust_people_qol": ("Most people can be trusted (Quality of Life)", "belonging", f"{P}.trust_others", "higher_is_better", "source", QOL, "People aged 15 and over (2004: the largest cities only)"),
    "trust_govt_do_right": ("Trust the government to do what is right", "legitimacy", TRUSTED, "higher_is_better", "source", IGPS, "Adults aged 18 and over"),
    "trust_govt_national_problems": ("Trust the government with national problems", "legitimacy", TRUSTED, "higher_is_better", "source", IGPS, "Adults aged 18 and over"),
    "govt_fair_consideration": ("Citizens' interests fairly considered", "legitimacy;inclusion", "strategic.outcome.institutions.inclusive;strategic.outcome.institutions.trusted", "higher_is_better", "editorial", IGPS, "Adults aged 18 and over"),
    "trust_people_high_igps": ("High trust in people (IGPS)", "belonging", f"{P}.trust_others", "higher_is_better", "source", IGPS, "Adults aged 18 and over"),
    "corruption_widespread": ("Think corruption is widespread in government", "legitimacy", "strategic.outcome.institutions.accountable", "lower_is_better", "editorial", IGPS, "Adults aged 18 and over"),
    "trust_public_service_brand": ("Trust in the Public Service brand", "legitimacy", TRUSTED, "higher_is_better", "source", "Te Kawa Mataaho Public Service Commission, Kiwis Count", "New Zealanders"),
    "trust_public_services_experience": ("Trust public services from experience", "legitimacy", f"{TRUSTED};{I}.services", "higher_is_better", "source", "Te Kawa Mataaho Public Service Commission, Kiwis Count", "New Zealanders"),
    "police_trust_confidence_high": ("High trust and confidence in police (NZCVS)", "legitimacy", TRUSTED, "higher_is_better", "source", NZCVS + " (Police module)", "People aged 15 and over"),
    "police_no_trust": ("No trust and confidence in police", "legitimacy", TRUSTED, "lower_is_better", "source", NZCVS + " (Police module)", "People aged 15 and over"),
    "justice_system_trust_high": ("High trust in the justice system", "legitimacy", TRUSTED, "higher_is_better", "source", NZCVS + " (Public Perceptions module)", "People aged 15 and over"),
    "justice_system_trust_any": ("Some trust in the justice system", "legitimacy", TRUSTED, "higher_is_better", "source", NZCVS + " (Public Perceptions module)", "People aged 15 and over"),
    "justice_fairness_confidence_high": ("Confidence in the justice system's fairness", "legitimacy", TRUSTED, "higher_is_better", "source", NZCVS + " (Public Perceptions module)", "People aged 15 and over"),
    "justice_effectiveness_confidence_high": ("Confidence in the justice system's effectiveness", "legitimacy", TRUSTED, "higher_is_better", "source", NZCVS + " (Public Perceptions module)", "People aged 15 and over"),
    "cj_group_good_job": ("Justice groups doing a good job", "legitimacy", "strategic.outcome.institutions.trusted", "higher_is_better", "editorial", "Ministry of Justice, NZ Crime and Safety Survey", "People aged 15 and over"),
    "oecd_trust_central_govt": ("Trust in the central government (OECD)", "legitimacy", TRUSTED, "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_police": ("Trust in the police (OECD)", "legitimacy", TRUSTED, "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_other_people": ("Trust in other people (OECD)", "belonging", f"{P}.trust_others", "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_courts": ("Trust in the courts (OECD)", "legitimacy", TRUSTED, "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_local_govt": ("Trust in local government (OECD)", "legitimacy", TRUSTED, "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_parliament": ("Trust in parliament (OECD)", "legitimacy", TRUSTED, "higher_is_better", "source", OECD, "Adults"),
    "oecd_trust_political_parties": ("Trust in political parties (OECD)", "legitimacy", "strategic.outcome.institutions.trusted", "higher_is_better", "editorial", OECD, "Adults"),
    "oecd_trust_news_media": ("Trust in news media (OECD)", "legitimacy", "strategic.outcome.institutions.trusted", "higher_is_better", "editorial", OECD, "Adults"),
    # Safety.
    "feel_safe_neighbourhood_dark_nzcvs": ("Safe in their neighbourhood after dark (NZCVS)", "belonging", f"{PL}.neighbourhood;{P}.safety", "higher_is_better", "source", NZCVS + " (Police module)", "People aged 15 and over"),
    "feel_safe_neighbourhood_dark_nzcass": ("Safe walking alone after dark (NZCASS)", "belonging", f"{PL}.neighbourhood;{P}.safety", "higher_is_better", "source", "Ministry of Justice, NZ Crime and Safety Survey", "People aged 15 and over"),
    "no_neighbourhood_crime_problem": ("No crime problem in their neighbourhood", "belonging", f"{PL}.neighbourhood;{PL}.crime", "higher_is_better", "editorial", "Ministry of Justice, NZ Crime and Safety Survey", "People aged 15 and over"),
    "feel_safe_neighbourhood_dark": ("Safe out alone after dark (Disability Survey)", "belonging;inclusion", f"{PL}.neighbourhood;{P}.safety", "higher_is_better", "source", "Stats NZ, 2013 Disability Survey", "Adults"),
    # Belonging and wellbeing.
    "belonging_nz_10of10": ("Belonging to New Zealand: 10 out of 10", "belonging", f"{S}.belong", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "belonging_other_country_10of10": ("Belonging to another country: 10 out of 10", "belonging", f"{S}.belong", "neutral", "editorial", GSS, "People aged 15 and over"),
    "life_satisfaction_7plus": ("Life satisfaction 7 or more", "inclusion", f"{S}.wellbeing", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "life_satisfaction_low": ("Low life satisfaction (0 to 6)", "inclusion", f"{S}.wellbeing;{P}.inequality", "lower_is_better", "editorial", GSS, "People aged 15 and over"),
    "life_satisfaction_satisfied": ("Satisfied with life (5-point scale)", "inclusion", f"{S}.wellbeing", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "life_satisfaction_7plus_hlfs": ("Life satisfaction 7 or more (HLFS)", "inclusion", f"{S}.wellbeing", "higher_is_better", "editorial", "Stats NZ, Household Labour Force Survey wellbeing supplement", "People aged 15 and over"),
    "life_satisfaction_mean_hlfs": ("Life satisfaction (HLFS)", "inclusion", f"{S}.wellbeing", "higher_is_better", "editorial", "Stats NZ, Household Labour Force Survey wellbeing supplement", "People aged 15 and over"),
    "family_wellbeing_7plus": ("Family wellbeing 7 or more", "inclusion;belonging", f"{S}.wellbeing", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "family_wellbeing_mean": ("Family wellbeing", "inclusion;belonging", f"{S}.wellbeing", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "family_support_crisis": ("Family could turn to each other in a crisis", "belonging", f"{S}.belong", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    "family_confide": ("Family members could confide in each other", "belonging", f"{S}.belong", "higher_is_better", "editorial", GSS, "People aged 15 and over"),
    # Migrants' settlement.
    "migrant_nz_friends_0_1": ("Recent migrants with at most one NZ friend", "belonging;participation", f"{P}.diverse_groups;{S}.connected", "lower_is_better", "editorial", "MBIE, Migrants Survey 2011", "Recent migrants"),
    "migrant_no_socialising_nzers": ("Migrants not socialising with New Zealanders", "belonging;participation", f"{S}.connected;strategic.way.interactions", "lower_is_better", "editorial", "MBIE, Migrants Survey 2011", "Recent migrants"),
    "migrant_socialising_nzers": ("Migrants socialising with New Zealanders", "belonging;participation", f"{S}.connected;strategic.way.interactions", "higher_is_better", "editorial", "MBIE, Migrants Survey 2011", "Recent migrants"),
}

# Measures of the further file that are the same question, asked of the same population, as
# an indicator already shipped: their rows join that indicator's series.
MERGE = {
    "discrimination_12m": "discrimination",
    "discrimination_12m_oldq": "discrimination",
    "life_satisfaction_mean": "life_satisfaction",
    "facetoface_friends_weekly": "contact_friends_f2f",
    "facetoface_family_weekly": "contact_family_f2f",
    "voter_turnout_enrolled": "voter_turnout",
    "enrolment_rate": "enrolment_rate",
    "trust_most_people_mean": "trust_people",
    "feel_safe_public_transport_night": "safe_public_transport_night",
}

# indicator: (first period after the break, what changed). Values on either side of a break
# are different series; the app shows both and compares neither across it.
BREAKS = {
    "discrimination": ("2014", "The General Social Survey asked about discrimination in other words before 2014."),
    "trust_people_qol": ("2006", "The 2004 survey covered New Zealand's largest cities only; from 2006 it covers a wider population."),
    "lonely_some_4wk": ("2018", "The 2010 survey asked how often people felt 'isolated from others'."),
    "lonely_most_all_some_4wk": ("2016", "The 2010 survey asked how often people felt 'isolated from others'."),
    "tereo_some_ability": ("2013", "The 2001 and 2006 figures come from the Survey on the Health of the Māori Language; 2013 from Te Kupenga."),
}

# Published period labels shipped as a period the app sorts: (file, label) -> (period, why).
PERIODS = {
    "2020 Q2 (June quarter)": ("2020-Q2", "the June 2020 quarter"),
    "2020 Q3 (September quarter)": ("2020-Q3", "the September 2020 quarter"),
    "2020 Q4 (December quarter)": ("2020-Q4", "the December 2020 quarter"),
    "2022-03": ("2022-Q1", "Kiwis Count reports quarters; the release compares it with the December 2021 quarter"),
    "Oct 2023-Oct 2024": ("year to Oct 2024", "interviews from October 2023 to October 2024"),
    "2021 cycle": ("2021", "the survey's 2021 cycle; the published label is kept in the note"),
    "2008 general election": ("2008", "the 2008 general election"),
}

# Rows left out: (file, line) -> reason. Lines count the header as line 1.
EXCLUDE_IDS = {
    "accept_diversity_values": "the value is words ('over 90 percent'), not a number",
    "volunteer_any_4wk": "the value is words ('two thirds'), not a number",
    "volunteer_4wk": "the value is words ('about half'), not a number",
    "voter_turnout_enrolled_prelim": "a provisional election-night figure, superseded by the official result that ships",
    "belonging_nz_strong": "the release does not say which survey year the figures are for",
    "migrant_feel_safe_crime": "the periods are survey waves (interviews 2005-2007, 2007-2009), not periods of time",
    "migrant_feel_unsafe_crime": "the periods are survey waves (interviews 2005-2007, 2007-2009), not periods of time",
}
EXCLUDE_ROWS = {
    ("lonely_all_4wk", "27000"): "a count of people where the release gives a percentage (0.7 percent ships)",
    ("discrimination_12m_oldq", "2008-2010 pooled"): "pooled over two survey waves, so it is not one period; the 2008 and 2010 figures ship",
    ("discrimination_12m", "21.7"): "another source gives 20.9 for 2021 (the first file's figure ships); the page says so",
    ("discrimination_12m", "20.9"): "the same figure as the first file's 2021 row, which ships",
    ("facetoface_friends_weekly", "2016 (as cited)"): "the source does not state the survey year",
    ("lonely_most_all", "2020 (pre-lockdown)"): "the period is a phase of 2020 (before lockdown), not a calendar period, and the survey is not named",
    ("lonely_most_all", "2020 (alert level 4)"): "the period is a phase of 2020 (alert level 4), not a calendar period, and the survey is not named",
}

# Rows whose figure the release gives as approximate, or as provisional.
APPROX = re.compile(r"published as '(about|around)'|\(approx\.\)")


def unit_of(text):
    text = text.lower()
    if text.startswith("mean score"):
        return "mean score 0-10"
    if text.startswith("percent"):
        return "percent"
    sys.exit(f"unknown unit {text!r}")


def release_url(source, read_at):
    """The release's own address, when the page the figure was read at is the publisher's."""
    owners = {
        "Stats NZ": ("stats.govt.nz",),
        "Electoral Commission": ("elections.nz",),
        "Te Kawa Mataaho": ("publicservice.govt.nz",),
        "OECD": ("oecd.org",),
        "Victoria University": ("wgtn.ac.nz",),
    }
    host = re.sub(r"^https?://", "", read_at).split("/")[0]
    for who, hosts in owners.items():
        if source.startswith(who) and " via " not in source and "as cited" not in source:
            if any(host == h or host.endswith("." + h) for h in hosts):
                return read_at
    return ""


def licence_of(source):
    if source.startswith("Electoral Commission"):
        return ELECTORAL
    if source.startswith("Stats NZ") or "Stats NZ" in source.split(",")[0]:
        return STATS
    if source.startswith(("Ministry", "Te Kawa", "MBIE", "Department of Labour", "NZ Police")):
        return CROWN
    return OTHER


def read(path, tag):
    with open(path, encoding="utf-8") as f:
        return [(tag, i, r) for i, r in enumerate(csv.DictReader(f), start=2)]


first, more = read(FIRST, "first"), read(MORE, "more")
excluded, relabelled, shipped = [], [], []
for tag, line, r in first + more:
    mid = r["indicator_id"]
    reason = EXCLUDE_IDS.get(mid) or EXCLUDE_ROWS.get((mid, r["value"])) or EXCLUDE_ROWS.get((mid, r["period"]))
    if tag == "first" and reason:
        sys.exit(f"the first file's rows all ship: line {line}")
    if reason:
        excluded.append((tag, line, r, reason))
        continue
    iid = MERGE.get(mid, mid) if tag == "more" else mid
    if iid not in META:
        sys.exit(f"{tag} line {line}: no metadata for {iid}; add it to META, MERGE or EXCLUDE_IDS")
    period, notes = r["period"], []
    if period in PERIODS:
        period, why = PERIODS[period]
        relabelled.append((tag, line, r, f"period '{r['period']}' ships as {period}: {why}"))
        notes.append(f"Published period: {r['period']}.")
    # Group types are codes (`migrant_status`); the app shows them with spaces.
    group_type, group = r["group_type"].replace(" ", "_"), r["group"]
    if group_type == "total" and group != "Total":
        notes.append(f"Published as: {group}.")
        group = "Total"
    if mid == "tereo_some_ability" and group_type == "ethnicity":
        relabelled.append((tag, line, r, f"group '{group}' ships as the total: the indicator's population is Māori adults"))
        notes.append(f"Published as: {group}.")
        group_type, group = "total", "Total"
    flags = []
    if "(provisional" in r["primary_source"]:
        flags.append("provisional")
    if "level not stated" in r["unit"]:
        flags.append("interval-level-unstated")
    if APPROX.search(r["unit"]):
        notes.append("Published as an approximate figure.")
    if r.get("note"):
        notes.append(r["note"])
    if "disagrees" in r["primary_source"]:
        notes.append("Another source gives another figure for this period.")
    shipped.append({
        "indicator_id": iid, "period": period, "group_type": group_type, "group": group,
        "value": r["value"], "lower": r.get("lower", ""), "upper": r.get("upper", ""),
        "sample_size": "", "flags": flags, "source": r["primary_source"],
        "source_url": release_url(r["primary_source"], r["read_at"]), "read_at": r["read_at"],
        "note": " ".join(notes), "title": r["indicator"], "unit": unit_of(r["unit"]), "tag": tag,
    })

def year_of(period):
    """The calendar year a shipped period starts in, for ordering: 2011/12 -> 2011,
    year to Oct 2024 -> 2024, 2020-Q3 -> 2020."""
    return int(re.search(r"\d{4}", period).group(0))


# A break: the first row of each series at or after the break's period, where the series
# has an earlier row.
for iid, (after, why) in BREAKS.items():
    series = {}
    for o in shipped:
        if o["indicator_id"] == iid:
            series.setdefault((o["group_type"], o["group"]), []).append(o)
    for rows in series.values():
        rows.sort(key=lambda o: year_of(o["period"]))
        later = [o for o in rows if year_of(o["period"]) >= int(after)]
        if later and len(later) < len(rows):
            later[0]["flags"].append("break")
            later[0]["note"] = (why + " " + later[0]["note"]).strip()

# Indicators in the order they first appear: the first file's, then the further ones. An
# indicator's own source is its latest row's release, the first file's rows first.
indicators, order = {}, []
for o in shipped:
    iid = o["indicator_id"]
    if iid not in indicators:
        order.append(iid)
        # "(provisional)" belongs to rows (their flag), not to the measure.
        indicators[iid] = {"title": o["title"].replace(" (provisional)", ""), "unit": o["unit"], "rows": []}
    if o["unit"] != indicators[iid]["unit"]:
        sys.exit(f"{iid}: rows in two units")
    indicators[iid]["rows"].append(o)
for m in indicators.values():
    # The last of equals wins, as the rows come in file order.
    ranked = [((o["tag"] == "first", year_of(o["period"])), n, o) for n, o in enumerate(m["rows"])]
    m["latest"] = max(ranked, key=lambda t: (t[0], t[1]))[2]

missing = set(META) - set(order)
if missing:
    sys.exit(f"META names indicators with no rows: {sorted(missing)}")

with open(os.path.join(OUT, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "title", "short_title", "dimensions", "nodes", "mapping_basis", "unit", "direction", "definition", "source_name", "source_url", "licence", "survey", "population"])
    for iid in order:
        short, dims, nodes, direction, basis, survey, population = META[iid]
        m = indicators[iid]
        latest = m["latest"]
        dims = ";".join(f"dimensions.{d}" for d in dims.split(";"))
        w.writerow([iid, m["title"], short, dims, nodes, basis, m["unit"], direction, m["title"],
                    latest["source"], latest["source_url"] or latest["read_at"], licence_of(latest["source"]), survey, population])

with open(os.path.join(OUT, "observations.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator_id", "period", "group_type", "group", "value", "lower", "upper", "sample_size", "flags", "source", "source_url", "read_at", "note"])
    for o in shipped:
        w.writerow([o["indicator_id"], o["period"], o["group_type"], o["group"], o["value"], o["lower"], o["upper"], "",
                    ";".join(o["flags"]), o["source"], o["source_url"], o["read_at"], o["note"]])

# The README's lists, between markers, so the prose around them is kept.
def table(items):
    out = ["| file | line | indicator_id | period | group | value | reason |", "|---|---|---|---|---|---|---|"]
    for tag, line, r, reason in items:
        cells = [tag, str(line), r["indicator_id"], r["period"], r["group"], r["value"], reason]
        out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(out)


readme = os.path.join(OUT, "README.md")
text = open(readme, encoding="utf-8").read()
merged = "| measure (further file) | ships as indicator |\n|---|---|\n" + "\n".join(f"| {m} | {i} |" for m, i in MERGE.items())
start, end = "<!-- merged:start -->", "<!-- merged:end -->"
head, rest = text.split(start, 1)
text = f"{head}{start}\n{merged}\n{end}{rest.split(end, 1)[1]}"
for name, items in (("excluded", excluded), ("relabelled", relabelled)):
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text:
        sys.exit(f"{readme} needs the markers {start} and {end}")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    text = f"{head}{start}\n{table(items)}\n{end}{tail}"
open(readme, "w", encoding="utf-8").write(text)
print(f"{len(order)} indicators, {len(shipped)} observations, {len(excluded)} rows left out, {len(relabelled)} relabelled")
