//! One output file's data, shared by every stage that makes or writes files (images, render,
//! the build report, output, serve): below all of them, so none has to reach another for it;
//! and the hash of a file's bytes that site digests are made of.

use std::path::PathBuf;

/// One output file: bytes made here, or a file to copy.
#[derive(Debug, Clone, PartialEq)]
pub enum FileData {
    Bytes(Vec<u8>),
    Copy(PathBuf),
    /// Already written into the build's staging folder as it was rendered (`build` keeps no
    /// page in memory): the `content_hash` of its bytes, for the site's digest.
    Written(u64),
}

/// The hash of a file's bytes that a site's digest is made of (`report::digest`): FxHash,
/// the same on every machine and several times faster than SipHash over a province's
/// gigabytes (it tells a changed file from an unchanged one; deploys compare SHA-256).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(bytes.len());
    h.write(bytes);
    h.finish()
}
