//! Photos: every raster image a page shows (in its bundle, as its `cover`, or in
//! `content/media/`) is processed once, whatever the number of sites: EXIF orientation
//! applied, then re-encoded without any metadata (GPS, camera, thumbnails), resized to a set of
//! widths for `srcset`. Results are cached by content hash in `.lantoa-cache/images/`, so a
//! daily build only pays for new photos; processing runs in parallel. HEIC gets a clear error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, ImageDecoder, ImageReader};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::messages::Problem;

/// Widths written for `srcset`; the largest is also written under the original name.
pub const WIDTHS: [u32; 3] = [480, 960, 1280];
/// JPEG quality: a 12-megapixel phone photo comes out well under 300 KB at 1280 px.
pub const QUALITY: u8 = 78;
/// Bump when the output of the pipeline changes, to invalidate caches.
const PIPELINE: &str = "v1";

/// One written size of an image.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// The file in the cache.
    pub file: PathBuf,
}

/// A processed image: its sizes, largest last.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Processed {
    pub width: u32,
    pub height: u32,
    /// `jpg` or `png`.
    pub ext: String,
    pub variants: Vec<Variant>,
}

impl Processed {
    pub fn largest(&self) -> &Variant {
        self.variants.last().expect("at least one size")
    }
}

/// Every processed image by its source file, and what it cost.
#[derive(Debug, Default, Clone)]
pub struct ImageSet {
    pub images: BTreeMap<PathBuf, Processed>,
    pub processed: usize,
    pub reused: usize,
}

impl ImageSet {
    pub fn get(&self, source: &Path) -> Option<&Processed> {
        self.images.get(source)
    }
}

/// All photos the project shows, to decode and re-encode: (file, who refers to it, line).
/// Every path was resolved and checked by the load stage (`safe.rs` decides what may be
/// published); GIFs and documents are copied as they are and need no processing.
fn referenced(project: &Project) -> Vec<(PathBuf, PathBuf, usize)> {
    let is_photo =
        |p: &Path| crate::safe::file_type(&p.to_string_lossy()) == Ok(crate::safe::FileType::Photo);
    let mut out = Vec::new();
    for src in &project.sources {
        for img in &src.body.local_images {
            out.push((img.file.clone(), src.file.clone(), img.line));
        }
        if let Some(file) = &src.cover_file {
            out.push((file.clone(), src.file.clone(), 1));
        }
        for photo in &src.photos {
            out.push((photo.file.clone(), src.file.clone(), src.meta.lines.front));
        }
    }
    for m in &project.media {
        out.push((m.file.clone(), project.rel(&m.file), 0));
    }
    out.retain(|(file, _, _)| is_photo(file));
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Images already processed in this process, by file, with the modification time and size they
/// had: `serve` rebuilds without reading unchanged photos again.
pub type Memo =
    std::sync::Mutex<std::collections::HashMap<PathBuf, ((std::time::SystemTime, u64), Processed)>>;

/// Processes every image of the project (in parallel, cached in `cache`, and in `memo` when given).
pub fn process_all(
    project: &Project,
    cache: &Path,
    memo: Option<&Memo>,
) -> Result<ImageSet, Vec<Diagnostic>> {
    let (set, errors) = process_all_partial(project, cache, memo);
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

/// `process_all`, keeping every image that could be processed beside the problems of the
/// others (each names the page that shows the image, so it affects only that page's sites).
pub fn process_all_partial(
    project: &Project,
    cache: &Path,
    memo: Option<&Memo>,
) -> (ImageSet, Vec<Diagnostic>) {
    let processed = AtomicUsize::new(0);
    let reused = AtomicUsize::new(0);
    let results: Vec<Result<Option<(PathBuf, Processed)>, Diagnostic>> = referenced(project)
        .par_iter()
        .map(|(file, by, line)| {
            let stamp = std::fs::metadata(file)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())));
            let known = memo.zip(stamp).and_then(|(memo, stamp)| {
                memo.lock()
                    .ok()?
                    .get(file)
                    .filter(|(s, _)| *s == stamp)
                    .map(|(_, p)| p.clone())
            });
            if let Some(p) = known {
                reused.fetch_add(1, Ordering::Relaxed);
                return Ok(Some((file.clone(), p)));
            }
            let (p, fresh) = process_cached(file, cache).map_err(|e| {
                let src = display(project, file);
                let problem = match e {
                    ImageError::TooLarge { width, height } => {
                        Problem::ImageTooLarge { src, width, height }
                    }
                    ImageError::Other(detail) => Problem::BadImage { src, detail },
                };
                Diagnostic::error(by, *line, problem)
            })?;
            if fresh { &processed } else { &reused }.fetch_add(1, Ordering::Relaxed);
            if let (Some(memo), Some(stamp)) = (memo, stamp)
                && let Ok(mut memo) = memo.lock()
            {
                memo.insert(file.clone(), (stamp, p.clone()));
            }
            Ok(Some((file.clone(), p)))
        })
        .collect();
    let mut set = ImageSet::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(Some((file, p))) => {
                set.images.insert(file, p);
            }
            Ok(None) => {}
            Err(d) => errors.push(d),
        }
    }
    set.processed = processed.into_inner();
    set.reused = reused.into_inner();
    (set, errors)
}

