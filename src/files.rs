//! One output file's data, shared by every stage that makes or writes files (images, render,
//! the build report, output, serve): below all of them, so none has to reach another for it.

use std::path::PathBuf;

/// One output file: bytes made here, or a file to copy.
#[derive(Debug, Clone, PartialEq)]
pub enum FileData {
    Bytes(Vec<u8>),
    Copy(PathBuf),
}
