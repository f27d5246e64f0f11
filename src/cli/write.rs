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

/// Writes `bytes` to `path` through a temporary file created new (never
/// through a symbolic link) in the same folder, named `.NAME.brug-….tmp`,
/// synced to disk and renamed over `path`. On an error the temporary file
/// is removed and `path` is left as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), brug::Error> {
    let io_err = |source| brug::Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.brug-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // The file gets the usual mode (0666 less the umask), not 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    // Dropped on an error, the temporary file is removed.
    let mut file = builder.tempfile_in(dir).map_err(io_err)?;
    file.write_all(bytes).map_err(io_err)?;
    file.as_file().sync_all().map_err(io_err)?;
    file.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}
