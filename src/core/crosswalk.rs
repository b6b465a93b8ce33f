//! The crosswalk matrix: every framework's parts against the five dimensions of cohesion.
//!
//! A cell is filled when the part is linked to the dimension directly, or to one of the
//! dimension's equivalents (a node that `maps_to` it). It records whether that link is stated
//! by the source text or is our editorial judgment; a chain with any editorial link is editorial.

use super::atlas::Atlas;
use super::framework::{Basis, EdgeKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub framework: String,
    pub node: String,
    /// One cell per dimension, in the order of [`Matrix::dimensions`].
    pub cells: Vec<Option<Basis>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// The dimension node ids, in file order.
    pub dimensions: Vec<String>,
    pub rows: Vec<Row>,
}

fn combine(a: Basis, b: Basis) -> Basis {
    if a == Basis::Editorial || b == Basis::Editorial {
        Basis::Editorial
    } else {
        Basis::Source
    }
}

/// Prefer the better-founded of two ways a cell is reached.
fn best(current: Option<Basis>, found: Basis) -> Option<Basis> {
    match current {
        Some(Basis::Source) => Some(Basis::Source),
        _ => Some(found),
    }
}

/// How `node` is tied to `dimension`, if it is.
pub fn cell(atlas: &Atlas, node: &str, dimension: &str) -> Option<Basis> {
    let mut result = None;
    for link in atlas.links(dimension) {
        if link.other == node {
            result = best(result, link.basis);
        }
    }
    for eq in atlas
        .links(dimension)
        .iter()
        .filter(|l| l.kind == EdgeKind::MapsTo)
    {
        for link in atlas.links(&eq.other) {
            if link.other == node {
                result = best(result, combine(eq.basis, link.basis));
            }
        }
    }
    result
}

/// Every node of every framework except the dimensions themselves, against each dimension.
pub fn matrix(atlas: &Atlas) -> Matrix {
    let dimensions: Vec<String> = atlas.dimensions().iter().map(|d| d.id.clone()).collect();
    let rows = atlas
        .frameworks
        .iter()
        .flat_map(|f| f.nodes.iter().map(move |n| (f, n)))
        .filter(|(_, n)| n.kind != "dimension")
        .map(|(f, n)| Row {
            framework: f.id.clone(),
            node: n.id.clone(),
            cells: dimensions.iter().map(|d| cell(atlas, &n.id, d)).collect(),
        })
        .collect();
    Matrix { dimensions, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::parse_manifest;

    #[test]
    fn cells_follow_direct_links_and_equivalents_with_the_weaker_basis() {
        let manifest = r#"{"schema":"cohesion-explorer/manifest@1","frameworks":["f.json"],"crosswalk":"c.json",
          "sources":[{"seed":"s","title":"T","publisher":"P","year":"Y"}]}"#;
        let n = |id: &str, kind: &str| {
            format!(
                r#"{{"id":"{id}","kind":"{kind}","label":"{id}","source":{{"seed":"s","quote":"q"}}}}"#
            )
        };
        let nodes = [
            n("bel", "dimension"),
            n("inc", "dimension"),
            n("el", "element"),
            n("ini", "initiative"),
            n("fa", "focus_area"),
            n("q", "question"),
        ]
        .join(",");
        let fw = format!(
            r#"{{"schema":"cohesion-explorer/framework@1","id":"f","title":"F","short_title":"F","summary":{{"seed":"s","quote":"q"}},
            "diagram":{{"shape":"layers","bands":[]}},"nodes":[{nodes}],"edges":[
            {{"from":"el","to":"bel","kind":"maps_to","basis":"source"}},
            {{"from":"ini","to":"el","kind":"contributes_to","basis":"editorial"}},
            {{"from":"fa","to":"inc","kind":"linked_to","basis":"source"}},
            {{"from":"fa","to":"el","kind":"contributes_to","basis":"editorial"}},
            {{"from":"fa","to":"bel","kind":"linked_to","basis":"source"}}]}}"#
        );
        let m = parse_manifest("m", manifest).expect("manifest");
        let atlas = Atlas::from_texts(
            &m,
            &[("f.json".into(), fw)],
            (
                "c.json",
                r#"{"schema":"cohesion-explorer/crosswalk@1","edges":[]}"#,
            ),
        )
        .expect("atlas");
        let mx = matrix(&atlas);
        assert_eq!(mx.dimensions, ["bel", "inc"]);
        let row = |id: &str| {
            mx.rows
                .iter()
                .find(|r| r.node == id)
                .expect("row")
                .cells
                .clone()
        };
        assert_eq!(row("el"), [Some(Basis::Source), None]);
        assert_eq!(
            row("ini"),
            [Some(Basis::Editorial), None],
            "reached through an editorial link"
        );
        assert_eq!(
            row("fa"),
            [Some(Basis::Source), Some(Basis::Source)],
            "the direct source link wins over the editorial path"
        );
        assert_eq!(row("q"), [None, None]);
        assert_eq!(mx.rows.len(), 4, "dimensions are columns, not rows");
    }
}
