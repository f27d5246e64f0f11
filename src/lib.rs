//! brug: a workbench for translators of Dutch government documents.
//!
//! The library is a pipeline of stages, each taking and returning plain
//! data: [`ingest`] (raw bytes → clean blocks with offset maps) →
//! [`segment`] (blocks → sentence segments). The binary `brug` is a thin
//! command-line layer over it.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod check;
pub mod diff;
pub mod error;
pub mod export;
pub mod glossary;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod parallel;
pub mod pipeline;
pub mod project;
pub mod segment;
pub mod text;

pub use error::{Error, Result};
