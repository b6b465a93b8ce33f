//! The discussion worksheet: the questions the frameworks ask, quoted, with a group's answers.
//! Answers stay on the person's device (the view keeps them in the browser's storage); this
//! module only lays the questions out and writes the Markdown file a group downloads.

use std::collections::BTreeMap;

use super::atlas::Atlas;
use super::framework::NodeSource;

/// One framework's questions, ready to show.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    pub framework: String,
    pub title: String,
    pub intro: NodeSource,
    pub closed: Option<NodeSource>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub heading: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// The node id: where its answer is kept.
    pub id: String,
    /// The question as published (its label, then its further text).
    pub text: String,
    /// A question under the one before it.
    pub sub: bool,
}

/// Every framework that asks questions, in the atlas's order.
pub fn sheets(atlas: &Atlas) -> Vec<Sheet> {
    atlas
        .frameworks
        .iter()
        .filter_map(|f| {
            let w = f.worksheet.as_ref()?;
            let sections = w
                .sections
                .iter()
                .map(|s| Section {
                    heading: s.heading.quote.clone(),
                    questions: s
                        .questions
                        .iter()
                        .filter_map(|id| f.nodes.iter().find(|n| &n.id == id))
                        .map(|n| Question {
                            id: n.id.clone(),
                            text: if n.text.is_empty() { n.label.clone() } else { format!("{} {}", n.label, n.text) },
                            sub: n.kind == "subquestion",
                        })
                        .collect(),
                })
                .collect();
            Some(Sheet {
                framework: f.id.clone(),
                title: f.title.clone(),
                intro: w.intro.clone(),
                closed: w.closed.clone(),
                sections,
            })
        })
        .collect()
}

/// The words the download says in the interface's language (the questions stay as published).
pub struct SheetWords<'a> {
    pub title: &'a str,
    /// A line under the title: where the questions come from and that answers stayed local.
    pub note: &'a str,
    /// In place of an answer not yet written.
    pub unanswered: &'a str,
}

/// The worksheet with its answers as Markdown: a heading per framework and section, each
/// question as a quote, its answer below it as written.
pub fn markdown(sheets: &[Sheet], answers: &BTreeMap<String, String>, words: SheetWords<'_>) -> String {
    let mut out = format!("# {}\n\n{}\n", words.title, words.note);
    for sheet in sheets {
        out.push_str(&format!("\n## {}\n\n> {}\n", sheet.title, sheet.intro.quote));
        if let Some(closed) = &sheet.closed {
            out.push_str(&format!(">\n> {}\n", closed.quote));
        }
        for section in &sheet.sections {
            out.push_str(&format!("\n### {}\n", section.heading));
            let (mut number, mut sub) = (0, 0u8);
            for q in &section.questions {
                let label = if q.sub {
                    sub += 1;
                    // As on the page: a, b, c under their question.
                    format!("{number}{}", char::from(b'a' + (sub - 1) % 26))
                } else {
                    number += 1;
                    sub = 0;
                    number.to_string()
                };
                let answer = answers.get(&q.id).map(|a| a.trim()).filter(|a| !a.is_empty());
                out.push_str(&format!("\n**{label}.** {}\n\n", q.text));
                match answer {
                    Some(a) => out.push_str(&format!("{a}\n")),
                    None => out.push_str(&format!("_{}_\n", words.unanswered)),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixtures::atlas;

    fn words() -> SheetWords<'static> {
        SheetWords { title: "Discussion worksheet", note: "Kept on this device.", unanswered: "(no answer yet)" }
    }

    #[test]
    fn the_strategic_framework_and_connecting_diverse_communities_ask_their_published_questions() {
        let s = sheets(atlas());
        let ids: Vec<&str> = s.iter().map(|s| s.framework.as_str()).collect();
        assert_eq!(ids, ["strategic", "cdc"]);
        let strategic = &s[0];
        assert_eq!(strategic.sections.len(), 2, "for organisations, and for the public");
        assert_eq!(strategic.sections[0].questions.len(), 4);
        assert_eq!(strategic.sections[1].questions.len(), 2);
        assert_eq!(strategic.sections[1].questions[1].text, "Is there anything missing?");
        assert!(strategic.closed.as_ref().unwrap().quote.contains("Friday 25 March 2022"));
        let cdc = &s[1].sections[0].questions;
        assert_eq!(cdc.len(), 7);
        assert_eq!(cdc.iter().filter(|q| q.sub).count(), 3);
        assert!(cdc[2].text.ends_with("What role can Government play to support people's identity and sense of belonging?"));
    }

    #[test]
    fn the_download_holds_every_question_and_the_answers_as_written() {
        let s = sheets(atlas());
        let mut answers = BTreeMap::new();
        answers.insert("strategic.question.missing".to_string(), "Rangatahi voices.\nAnd rural towns.".to_string());
        answers.insert("cdc.question.identity.barriers".to_string(), "  Language.  ".to_string());
        let md = markdown(&s, &answers, words());
        assert!(md.starts_with("# Discussion worksheet\n\nKept on this device.\n"));
        assert!(md.contains("\n**2.** Is there anything missing?\n\nRangatahi voices.\nAnd rural towns.\n"), "{md}");
        // Sub-questions are numbered under their question.
        assert!(md.contains("\n**3c.** What do you think are the barriers"), "{md}");
        assert!(md.contains("barriers to people interacting and forming relationships with each other?\n\nLanguage.\n"));
        let questions = s.iter().flat_map(|s| &s.sections).map(|x| x.questions.len()).sum::<usize>();
        assert_eq!(md.matches("(no answer yet)").count(), questions - 2);
    }
}
