//! Writing files: always atomically, through a temporary file in the same
//! folder renamed over the target, so a reader never sees half a file and
//! an interrupted write leaves the old file intact.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Runs `render` into a buffered standard output and flushes it. A closed
/// pipe (`brug … | head`) is not an error.
pub fn to_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), brug::Error> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(brug::Error::Write {
            path: "<stdout>".into(),
            source,
        }),
    }
}

/// A JSON serialization error as an I/O error, keeping the I/O error's
/// kind (so a closed pipe stays a closed pipe).
pub fn json_io_error(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), brug::Error> {
    let io_err = |source| brug::Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // Unique within the process too: threads of a batch write at once.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.brug-{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(())
}
