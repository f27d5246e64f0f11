//! brug's integration tests, one binary split by topic.

mod common;

mod alignment;
mod artifacts;
mod batch;
mod benchmarks;
mod check;
mod cli;
mod diff;
mod errors;
mod export;
mod help;
mod lossless;
mod regression;
mod segmentation;
mod tracking;