fn display(project: &Project, file: &Path) -> String {
    crate::diagnostics::display_path(&project.rel(file))
}

/// FNV-1a: a stable content hash (the same on every machine and Rust version).
fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

/// Why an image could not be processed.
#[derive(Debug)]
pub enum ImageError {
    /// Over `safe::MAX_IMAGE_SIDE` or `MAX_IMAGE_PIXELS`: refused before decoding.
    TooLarge {
        width: u32,
        height: u32,
    },
    Other(String),
}

impl<E: std::fmt::Display> From<E> for ImageError {
    fn from(e: E) -> Self {
        ImageError::Other(e.to_string())
    }
}

/// Processes one image unless the cache has it. Returns whether work was done.
pub fn process_cached(file: &Path, cache: &Path) -> Result<(Processed, bool), ImageError> {
    let bytes = std::fs::read(file)?;
    let key = format!("{:016x}-{}-{PIPELINE}", content_hash(&bytes), bytes.len());
    let dir = cache.join(&key);
    let meta = dir.join("meta.json");
    if let Ok(text) = std::fs::read_to_string(&meta)
        && let Ok(p) = serde_json::from_str::<Processed>(&text)
        && p.variants.iter().all(|v| dir.join(&v.file).is_file())
    {
        return Ok((with_dir(p, &dir), false));
    }
    let p = process(&bytes, &dir)?;
    std::fs::write(&meta, serde_json::to_string(&p).unwrap_or_default())?;
    Ok((with_dir(p, &dir), true))
}

fn with_dir(mut p: Processed, dir: &Path) -> Processed {
    for v in &mut p.variants {
        v.file = dir.join(&v.file);
    }
    p
}

/// The decoding limits: dimensions and memory (a 47 KB file may claim 65,500 × 65,500 px).
fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(crate::safe::MAX_IMAGE_SIDE);
    limits.max_image_height = Some(crate::safe::MAX_IMAGE_SIDE);
    limits.max_alloc = Some(crate::safe::MAX_IMAGE_ALLOC);
    limits
}

/// The size an image's header claims, read without decoding it.
fn claimed_size(bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    let reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()?;
    Ok(reader.into_dimensions()?)
}

/// Decodes, orients, resizes and re-encodes; writes the sizes into `dir` (names relative).
/// The header's size is checked against the limits before any pixel is decoded.
fn process(bytes: &[u8], dir: &Path) -> Result<Processed, ImageError> {
    let (width, height) = claimed_size(bytes)?;
    if width > crate::safe::MAX_IMAGE_SIDE
        || height > crate::safe::MAX_IMAGE_SIDE
        || u64::from(width) * u64::from(height) > crate::safe::MAX_IMAGE_PIXELS
    {
        return Err(ImageError::TooLarge { width, height });
    }
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()?;
    reader.limits(limits());
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    let has_alpha = img.color().has_alpha();
    let img = if has_alpha {
        DynamicImage::ImageRgba8(img.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    };
    let (w, h) = (img.width(), img.height());
    let is_png = bytes.starts_with(b"\x89PNG");
    let ext = if is_png || has_alpha { "png" } else { "jpg" };
    std::fs::create_dir_all(dir)?;
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&x| x < w).collect();
    widths.push(w.min(*WIDTHS.last().expect("widths")));
    widths.dedup();
    let mut variants = Vec::new();
    for target in widths {
        let th =
            ((u64::from(h) * u64::from(target) + u64::from(w) / 2) / u64::from(w)).max(1) as u32;
        let resized = if target == w {
            img.clone()
        } else {
            let mut dst = DynamicImage::new(target, th, img.color());
            fast_image_resize::Resizer::new().resize(&img, &mut dst, None)?;
            dst
        };
        let name = format!("{target}.{ext}");
        let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join(&name))?);
        if ext == "png" {
            resized.write_with_encoder(image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            ))?;
        } else {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY)
                .encode_image(&resized)?;
        }
        std::io::Write::flush(&mut out)?;
        variants.push(Variant {
            width: target,
            height: th,
            file: PathBuf::from(name),
        });
    }
    let largest = variants.last().expect("one size").clone();
    Ok(Processed {
        width: largest.width,
        height: largest.height,
        ext: ext.into(),
        variants,
    })
}

