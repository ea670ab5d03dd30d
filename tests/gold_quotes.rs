//! The quotes layer against the gold: the seed article alone, then the shared
//! gold (6 French and 3 English articles), scored by `../shared/tools/score.py`.

mod common;

use common::{assert_f1_at_least, f1_scores, f1_scores_of_article};

#[test]
fn seed_quotes_and_speakers_meet_the_targets() {
    let scores = f1_scores_of_article("seed-fr-koursk");
    assert_f1_at_least(&scores, "quote span (direct+partial)", 0.94);
    assert_f1_at_least(&scores, "quote+speaker (direct+partial)", 0.94);
    assert_f1_at_least(&scores, "indirect speech span", 0.80);
}

#[test]
fn shared_gold_quotes_and_speakers_meet_the_targets() {
    let scores = f1_scores("gold");
    assert_f1_at_least(&scores, "quote span (direct+partial)", 0.90);
    assert_f1_at_least(&scores, "quote+speaker (direct+partial)", 0.85);
}
