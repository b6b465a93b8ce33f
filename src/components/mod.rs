//! Reusable view components. They read from `crate::core` and render; they compute nothing
//! statistical themselves.

pub mod breakdown_charts;
pub mod crosswalk_table;
pub mod detail_panel;
pub mod diagram;
pub mod downloads;
pub mod error_panel;
pub mod explorer;
pub mod group_boxes;
pub mod indicator_cards;
pub mod lang;
pub mod link;
pub mod share;
pub mod source_cell;
pub mod text_version;
pub mod indicator_island;
pub mod your_data;
pub mod your_data_island;
pub mod your_series;
