//! Criterion benchmark: ingestion + segmentation of the bundled letter and
//! of a ~10 MB text built from it.

use std::hint::black_box;
use std::path::Path;

use brug::ingest::{IngestOptions, ingest};
use brug::segment::segment;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn letter() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("source_nl/kamerbrief-rusland-2021.txt");
    std::fs::read(path).expect("bundled letter")
}

fn bench(c: &mut Criterion) {
    let one = letter();
    let mut big = Vec::with_capacity(10 << 20);
    while big.len() < 10 << 20 {
        big.extend_from_slice(&one);
        big.extend_from_slice(b"\n\n");
    }
    let options = IngestOptions {
        lang: Some("nl".into()),
        ..IngestOptions::default()
    };
    let mut group = c.benchmark_group("segment");
    for (name, input) in [("letter", &one), ("10MB", &big)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        if name == "10MB" {
            group.sample_size(10);
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                let ingested = ingest(Path::new("bench.txt"), black_box(input.clone()), &options)
                    .expect("ingests");
                black_box(segment(ingested))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
