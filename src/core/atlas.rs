//! Every framework loaded together and validated, with an index of the links between parts.
//!
//! Loading never stops at the first problem: it collects every error (up to a cap) with the
//! file, line and column, so whoever edits the files can fix them in one pass.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::error::{DataError, DataErrors, Position};
use super::framework::{
    Basis, Edge, EdgeKind, FrameworkFile, Manifest, Node, SourceDocument, CROSSWALK_SCHEMA,
    FRAMEWORK_SCHEMA, MANIFEST_SCHEMA,
};

/// The crosswalk file: edges between frameworks.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkFile {
    pub schema: String,
    pub edges: Vec<Edge>,
}

/// One end of an edge seen from a node: the node at the other end and how they are linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub other: String,
    pub kind: EdgeKind,
    /// True when this node is the edge's `from`.
    pub outgoing: bool,
    pub basis: Basis,
    pub note: Option<String>,
}

impl Link {
    /// How the link reads from this node ("measures", "measured by", ...).
    pub fn phrase(&self) -> &'static str {
        let (forward, back) = self.kind.phrases();
        if self.outgoing {
            forward
        } else {
            back
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    pub sources: Vec<SourceDocument>,
    /// Te reo Māori terms to mark in English text (from the manifest), longest first.
    pub mi_terms: Vec<String>,
    pub frameworks: Vec<FrameworkFile>,
    pub crosswalk: Vec<Edge>,
    /// node id -> (framework index, node index)
    index: HashMap<String, (usize, usize)>,
    links: HashMap<String, Vec<Link>>,
}

/// Parses one JSON file, turning a syntax or shape error into a positioned [`DataError`].
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    serde_json::from_str(text).map_err(|e| {
        let position = Position {
            line: e.line().max(1),
            column: e.column().max(1),
        };
        // serde_json appends " at line L column C"; we say that ourselves.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_string())
            .unwrap_or(message);
        DataError::new(file, Some(position), format!("not valid here: {message}"))
    })
}

fn check_schema(file: &str, text: &str, found: &str, expected: &str, errors: &mut DataErrors) {
    if found != expected {
        errors.push(DataError::new(
            file,
            Some(Position::of_json_string(text, found)),
            format!("expected schema \"{expected}\", found \"{found}\""),
        ));
    }
}

