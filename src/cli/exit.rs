//! Exit codes, decided here and nowhere else.
//!
//! - 0: the job was done and found nothing to report;
//! - 1: the job was done and found problems (findings, changes);
//! - 2: the job could not be done: bad input, bad usage, I/O errors.

pub const OK: u8 = 0;
#[allow(dead_code)]
pub const FINDINGS: u8 = 1;
pub const ERROR: u8 = 2;