/// The folder of each photo's own page in an album (`anh-1/`, `anh-2/`…), relative to the album.
pub fn photo_pages(count: usize) -> impl Iterator<Item = String> {
    (1..=count).map(|n| format!("anh-{n}/"))
}

/// Output name of a size: `anh.jpg` (largest) or `anh-480.jpg`.
pub fn variant_name(original: &str, p: &Processed, v: &Variant) -> String {
    let stem = original
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(original);
    if v == p.largest() {
        format!("{stem}.{}", p.ext)
    } else {
        format!("{stem}-{}.{}", v.width, p.ext)
    }
}

/// The attributes of an `<img>` for a processed image whose page-relative name is `original`.
pub fn img_attributes(original: &str, p: &Processed, base: &str) -> String {
    let esc = crate::text::escape_html;
    let srcset: Vec<String> = p
        .variants
        .iter()
        .map(|v| format!("{base}{} {}w", variant_name(original, p, v), v.width))
        .collect();
    format!(
        "src=\"{}\" srcset=\"{}\" sizes=\"(min-width: 50rem) 46rem, 100vw\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"",
        esc(&format!("{base}{}", variant_name(original, p, p.largest()))),
        esc(&srcset.join(", ")),
        p.width,
        p.height
    )
}

/// Replaces the image placeholders of a page's HTML: processed images get their sizes,
/// others (SVG, GIF) keep their own name.
pub fn fill(html: &str, src: &crate::load::Source, set: &ImageSet) -> String {
    use crate::load::markdown::IMAGE_PLACEHOLDER;
    let pattern = format!("src=\"{IMAGE_PLACEHOLDER}");
    if src.body.local_images.is_empty() || !html.contains(&pattern) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(pos) = rest.find(&pattern) {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + pattern.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let image = after[..digits]
            .parse::<usize>()
            .ok()
            .and_then(|i| src.body.local_images.get(i));
        match image {
            Some(img) => {
                let original = &img.name;
                match set.get(&img.file) {
                    Some(p) => out.push_str(&img_attributes(original, p, "")),
                    None => {
                        out.push_str(&format!("src=\"{}\"", crate::text::escape_html(&img.src)))
                    }
                }
            }
            None => out.push_str("src=\""),
        }
        // Skip the placeholder's closing quote.
        rest = after[digits..]
            .strip_prefix('"')
            .unwrap_or(&after[digits..]);
    }
    out.push_str(rest);
    out
}

/// Output files of a page's own image (every size for a processed one).
pub fn outputs(
    original: &str,
    source_file: &Path,
    set: &ImageSet,
) -> Vec<(String, crate::files::FileData)> {
    match set.get(source_file) {
        Some(p) => p
            .variants
            .iter()
            .map(|v| {
                (
                    variant_name(original, p, v),
                    crate::files::FileData::Copy(v.file.clone()),
                )
            })
            .collect(),
        None => vec![(
            original.to_string(),
            crate::files::FileData::Copy(source_file.to_path_buf()),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_named_after_the_original() {
        let p = Processed {
            width: 1280,
            height: 960,
            ext: "jpg".into(),
            variants: vec![
                Variant {
                    width: 480,
                    height: 360,
                    file: "480.jpg".into(),
                },
                Variant {
                    width: 1280,
                    height: 960,
                    file: "1280.jpg".into(),
                },
            ],
        };
        assert_eq!(
            variant_name("anh lop.jpeg", &p, &p.variants[0]),
            "anh lop-480.jpg"
        );
        assert_eq!(variant_name("anh.png", &p, &p.variants[1]), "anh.jpg");
        let attrs = img_attributes("anh.jpg", &p, "");
        assert!(
            attrs.contains("srcset=\"anh-480.jpg 480w, anh.jpg 1280w\""),
            "{attrs}"
        );
        assert!(attrs.contains("width=\"1280\" height=\"960\" loading=\"lazy\""));
    }
}
