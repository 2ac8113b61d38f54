//! Output files written whole or not at all, never over an input.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command's output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Output {
    /// `None` or `-` means standard output.
    pub fn from_arg(path: Option<&Path>) -> Output {
        match path {
            None => Output::Stdout,
            Some(p) if p.as_os_str() == "-" => Output::Stdout,
            Some(p) => Output::File(p.to_path_buf()),
        }
    }

    /// Writes `bytes` to this output; a file is written atomically and never
    /// over one of `inputs`.
    pub fn write(&self, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)
                    .and_then(|_| out.flush())
                    .map_err(|source| Error::Write {
                        path: PathBuf::from("<stdout>"),
                        source,
                    })
            }
            Output::File(path) => write_atomic(path, bytes, inputs),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so the file is either the old one or the whole new one.
/// `-` is standard output; a symbolic link is followed (its target is
/// written, the link kept); a device or FIFO is written through, never
/// replaced. Refuses when `path` is one of `inputs` (compared after
/// resolving links).
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
    write_atomic_with(path, inputs, |out| {
        out.write_all(bytes).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// As [`write_atomic`], with the bytes written by `write` as they are
/// made (through a buffer), so a large output is never held whole in
/// memory. `-` is standard output.
///
/// # Errors
///
/// As [`write_atomic`], and whatever `write` returns; on an error no file
/// is left.
pub fn write_atomic_with(
    path: &Path,
    inputs: &[&Path],
    mut write: impl FnMut(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut out)?;
        return out.flush().map_err(fail);
    }
    let target = check_target(path, inputs)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() && !meta.is_dir() {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(fail)?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)?;
            return out.flush().map_err(fail);
        }
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = temporary_with(dir, &target, &mut write)?;
    persist(tmp, &target)
}

/// A writer that can also seek, as a zip archive (a workbook) is written.
pub trait SeekWrite: Write + std::io::Seek + Send {}

impl<W: Write + std::io::Seek + Send> SeekWrite for W {}

/// As [`write_atomic_with`], for a format whose writer seeks back (a
/// workbook's zip archive): a file gets `write`'s bytes as they are made,
/// through its temporary file; standard output or a device, which cannot
/// seek, gets them from memory once `write` has finished.
///
/// # Errors
///
/// As [`write_atomic_with`].
pub fn write_atomic_seekable(
    path: &Path,
    inputs: &[&Path],
    mut write: impl FnMut(&mut dyn SeekWrite) -> Result<()>,
) -> Result<()> {
    let in_memory = |write: &mut dyn FnMut(&mut dyn SeekWrite) -> Result<()>| -> Result<()> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        write(&mut buffer)?;
        write_atomic(path, buffer.get_ref(), inputs)
    };
    if path.as_os_str() == "-" {
        return in_memory(&mut write);
    }
    let target = check_target(path, inputs)?;
    if std::fs::metadata(&target).is_ok_and(|meta| !meta.is_file() && !meta.is_dir()) {
        return in_memory(&mut write);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = temporary_seekable(dir, &target, &mut write)?;
    persist(tmp, &target)
}

/// Refuses an output that is one of the inputs, or the file standard
/// input reads (`verkosto summary - -o in.json < in.json`); returns the
/// resolved target.
fn check_target(path: &Path, inputs: &[&Path]) -> Result<PathBuf> {
    let target = resolve(path)?;
    let same = inputs.iter().any(|i| {
        if i.as_os_str() == "-" {
            is_standard_input(&target)
        } else {
            resolve(i).is_ok_and(|r| r == target)
        }
    });
    if same {
        return Err(Error::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    Ok(target)
}

/// Whether `path` is the file standard input reads.
#[cfg(unix)]
fn is_standard_input(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(stdin), Ok(target)) = (std::fs::metadata("/dev/stdin"), std::fs::metadata(path)) else {
        return false;
    };
    stdin.is_file() && stdin.dev() == target.dev() && stdin.ino() == target.ino()
}

#[cfg(not(unix))]
fn is_standard_input(_path: &Path) -> bool {
    false
}

/// Temporary files being written, removed when the program is interrupted.
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes the temporary files of writes in progress: for a signal
/// handler, so that an interrupted run leaves nothing behind.
pub fn remove_temporaries() {
    if let Ok(list) = TEMPORARIES.lock() {
        for path in list.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The prefix and suffix of our temporary files.
const PREFIX: &str = ".verkosto-";
const SUFFIX: &str = ".tmp";
/// The prefix of a temporary file in the instant before it is locked.
const NEW_PREFIX: &str = ".verkosto-new-";

/// Removes from `dir` the temporary files of runs that were killed: ours
/// by name (`.verkosto-*.tmp`) and by their marker, an exclusive lock that
/// the writing run holds until it renames the file into place. A file
/// whose lock can be taken has no writer left.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) || name.starts_with(NEW_PREFIX) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(file) = std::fs::OpenOptions::new().read(true).open(entry.path()) else {
            continue;
        };
        if file.try_lock().is_ok() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A temporary file being written: locked while it lives, removed when
/// dropped before [`Temporary::persist`].
struct Temporary {
    path: PathBuf,
    file: Option<std::fs::File>,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
            forget_temporary(&self.path);
        }
    }
}

