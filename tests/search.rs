//! Site search on the bundled network, ranked by the browser's own code: builds the network
//! and runs `tests/search/relevance.mjs` under Node (the queries and the pages that must come
//! first are in `tests/search/queries.json`; the split index must rank as the whole index).

mod common;

use std::process::Command;

use common::{NOW, copy_dir, repo};

#[test]
fn the_relevance_queries_find_their_pages_first_on_the_split_and_the_whole_index() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    let out = dir.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .arg("--root")
        .arg(dir.path())
        .args(["build", "--now", NOW, "--out"])
        .arg(&out)
        .env_remove("LANTOA_LANG")
        .env("LANTOA_CACHE", dir.path().join("cache"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let run = Command::new("node")
        .arg(repo().join("tests/search/relevance.mjs"))
        .arg(&out)
        .output()
        .expect(
            "Node.js 18 or newer runs the search relevance test (scripts/test.sh needs it too)",
        );
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(report.contains("mean precision at 3"), "{report}");
}
