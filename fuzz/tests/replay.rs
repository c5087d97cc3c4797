//! Replays every committed fuzz input through its target on the stable toolchain, so that a
//! crash the fuzzer once found (and that was fixed) stays fixed. The inputs live in
//! `fuzz/corpus/<target>/`, one file each, as libFuzzer writes them.

use std::fs;
use std::path::Path;

#[test]
fn every_corpus_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut total = 0;
    for (name, target) in textsift_fuzz::TARGETS {
        let dir = root.join(name);
        let Ok(entries) = fs::read_dir(&dir) else {
            panic!("no corpus directory {}", dir.display());
        };
        let mut n = 0;
        for entry in entries {
            let path = entry.expect("readable corpus directory").path();
            let data = fs::read(&path).expect("readable corpus file");
            // Name the input in the failure, so that it can be run alone.
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(
                outcome.is_ok(),
                "{name} fails on {}: {:?}",
                path.display(),
                String::from_utf8_lossy(&data)
            );
            n += 1;
        }
        assert!(n > 0, "the {name} corpus is empty");
        total += n;
    }
    assert!(total >= textsift_fuzz::TARGETS.len());
}

#[test]
fn every_target_has_a_libfuzzer_binary() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz_targets");
    for (name, _) in textsift_fuzz::TARGETS {
        assert!(
            dir.join(format!("{name}.rs")).is_file(),
            "fuzz_targets/{name}.rs is missing"
        );
    }
}