fn forget_temporary(path: &Path) {
    if let Ok(mut list) = TEMPORARIES.lock() {
        list.retain(|p| p != path);
    }
}

/// Creates a new temporary file in `dir`, locked, under its final
/// temporary name. It is created as `.verkosto-new-*` and renamed only
/// once locked, so another run never takes a file being written for a
/// killed run's.
fn create_temporary(dir: &Path) -> std::io::Result<Temporary> {
    let fresh = tempfile::Builder::new()
        .prefix(NEW_PREFIX)
        .suffix(SUFFIX)
        .tempfile_in(dir)?;
    fresh.as_file().lock()?;
    let unique = fresh
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix(NEW_PREFIX))
        .unwrap_or("x.tmp")
        .to_string();
    let path = dir.join(format!("{PREFIX}{unique}"));
    let file = fresh.persist_noclobber(&path).map_err(|e| e.error)?;
    if let Ok(mut list) = TEMPORARIES.lock() {
        list.push(path.clone());
    }
    Ok(Temporary {
        path,
        file: Some(file),
    })
}

/// Writes `bytes` to a new temporary file in `dir` for `path`, registered
/// for removal on interruption.
fn temporary(dir: &Path, path: &Path, bytes: &[u8]) -> Result<Temporary> {
    temporary_with(dir, path, &mut |w| {
        w.write_all(bytes).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    })
}

/// A new temporary file in `dir` for `path`, filled by `write` through a
/// buffer.
fn temporary_with(
    dir: &Path,
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
) -> Result<Temporary> {
    temporary_seekable(dir, path, &mut |out: &mut dyn SeekWrite| write(out))
}

/// [`temporary_with`] for a writer that may seek.
fn temporary_seekable(
    dir: &Path,
    path: &Path,
    write: &mut dyn FnMut(&mut dyn SeekWrite) -> Result<()>,
) -> Result<Temporary> {
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    remove_stale(dir);
    let mut tmp = create_temporary(dir).map_err(fail)?;
    let file = tmp.file.as_mut().expect("a new temporary is open");
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *file);
        write(&mut buffered)?;
        buffered.flush().map_err(fail)?;
    }
    // A temporary file is private; the output should have the
    // permissions of the file it replaces, or ordinary ones.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(),
    };
    file.set_permissions(permissions).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    Ok(tmp)
}

/// Renames a temporary file over `path`.
fn persist(mut tmp: Temporary, path: &Path) -> Result<()> {
    let result = std::fs::rename(&tmp.path, path).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    });
    if result.is_ok() {
        // Renamed: closing the file releases the lock; nothing to remove.
        tmp.file = None;
        forget_temporary(&tmp.path);
    }
    result
}

