#!/usr/bin/env python3
"""Builds the shipped indicator data (public/data/indicators/) from the published figures in
../shared/data/nz-published-figures.csv. Values are copied as published, never derived,
interpolated or estimated; each row keeps the release it comes from and the page it was read
at. Which dimension and framework part an indicator measures is set here, and marked
`editorial` unless the framework itself names the measure.

    python3 scripts/build-starter-data.py [path/to/nz-published-figures.csv]
"""
import csv, sys, os

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data/nz-published-figures.csv")
OUT = os.path.join(os.path.dirname(__file__), "../public/data/indicators")
STATS = "CC BY 4.0 (Stats NZ)"
ELECTORAL = "Attribution: Electoral Commission (see the source for its terms)"

# id: (short title, dimensions, framework nodes, direction, mapping basis)
META = {
    "belonging_nz": ("Belonging to New Zealand", "belonging", "strategic.outcome.people.belong;strategic.indicator.people.full_selves", "higher_is_better", "editorial"),
    "belonging_neighbourhood": ("Belonging to neighbourhood", "belonging", "strategic.outcome.people.connected", "higher_is_better", "editorial"),
    "belonging_family": ("Belonging to family", "belonging", "strategic.outcome.people.belong", "higher_is_better", "editorial"),
    "belonging_organisation": ("Belonging to an organisation", "belonging;participation", "strategic.outcome.people.connected", "higher_is_better", "editorial"),
    "trust_people": ("Trust in most people", "belonging", "strategic.indicator.people.trust_others", "higher_is_better", "source"),
    "trust_police": ("Trust in the police", "legitimacy", "strategic.indicator.institutions.trust;strategic.outcome.institutions.trusted", "higher_is_better", "source"),
    "trust_parliament": ("Trust in Parliament", "legitimacy", "strategic.indicator.institutions.trust;strategic.outcome.institutions.trusted", "higher_is_better", "source"),
    "trust_media": ("Trust in the media", "legitimacy", "strategic.outcome.institutions.trusted", "higher_is_better", "editorial"),
    "safe_walking_dark": ("Safe walking after dark", "belonging", "strategic.indicator.places.neighbourhood;strategic.indicator.people.safety", "higher_is_better", "source"),
    "safe_public_transport_night": ("Safe on public transport at night", "belonging;inclusion", "strategic.indicator.people.safety;strategic.indicator.places.transport", "higher_is_better", "editorial"),
    "life_satisfaction": ("Life satisfaction", "inclusion", "strategic.outcome.people.wellbeing", "higher_is_better", "editorial"),
    "discrimination": ("Experienced discrimination", "recognition", "strategic.indicator.people.discrimination", "lower_is_better", "source"),
    "express_identity": ("Easy to be themselves", "belonging;recognition", "strategic.indicator.people.full_selves", "higher_is_better", "editorial"),
    "poor_mental_wellbeing": ("Poor mental wellbeing", "inclusion", "strategic.outcome.people.wellbeing", "lower_is_better", "editorial"),
    "neighbour_mental_illness": ("Comfortable with a neighbour with mental illness", "recognition", "strategic.outcome.people.diversity", "higher_is_better", "editorial"),
    "contact_friends_f2f": ("Weekly contact with friends", "participation", "strategic.outcome.people.connected", "higher_is_better", "editorial"),
    "contact_family_f2f": ("Weekly contact with family", "participation;belonging", "strategic.outcome.people.connected", "higher_is_better", "editorial"),
    "lonely_some_time": ("Felt lonely", "belonging", "strategic.outcome.people.connected", "lower_is_better", "editorial"),
    "voter_turnout": ("Voter turnout", "participation;legitimacy", "strategic.outcome.people.capacity", "higher_is_better", "editorial"),
    "enrolment_rate": ("Electoral enrolment", "participation", "strategic.outcome.people.capacity", "higher_is_better", "editorial"),
}

rows = list(csv.DictReader(open(SRC, encoding="utf-8")))
indicators, order = {}, []
for r in rows:
    iid = r["indicator_id"]
    if iid not in META:
        sys.exit(f"{SRC}: no metadata for indicator {iid}; add it to META")
    if iid not in indicators:
        order.append(iid)
    # The indicator's own source is the latest release that states it.
    electoral = r["primary_source"].startswith("Electoral Commission")
    indicators[iid] = {
        "title": r["indicator"], "unit": r["unit"],
        "source_name": r["primary_source"], "source_url": r["read_at"],
        "licence": ELECTORAL if electoral else STATS,
    }

with open(os.path.join(OUT, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "title", "short_title", "dimensions", "nodes", "mapping_basis", "unit", "direction", "definition", "source_name", "source_url", "licence"])
    for iid in order:
        short, dims, nodes, direction, basis = META[iid]
        m = indicators[iid]
        dims = ";".join(f"dimensions.{d}" for d in dims.split(";"))
        w.writerow([iid, m["title"], short, dims, nodes, basis, m["unit"], direction, m["title"], m["source_name"], m["source_url"], m["licence"]])

with open(os.path.join(OUT, "observations.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator_id", "period", "group_type", "group", "value", "lower", "upper", "sample_size", "flags", "source", "source_url", "note"])
    for r in rows:
        w.writerow([r["indicator_id"], r["period"], r["group_type"], r["group"], r["value"], "", "", "", "", r["primary_source"], r["read_at"], r["note"]])
print(f"{len(order)} indicators, {len(rows)} observations")