/// Parses and checks the manifest.
pub fn parse_manifest(file: &str, text: &str) -> Result<Manifest, DataErrors> {
    let manifest: Manifest = parse_json(file, text)?;
    let mut errors = DataErrors::default();
    check_schema(file, text, &manifest.schema, MANIFEST_SCHEMA, &mut errors);
    if manifest.frameworks.is_empty() {
        errors.push(DataError::new(
            file,
            None,
            "expected at least one framework file, found none",
        ));
    }
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

impl Atlas {
    /// Builds the atlas from the manifest and the raw text of each file it names
    /// (`frameworks` in manifest order, as `(file name, text)`), checking everything.
    pub fn from_texts(
        manifest: &Manifest,
        frameworks: &[(String, String)],
        crosswalk: (&str, &str),
    ) -> Result<Atlas, DataErrors> {
        let mut errors = DataErrors::default();
        let seeds: HashSet<&str> = manifest.sources.iter().map(|s| s.seed.as_str()).collect();

        let mut files: Vec<(&str, &str, FrameworkFile)> = Vec::new();
        for (name, text) in frameworks {
            match parse_json::<FrameworkFile>(name, text) {
                Ok(f) => {
                    check_schema(name, text, &f.schema, FRAMEWORK_SCHEMA, &mut errors);
                    files.push((name, text, f));
                }
                Err(e) => errors.push(e),
            }
        }
        let (cw_name, cw_text) = crosswalk;
        let crosswalk_file = match parse_json::<CrosswalkFile>(cw_name, cw_text) {
            Ok(c) => {
                check_schema(cw_name, cw_text, &c.schema, CROSSWALK_SCHEMA, &mut errors);
                Some(c)
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };

        // Nodes: unique ids, words and a source for each.
        let mut index = HashMap::new();
        let mut framework_ids = HashSet::new();
        for (fi, (name, text, f)) in files.iter().enumerate() {
            if !framework_ids.insert(f.id.as_str()) {
                errors.push(DataError::new(
                    name,
                    Some(Position::of_json_string(text, &f.id)),
                    format!("framework id \"{}\" is used by another file too", f.id),
                ));
            }
            if f.id.is_empty() || f.id.contains('/') {
                errors.push(DataError::new(
                    name,
                    Some(Position::of_json_string(text, &f.id)),
                    format!("framework id \"{}\" cannot be a page address: use an id with no \"/\"", f.id),
                ));
            }
            if f.nodes.is_empty() {
                errors.push(DataError::new(name, None, "expected nodes, found none"));
            }
            for (ni, node) in f.nodes.iter().enumerate() {
                let at = Some(Position::of_json_string(text, &node.id));
                check_node(name, at.clone(), node, &seeds, &mut errors);
                // A part's page is `/framework/<framework>/<node id>`; `text` names the
                // framework's text version instead.
                if node.id == super::links::TEXT_SEGMENT || node.id.is_empty() || node.id.contains('/') {
                    errors.push(DataError::new(
                        name,
                        at.clone(),
                        format!("node id \"{}\" cannot be a page address: use an id that is not \"text\", not empty and has no \"/\"", node.id),
                    ));
                }
                if index.insert(node.id.clone(), (fi, ni)).is_some() {
                    errors.push(DataError::new(
                        name,
                        at,
                        format!("node id \"{}\" is used twice; ids must be unique across every framework", node.id),
                    ));
                }
            }
        }

        // Edges and diagram bands may only name nodes that exist.
        let check_edges = |file: &str, text: &str, edges: &[Edge], errors: &mut DataErrors| {
            for edge in edges {
                for end in [&edge.from, &edge.to] {
                    if !index.contains_key(end.as_str()) {
                        errors.push(DataError::new(
                            file,
                            Some(Position::of_json_string(text, end)),
                            format!("edge names node \"{end}\", which no framework defines"),
                        ));
                    }
                }
                if edge.from == edge.to {
                    errors.push(DataError::new(
                        file,
                        Some(Position::of_json_string(text, &edge.from)),
                        format!("edge links \"{}\" to itself", edge.from),
                    ));
                }
            }
        };
        for (name, text, f) in &files {
            check_edges(name, text, &f.edges, &mut errors);
            // A worksheet asks only this framework's own questions.
            let asked = f.worksheet.iter().flat_map(|w| &w.sections).flat_map(|s| &s.questions);
            for id in asked {
                if !f.nodes.iter().any(|n| &n.id == id) {
                    errors.push(DataError::new(
                        name,
                        Some(Position::of_json_string(text, id)),
                        format!("the worksheet names node \"{id}\", which this framework does not define"),
                    ));
                }
            }
            for band in &f.diagram.bands {
                for id in &band.nodes {
                    if !index.contains_key(id.as_str()) {
                        errors.push(DataError::new(
                            name,
                            Some(Position::of_json_string(text, id)),
                            format!("diagram band \"{}\" names node \"{id}\", which no framework defines", band.title),
                        ));
                    }
                }
            }
        }
        if let Some(c) = &crosswalk_file {
            check_edges(cw_name, cw_text, &c.edges, &mut errors);
        }

        if !errors.is_empty() {
            return Err(errors);
        }

        let frameworks: Vec<FrameworkFile> = files.into_iter().map(|(_, _, f)| f).collect();
        let crosswalk = crosswalk_file.map(|c| c.edges).unwrap_or_default();
        let mut links: HashMap<String, Vec<Link>> = HashMap::new();
        for edge in frameworks
            .iter()
            .flat_map(|f| f.edges.iter())
            .chain(crosswalk.iter())
        {
            links.entry(edge.from.clone()).or_default().push(Link {
                other: edge.to.clone(),
                kind: edge.kind,
                outgoing: true,
                basis: edge.basis,
                note: edge.note.clone(),
            });
            links.entry(edge.to.clone()).or_default().push(Link {
                other: edge.from.clone(),
                kind: edge.kind,
                outgoing: false,
                basis: edge.basis,
                note: edge.note.clone(),
            });
        }
        let mut mi_terms = manifest.mi_terms.clone();
        super::order::sort_by_key(&mut mi_terms, |t| std::cmp::Reverse(t.chars().count()));
        Ok(Atlas {
            sources: manifest.sources.clone(),
            mi_terms,
            frameworks,
            crosswalk,
            index,
            links,
        })
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index
            .get(id)
            .map(|&(f, n)| &self.frameworks[f].nodes[n])
    }

    /// The framework a node belongs to.
    pub fn framework_of(&self, id: &str) -> Option<&FrameworkFile> {
        self.index.get(id).map(|&(f, _)| &self.frameworks[f])
    }

    pub fn framework(&self, framework_id: &str) -> Option<&FrameworkFile> {
        self.frameworks.iter().find(|f| f.id == framework_id)
    }

    pub fn source(&self, seed: &str) -> Option<&SourceDocument> {
        self.sources.iter().find(|s| s.seed == seed)
    }

    /// Every link of a node, in file order.
    pub fn links(&self, id: &str) -> &[Link] {
        self.links.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The node and everything linked to it directly.
    pub fn neighbourhood(&self, id: &str) -> BTreeSet<String> {
        let mut set: BTreeSet<String> = self.links(id).iter().map(|l| l.other.clone()).collect();
        set.insert(id.to_string());
        set
    }

    /// The nodes that are `part_of` `parent` and of `kind`, in the order their framework lists them.
    pub fn children(&self, parent: &str, kind: &str) -> Vec<&Node> {
        let mut ids: Vec<(usize, usize)> = self
            .links(parent)
            .iter()
            .filter(|l| l.kind == EdgeKind::PartOf && !l.outgoing)
            .filter_map(|l| self.index.get(&l.other).copied())
            .filter(|&(f, n)| self.frameworks[f].nodes[n].kind == kind)
            .collect();
        super::order::sort(&mut ids);
        ids.dedup();
        ids.into_iter()
            .map(|(f, n)| &self.frameworks[f].nodes[n])
            .collect()
    }

    /// The five dimensions of cohesion (every node of kind `dimension`), in file order.
    pub fn dimensions(&self) -> Vec<&Node> {
        self.frameworks
            .iter()
            .flat_map(|f| f.nodes.iter())
            .filter(|n| n.kind == "dimension")
            .collect()
    }

    /// Everything that belongs to one dimension, for the lens: the dimension, every node
    /// linked to it, and every node linked to one of its equivalents (a node that `maps_to` it,
    /// such as the community engagement framework's element of the same name).
    pub fn lens(&self, dimension: &str) -> BTreeSet<String> {
        let mut members = self.neighbourhood(dimension);
        let equivalents: Vec<&str> = self
            .links(dimension)
            .iter()
            .filter(|l| l.kind == EdgeKind::MapsTo)
            .map(|l| l.other.as_str())
            .collect();
        for eq in equivalents {
            members.extend(self.neighbourhood(eq));
        }
        members
    }
}

fn check_node(
    file: &str,
    at: Option<Position>,
    node: &Node,
    seeds: &HashSet<&str>,
    errors: &mut DataErrors,
) {
    let mut fail = |message: String| errors.push(DataError::new(file, at.clone(), message));
    if node.id.trim().is_empty() {
        fail("expected a node id, found an empty one".into());
    }
    if node.kind.trim().is_empty() {
        fail(format!("node \"{}\": expected a kind, found none", node.id));
    }
    if node.label.trim().is_empty() {
        fail(format!(
            "node \"{}\": expected a label, found empty text",
            node.id
        ));
    }
    if node.source.seed.trim().is_empty() || node.source.quote.trim().is_empty() {
        fail(format!(
            "node \"{}\": expected a source (seed file and quoted sentence), found none",
            node.id
        ));
    } else if !seeds.contains(node.source.seed.as_str()) {
        fail(format!(
            "node \"{}\": source \"{}\" is not among the manifest's sources",
            node.id, node.source.seed
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"{"schema":"cohesion-explorer/manifest@1","frameworks":["a.json"],"crosswalk":"cw.json",
      "sources":[{"seed":"s.txt","title":"T","publisher":"P","year":"2020"}]}"#;

    fn framework(nodes: &str, edges: &str) -> String {
        format!(
            r#"{{"schema":"cohesion-explorer/framework@1","id":"a","title":"A","short_title":"A",
  "summary":{{"seed":"s.txt","quote":"q"}},
  "diagram":{{"shape":"layers","bands":[]}},
  "nodes":[{nodes}],
  "edges":[{edges}]}}"#
        )
    }

    const CW: &str = r#"{"schema":"cohesion-explorer/crosswalk@1","edges":[]}"#;

    fn node(id: &str, kind: &str) -> String {
        format!(
            r#"{{"id":"{id}","kind":"{kind}","label":"L {id}","source":{{"seed":"s.txt","quote":"q"}}}}"#
        )
    }

    fn load(fw: &str, cw: &str) -> Result<Atlas, DataErrors> {
        let m = parse_manifest("manifest.json", MANIFEST).expect("manifest");
        Atlas::from_texts(&m, &[("a.json".into(), fw.into())], ("cw.json", cw))
    }

    #[test]
    fn loads_and_indexes_links_both_ways() {
        let nodes = [
            node("d", "domain"),
            node("o1", "outcome"),
            node("o2", "outcome"),
            node("i", "indicator"),
        ]
        .join(",");
        let edges = r#"{"from":"o2","to":"d","kind":"part_of","basis":"source"},
                       {"from":"o1","to":"d","kind":"part_of","basis":"source"},
                       {"from":"i","to":"d","kind":"part_of","basis":"source"}"#;
        let atlas = load(&framework(&nodes, edges), CW).expect("valid");
        let kids: Vec<&str> = atlas
            .children("d", "outcome")
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(
            kids,
            ["o1", "o2"],
            "children come in file order, filtered by kind"
        );
        assert_eq!(atlas.links("o1")[0].phrase(), "part of");
        assert_eq!(atlas.links("d").len(), 3);
        assert_eq!(atlas.links("d")[0].phrase(), "has part");
        assert_eq!(atlas.framework_of("i").map(|f| f.id.as_str()), Some("a"));
        assert!(atlas.node("nope").is_none());
    }

    #[test]
    fn a_worksheet_asks_only_its_own_frameworks_questions() {
        let nodes = [node("q1", "question"), node("q2", "question")].join(",");
        let with = |ids: &str| {
            framework(&nodes, "").replace(
                r#""nodes":"#,
                &format!(r#""worksheet":{{"intro":{{"seed":"s.txt","quote":"q"}},"sections":[{{"heading":{{"seed":"s.txt","quote":"h"}},"questions":[{ids}]}}]}},"nodes":"#),
            )
        };
        let atlas = load(&with(r#""q2","q1""#), CW).expect("valid");
        assert_eq!(atlas.frameworks[0].worksheet.as_ref().map(|w| w.sections[0].questions.clone()), Some(vec!["q2".to_string(), "q1".to_string()]));
        let text = load(&with(r#""q1","elsewhere""#), CW).expect_err("invalid").to_string();
        assert!(text.contains("the worksheet names node \"elsewhere\", which this framework does not define"), "{text}");
    }

    #[test]
    fn lens_reaches_through_equivalents() {
        let nodes = [
            node("dim", "dimension"),
            node("el", "element"),
            node("ini", "initiative"),
            node("other", "x"),
        ]
        .join(",");
        let edges = r#"{"from":"el","to":"dim","kind":"maps_to","basis":"source"},
                       {"from":"ini","to":"el","kind":"contributes_to","basis":"editorial"}"#;
        let atlas = load(&framework(&nodes, edges), CW).expect("valid");
        let lens: Vec<String> = atlas.lens("dim").into_iter().collect();
        assert_eq!(lens, ["dim", "el", "ini"]);
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let nodes = [
            node("a1", "x"),
            node("a1", "x"),
            r#"{"id":"blank","kind":"x","label":" ","source":{"seed":"s.txt","quote":"q"}}"#.into(),
            r#"{"id":"nosrc","kind":"x","label":"L","source":{"seed":"","quote":""}}"#.into(),
            r#"{"id":"badseed","kind":"x","label":"L","source":{"seed":"zzz.txt","quote":"q"}}"#
                .into(),
        ]
        .join(",\n");
        let edges = r#"{"from":"a1","to":"ghost","kind":"measures","basis":"editorial"}"#;
        let errors = load(&framework(&nodes, edges), CW).expect_err("invalid");
        let text = errors.to_string();
        assert!(text.contains("node id \"a1\" is used twice"), "{text}");
        assert!(
            text.contains("node \"blank\": expected a label, found empty text"),
            "{text}"
        );
        assert!(text.contains("node \"nosrc\": expected a source"), "{text}");
        assert!(
            text.contains("source \"zzz.txt\" is not among the manifest's sources"),
            "{text}"
        );
        assert!(
            text.contains("edge names node \"ghost\", which no framework defines"),
            "{text}"
        );
        assert_eq!(errors.len(), 5);
        let ghost = errors
            .errors
            .iter()
            .find(|e| e.message.contains("ghost"))
            .expect("ghost error");
        assert_eq!(ghost.file, "a.json");
        assert_eq!(
            ghost.position.as_ref().map(|p| p.line),
            Some(9),
            "the edges line"
        );
    }

    #[test]
    fn syntax_errors_say_line_and_column() {
        let errors = load("{\n  \"schema\": oops\n}", CW).expect_err("invalid");
        let e = &errors.errors[0];
        assert_eq!(e.file, "a.json");
        assert_eq!(
            e.position,
            Some(Position {
                line: 2,
                column: 13
            })
        );
        assert!(
            e.message.starts_with("not valid here: expected value"),
            "{}",
            e.message
        );
    }

    #[test]
    fn wrong_schema_version_is_named() {
        let fw = framework(&node("n", "x"), "").replace("framework@1", "framework@9");
        let errors = load(&fw, CW).expect_err("invalid");
        assert!(errors.to_string().contains("expected schema \"cohesion-explorer/framework@1\", found \"cohesion-explorer/framework@9\""));
    }

    #[test]
    fn unknown_fields_are_rejected_not_ignored() {
        let fw = framework(&node("n", "x"), "").replace("\"short_title\"", "\"shortTitle\"");
        let errors = load(&fw, CW).expect_err("invalid");
        assert!(
            errors.to_string().contains("unknown field `shortTitle`"),
            "{errors}"
        );
    }
}