/// Refuses two outputs of one command that name the same file (after
/// resolving links): the second would replace the first.
///
/// # Errors
///
/// [`Error::SameOutput`] naming both outputs.
///
/// ```
/// use std::path::Path;
/// let err = verkosto::io::check_distinct_outputs(&[("map", Path::new("x.svg")), ("output", Path::new("./x.svg"))]);
/// assert!(err.is_err());
/// assert!(verkosto::io::check_distinct_outputs(&[("map", Path::new("x.svg")), ("output", Path::new("-"))]).is_ok());
/// ```
pub fn check_distinct_outputs(outputs: &[(&'static str, &Path)]) -> Result<()> {
    let mut seen: Vec<(&'static str, PathBuf)> = Vec::new();
    for (name, path) in outputs {
        if path.as_os_str() == "-" {
            continue;
        }
        let resolved = resolve(path)?;
        if let Some((first, _)) = seen.iter().find(|(_, p)| *p == resolved) {
            return Err(Error::SameOutput {
                first,
                second: name,
                path: path.to_path_buf(),
            });
        }
        seen.push((name, resolved));
    }
    Ok(())
}

/// The marker file in a directory of outputs: the names of the files
/// verkosto wrote there, one a line.
pub const MARKER: &str = ".verkosto-outputs";

/// Writes several files into `dir` all or nothing: every target is
/// checked first (not an input, not a directory, not a file verkosto did
/// not write there unless `force`), every file is written to a temporary
/// file in `dir`, and only then are they renamed into place. A marker file
/// records what verkosto wrote, so a later run may replace those files and
/// no others.
pub fn write_all_atomic(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    inputs: &[&Path],
    force: bool,
) -> Result<()> {
    let writers: Vec<(String, FileWriter<'_>)> = files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            let write: FileWriter<'_> = Box::new(move |out: &mut dyn Write| {
                out.write_all(bytes).map_err(|source| Error::Write {
                    path: path.clone(),
                    source,
                })
            });
            (name.clone(), write)
        })
        .collect();
    write_all_atomic_with(dir, writers, inputs, force)
}

/// What writes one file of [`write_all_atomic_with`]: its bytes, as they
/// are made, into the writer it is given.
pub type FileWriter<'a> = Box<dyn FnMut(&mut dyn Write) -> Result<()> + 'a>;

/// As [`write_all_atomic`], with each file's bytes written by its
/// [`FileWriter`] as they are made (through a buffer), so that no file is
/// held whole in memory.
///
/// # Errors
///
/// As [`write_all_atomic`], and whatever a writer returns; on an error no
/// file is replaced.
pub fn write_all_atomic_with(
    dir: &Path,
    mut files: Vec<(String, FileWriter<'_>)>,
    inputs: &[&Path],
    force: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let marker = dir.join(MARKER);
    let ours: Vec<String> = std::fs::read_to_string(&marker)
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let mut targets = Vec::new();
    for (name, _) in &files {
        let path = dir.join(name);
        check_target(&path, inputs)?;
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            if meta.is_dir() {
                return Err(Error::Write {
                    path: path.clone(),
                    source: std::io::Error::other("a directory is in the way"),
                });
            }
            if !force && !ours.contains(name) {
                return Err(Error::NotOurs { path: path.clone() });
            }
        }
        targets.push(path);
    }
    let mut written = Vec::new();
    for ((_, write), path) in files.iter_mut().zip(&targets) {
        written.push(temporary_with(dir, path, write)?);
    }
    for (tmp, path) in written.into_iter().zip(&targets) {
        persist(tmp, path)?;
    }
    let mut names: Vec<String> = ours;
    names.extend(files.iter().map(|(n, _)| n.clone()));
    names.sort();
    names.dedup();
    let mut text = names.join("\n");
    text.push('\n');
    let tmp = temporary(dir, &marker, text.as_bytes())?;
    persist(tmp, &marker)
}

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> std::fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temporary file's permissions")
}

/// The absolute, link-free form of a path, also for a file that does not
/// exist yet (its directory is resolved).
///
/// # Errors
///
/// [`Error::Write`] for a loop of symbolic links.
fn resolve(path: &Path) -> Result<PathBuf> {
    let looped = || Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other("too many levels of symbolic links (a loop of links)"),
    };
    match path.canonicalize() {
        Ok(p) => return Ok(p),
        // ELOOP.
        Err(e) if e.raw_os_error() == Some(40) => return Err(looped()),
        Err(_) => {}
    }
    // A link to a file that does not exist yet: follow it by hand.
    let mut path = path.to_path_buf();
    let mut hops = 0;
    while let Ok(target) = std::fs::read_link(&path) {
        hops += 1;
        if hops > 40 {
            return Err(looped());
        }
        path = if target.is_absolute() {
            target
        } else {
            path.parent().map_or(target.clone(), |d| d.join(&target))
        };
    }
    let path = path.as_path();
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            Ok(dir
                .canonicalize()
                .map(|d| d.join(name))
                .unwrap_or_else(|_| path.to_path_buf()))
        }
        _ => Ok(path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_refuses_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.json");
        std::fs::write(&input, "original").unwrap();
        let err = write_atomic(&dir.path().join("./in.json"), b"new", &[&input]).unwrap_err();
        assert!(matches!(err, Error::WouldOverwriteInput { .. }));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");

        let out = dir.path().join("out.json");
        write_atomic(&out, b"first", &[&input]).unwrap();
        write_atomic(&out, b"second", &[&input]).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let err = write_atomic(Path::new("/nonexistent-dir/x/out.json"), b"x", &[]).unwrap_err();
        assert!(err.to_string().contains("/nonexistent-dir/x/out.json"));
    }
}
