//! The number and count-check layers on the shared gold, scored by the shared scorer.

mod common;

use common::{assert_f1_at_least, f1_scores};

#[test]
fn quantities_and_count_checks_reach_their_targets_on_the_gold() {
    let scores = f1_scores("gold");
    assert_f1_at_least(&scores, "quantity value", 0.90);
    assert_f1_at_least(&scores, "count checks", 1.0);
}
