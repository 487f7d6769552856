//! `stadtlabor precompress [DIR]`: once per release, writes `<file>.br` (brotli at its best
//! level) and `<file>.gz` (gzip at its best level) beside every built script, WebAssembly and
//! stylesheet. The server sends those (`ServeDir::precompressed_br`/`_gzip`) instead of
//! compressing on the fly at the quick level 4, and a first visit, mostly WebAssembly, is
//! that much lighter. Prints each file's size before and after.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The built files worth it: text and WebAssembly (pictures are compressed already).
const EXTENSIONS: [&str; 3] = ["wasm", "js", "css"];
const BROTLI_QUALITY: u32 = 11;
const BROTLI_WINDOW: u32 = 22;

/// One compressed file: its path and the sizes of the original and of both encodings.
#[derive(Debug)]
pub struct Compressed {
    pub path: PathBuf,
    pub original: u64,
    pub brotli: u64,
    pub gzip: u64,
}

/// Compresses every matching file in `dir` (not below it: `/pkg` is flat).
pub fn precompress_dir(dir: &Path) -> io::Result<Vec<Compressed>> {
    let mut done = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    paths.sort();
    for path in paths {
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if wanted && path.is_file() {
            done.push(precompress_file(&path)?);
        }
    }
    Ok(done)
}

fn precompress_file(path: &Path) -> io::Result<Compressed> {
    let content = fs::read(path)?;
    let br_path = with_suffix(path, "br");
    {
        let file = BufWriter::new(File::create(&br_path)?);
        let mut writer =
            brotli::CompressorWriter::new(file, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(&content)?;
        writer.flush()?;
    }
    let gz_path = with_suffix(path, "gz");
    {
        let file = BufWriter::new(File::create(&gz_path)?);
        let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        encoder.write_all(&content)?;
        encoder.finish()?.flush()?;
    }
    Ok(Compressed {
        path: path.to_owned(),
        original: content.len() as u64,
        brotli: fs::metadata(&br_path)?.len(),
        gzip: fs::metadata(&gz_path)?.len(),
    })
}

/// `a/b.wasm` → `a/b.wasm.br`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_both_encodings_that_decode_to_the_original_and_skips_other_files() {
        let dir = std::env::temp_dir().join(format!("precompress-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let script = "export const x = 1;\n".repeat(500);
        fs::write(dir.join("app.js"), &script).unwrap();
        fs::write(dir.join("bild.jpg"), [0xFF, 0xD8]).unwrap();
        let done = precompress_dir(&dir).unwrap();
        assert_eq!(done.len(), 1, "{done:?}");
        assert!(done[0].brotli < done[0].original && done[0].gzip < done[0].original);

        let mut decoded = String::new();
        brotli::Decompressor::new(File::open(dir.join("app.js.br")).unwrap(), 4096)
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, script);
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(File::open(dir.join("app.js.gz")).unwrap())
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, script);
        assert!(!dir.join("bild.jpg.br").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
