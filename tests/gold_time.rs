//! The time layer on the shared gold: the French TimeBank articles and the seed,
//! scored by the shared scorer.

mod common;

use common::{assert_f1_at_least, f1_scores};

#[test]
fn time_values_and_spans_reach_their_targets_on_the_french_timebank() {
    let scores = f1_scores("gold-time");
    assert_f1_at_least(&scores, "time value", 0.80);
    assert_f1_at_least(&scores, "time span relaxed", 0.92);
}

#[test]
fn every_time_of_the_seed_is_found_with_its_value() {
    let scores = f1_scores("gold");
    assert_f1_at_least(&scores, "time value", 1.0);
    assert_f1_at_least(&scores, "time span relaxed", 1.0);
}
