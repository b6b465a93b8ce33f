//! The framework data schema, as serialised in `public/data/frameworks/`.
//!
//! Three kinds of file, each carrying a versioned `schema` string:
//! - `manifest.json` (`cohesion-explorer/manifest@1`): which framework files to load, in order,
//!   and the crosswalk file.
//! - one file per framework (`cohesion-explorer/framework@1`): its nodes, the edges inside it,
//!   and how its diagram is drawn.
//! - `crosswalk.json` (`cohesion-explorer/crosswalk@1`): edges between frameworks.
//!
//! The schema is documented for people in `public/data/frameworks/README.md`.

use serde::{Deserialize, Serialize};

pub const MANIFEST_SCHEMA: &str = "cohesion-explorer/manifest@1";
pub const FRAMEWORK_SCHEMA: &str = "cohesion-explorer/framework@1";
pub const CROSSWALK_SCHEMA: &str = "cohesion-explorer/crosswalk@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema: String,
    /// Framework files, relative to the manifest, in the order the app lists them.
    pub frameworks: Vec<String>,
    pub crosswalk: String,
    /// The documents the frameworks quote, by file name.
    pub sources: Vec<SourceDocument>,
    /// Te reo Māori words and names that occur in the English text, so the views can mark
    /// them `lang="mi"` (screen readers then pronounce them as te reo).
    #[serde(default)]
    pub mi_terms: Vec<String>,
}

/// A document that nodes quote from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// The file name of the plain-text copy (`000_32b6268febf14387.txt`).
    pub seed: String,
    pub title: String,
    pub publisher: String,
    pub year: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    pub schema: String,
    pub id: String,
    pub title: String,
    /// A few words for tabs and links.
    pub short_title: String,
    /// One or two sentences, quoted from the source, that say what this framework is.
    pub summary: NodeSource,
    pub diagram: Diagram,
    /// The questions the framework asks its readers, as the discussion worksheet offers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worksheet: Option<Worksheet>,
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
}

/// A framework's questions, grouped as its source groups them, each group with the words that
/// say who it is for; every text quoted from the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worksheet {
    /// Who asked, and why.
    pub intro: NodeSource,
    /// When the source's consultation closed, where it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<NodeSource>,
    pub sections: Vec<WorksheetSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorksheetSection {
    /// Who the questions are for.
    pub heading: NodeSource,
    /// The questions' node ids, in the source's order (a `subquestion` after its question).
    pub questions: Vec<String>,
}

/// A part of a framework: the vision, a principle, an outcome, an indicator ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique across every framework (`strategic.vision`).
    pub id: String,
    /// What sort of part it is (`vision`, `principle`, `outcome`, `indicator`, ...).
    pub kind: String,
    /// Its name, quoted from the source.
    pub label: String,
    /// The te reo Māori name where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_mi: Option<String>,
    /// Its full text, quoted from the source; empty when the label says it all.
    #[serde(default)]
    pub text: String,
    /// Examples the source gives (an initiative's "Newsletters", "Storytelling").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    pub source: NodeSource,
}

impl Node {
    /// The name a person hears or reads: the te reo Māori name first where there is one.
    pub fn display_name(&self) -> String {
        match &self.label_mi {
            Some(mi) => format!("{mi}: {}", self.label),
            None => self.label.clone(),
        }
    }
}

/// Where a node's words come from: the source document and the sentence it quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSource {
    pub seed: String,
    pub quote: String,
}

/// A typed link between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    pub basis: Basis,
    /// Why the link holds, especially for an editorial one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// `from` is one part of `to` (an outcome of a domain).
    PartOf,
    /// `from` is a measure of `to` (an indicator of an outcome or a dimension).
    Measures,
    /// `from` helps bring `to` about.
    ContributesTo,
    /// `from` in one framework corresponds to `to` in another.
    MapsTo,
    /// The source says `from` is "particularly linked to" `to`.
    LinkedTo,
}

impl EdgeKind {
    /// How the link reads from `from` to `to`, and back.
    pub fn phrases(self) -> (&'static str, &'static str) {
        match self {
            EdgeKind::PartOf => ("part of", "has part"),
            EdgeKind::Measures => ("measures", "measured by"),
            EdgeKind::ContributesTo => ("contributes to", "supported by"),
            EdgeKind::MapsTo => ("maps to", "maps to"),
            EdgeKind::LinkedTo => ("particularly linked to", "particularly linked to"),
        }
    }
}

/// Whether a link is stated by the source text or is our editorial judgment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Source,
    Editorial,
    /// A person's own judgment, for a measure of their own (never in the framework files).
    Yours,
}

impl Basis {
    /// The name the data files use (`mapping_basis`), as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            Basis::Source => "source",
            Basis::Editorial => "editorial",
            Basis::Yours => "yours",
        }
    }

    /// The basis a data file names; `None` for any other text.
    pub fn parse(text: &str) -> Option<Basis> {
        [Basis::Source, Basis::Editorial, Basis::Yours].into_iter().find(|b| b.name() == text)
    }
}

/// How a framework's diagram is drawn: a shape and its bands (rows, or rings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagram {
    pub shape: Shape,
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Bands stacked top to bottom (the strategic framework: vision on top, foundation below).
    Layers,
    /// Bands as nested rings around the first band (the community at the heart): drawn from
    /// the outermost band down, each frame enclosing the ones inside it.
    Rings,
}

/// One row (or ring) of a diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The band's heading, quoted from the source where it has one.
    pub title: String,
    /// The nodes in this band, in order.
    pub nodes: Vec<String>,
    /// For a band of groups (the outcome domains): each node in `nodes` heads a column, and
    /// the nodes that are `part_of` it and of this kind are stacked beneath it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<String>,
    /// As `children`, but drawn as small numbered chips (the example indicators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips: Option<String>,
    /// A caption over each column's chips ("Examples of what we can measure").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips_title: Option<String>,
}
