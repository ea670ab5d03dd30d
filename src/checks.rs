//! Count checks: does a total equal the sum of its parts?

use serde::Serialize;

use crate::numbers::Quantity;
use crate::segment::Doc;

/// A total broken into parts about the same thing.
#[derive(Clone, Debug, Serialize)]
pub struct CountCheck {
    /// Always `count_sum` for now.
    pub kind: &'static str,
    /// The id of the total's quantity.
    pub total: String,
    /// The ids of the parts.
    pub parts: Vec<String>,
    pub consistent: bool,
    /// "8 = 7 abattus + 1 a atteint sa cible".
    pub explanation: String,
}

/// Finds totals and their parts among the quantities.
pub fn find(_doc: &Doc, _quantities: &[Quantity]) -> Vec<CountCheck> {
    Vec::new()
}
