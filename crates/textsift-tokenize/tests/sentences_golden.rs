//! The hand-written "golden rules" cases of `tests/data/sentence_golden.jsonl`.

use textsift_tokenize::sentences;

#[test]
fn golden_rules() {
    let data = include_str!("data/sentence_golden.jsonl");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let text = case["text"].as_str().expect("text");
        let expected: Vec<&str> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("str"))
            .collect();
        let got = sentences(text);
        cases += 1;
        if got != expected {
            failures.push(format!(
                "[{}] {text:?}\n   expected {expected:?}\n   got      {got:?}",
                case["name"]
            ));
        }
    }
    assert!(
        cases >= 80,
        "expected at least 80 golden cases, found {cases}"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} golden cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
