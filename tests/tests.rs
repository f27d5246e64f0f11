//! brug's integration tests, one binary split by topic.

mod common;

mod alignment;
mod architecture;
mod artifacts;
mod atomic;
mod badinput;
mod batch;
mod benchmarks;
mod check;
mod cli;
mod corpus;
// Real clients of brug's files; `cargo test --features client-tests`.
#[cfg(feature = "client-tests")]
mod clients;
mod diff;
mod errors;
mod export;
mod extracted;
mod fuzz_regressions;
mod help;
mod lossless;
mod omissions;
mod pdf;
mod properties;
mod real_documents;
mod regression;
mod segmentation;
mod terms;
mod tracking;
