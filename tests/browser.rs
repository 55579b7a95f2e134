//! A real browser reads the exports: headless Chromium renders the HTML page (and the
//! standalone SVG) exported by the binary, its DOM holds the diagram's `<svg>` with every
//! layer title, and the screenshots are pictures, not blank pages. On a 390 px phone every
//! text of the page, the picture's included, measures 12 px or more, and a table that
//! scrolls sideways says so.
//!
//! Chromium must be installed (`.ci/run` installs Debian's `chromium`); without it these
//! tests fail and say so. Run them alone with `cargo test --test browser`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;
use stackpick::decision::Decision;
use stackpick::export::svg::layer_title;
use stackpick::score::{Answers, evaluate};

/// Django qualifies, Flask does not: the diagram has active and inactive layers.
const YES: &str = "django.admin-panel,django.permissions,django.security,flask.rest-api";
/// The qualifying gauge's fill in the SVG (`#2da44e`), drawn nowhere else on the page.
const GAUGE_GREEN: [u8; 3] = [0x2d, 0xa4, 0x4e];

/// The browser's command, or a failure that says how to install one.
fn chromium() -> &'static str {
    static FOUND: OnceLock<Result<&'static str, String>> = OnceLock::new();
    let found = FOUND.get_or_init(|| {
        let mut tried = Vec::new();
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            match Command::new(name).arg("--version").output() {
                Ok(out) if out.status.success() => return Ok(name),
                Ok(out) => tried.push(format!("`{name} --version` failed: {}", out.status)),
                Err(e) => tried.push(format!("{name}: {e}")),
            }
        }
        Err(tried.join("; "))
    });
    match found {
        Ok(name) => name,
        Err(message) => panic!(
            "a Chromium browser is required by the browser tests and none is usable ({message}). \
             Install it (`apt-get install chromium`; `.ci/run` does this)."
        ),
    }
}

/// Runs headless Chromium on a file with `args`; a browser that hangs is killed after two
/// minutes (a guard, not a measurement).
fn headless(file: &Path, profile: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", file.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the browser starts");
    // Read the output while the browser runs, so a large DOM cannot fill the pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let deadline = Instant::now() + Duration::from_mins(2);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the browser") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} did not finish on {}", chromium(), file.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = Vec::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_end(&mut stderr)
        .expect("stderr");
    let stdout = reader.join().expect("reader").expect("stdout");
    Output {
        status,
        stdout,
        stderr,
    }
}

/// Exports the decision with the binary, as a user would.
fn export(dir: &Path, format: &str) -> PathBuf {
    let path = dir.join(format!("decision.{format}"));
    cargo_bin_cmd!("stackpick")
        .env("STACKPICK_CONFIG_DIR", dir.join("no-config"))
        .args(["export", "--format", format, "--yes", YES, "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// A screenshot of `file`, decoded: width, height and RGBA pixels.
fn screenshot(dir: &Path, file: &Path, size: &str) -> (u32, u32, Vec<[u8; 4]>) {
    let png = dir.join(format!("{}.png", file.file_name().unwrap().to_string_lossy()));
    let output = headless(
        file,
        &dir.join("profile-shot"),
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={size}"),
        ],
    );
    assert!(
        output.status.success() && png.exists(),
        "the screenshot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let pixels = match info.color_type {
        png::ColorType::Rgba => buf[..info.buffer_size()]
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect(),
        png::ColorType::Rgb => buf[..info.buffer_size()]
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, pixels)
}

/// Asserts that a screenshot is a picture: many colours, much ink, and the green of the
/// qualifying gauge.
#[track_caller]
fn assert_drawn(pixels: &[[u8; 4]]) {
    let colours: std::collections::HashSet<[u8; 4]> = pixels.iter().copied().collect();
    let ink = pixels.iter().filter(|p| p[..3] != [255, 255, 255]).count();
    let green = pixels
        .iter()
        .filter(|p| p[..3].iter().zip(GAUGE_GREEN).all(|(a, b)| a.abs_diff(b) <= 3))
        .count();
    assert!(
        colours.len() > 50,
        "only {} colours: a blank page?",
        colours.len()
    );
    assert!(
        ink * 20 > pixels.len(),
        "only {ink} of {} pixels are not white",
        pixels.len()
    );
    assert!(
        green > 1000,
        "the qualifying gauge is not drawn ({green} green pixels)"
    );
}

#[test]
fn chromium_renders_the_html_export_with_the_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let html = export(dir.path(), "html");

    let output = headless(&html, &dir.path().join("profile-dom"), &["--dump-dom"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8(output.stdout).expect("utf-8 DOM");
    let start = dom
        .find("<svg")
        .unwrap_or_else(|| panic!("no <svg> in the DOM:\n{dom}"));
    let end = dom[start..].find("</svg>").expect("the <svg> is closed") + start;
    let svg = &dom[start..end];
    let decision = Decision::embedded();
    let answers = Answers::new(&decision, YES.split(','), None).unwrap();
    let stack = evaluate(&decision, &answers).stack;
    assert!(stack.layers.iter().any(|l| l.active) && stack.layers.iter().any(|l| !l.active));
    // The picture's lines, in order: a long title wraps onto the next one.
    let lines: Vec<&str> = svg
        .split("</text>")
        .filter_map(|part| part.rfind('>').map(|at| &part[at + 1..]))
        .collect();
    let words = lines.join(" ");
    for layer in &stack.layers {
        let title = layer_title(layer);
        assert!(
            words.contains(&title),
            "no layer {title:?} in the DOM's SVG:\n{svg}"
        );
    }
    assert!(dom.contains("<h2>Decision drivers</h2>"), "{dom}");

    let (width, height, pixels) = screenshot(dir.path(), &html, "1000,1400");
    assert_eq!((width, height), (1000, 1400));
    assert_drawn(&pixels);
}

#[test]
fn chromium_renders_the_standalone_svg() {
    let dir = tempfile::tempdir().unwrap();
    let svg = export(dir.path(), "svg");
    let (_, _, pixels) = screenshot(dir.path(), &svg, "800,900");
    assert_drawn(&pixels);
}

/// A phone's width in CSS pixels (an iPhone 12 to 15).
const PHONE: u32 = 390;

/// Measures the page in the frame `f` as it is drawn: the size of every text that is
/// drawn (an SVG `<text>` by its font size times the picture's scale on screen), the page's
/// width, and each sideways scroller (`overflow-x` auto or scroll): its width, its content's,
/// and its cue (the `::before` box, and the room in the scroller that its content leaves).
const MEASURE: &str = r"
function measure(win) {
  const doc = win.document;
  const out = { width: win.innerWidth, page: doc.documentElement.scrollWidth, texts: 0, svgTexts: 0, small: [], scrollers: [] };
  const walker = doc.createTreeWalker(doc.body, win.NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (!node.data.trim() || el.getClientRects().length === 0) continue;
    const style = win.getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof win.SVGElement) {
      // An SVG's <title> is not drawn; its text is scaled with the picture.
      if (!(el instanceof win.SVGTextContentElement)) continue;
      const m = el.getScreenCTM();
      size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      out.svgTexts++;
    }
    out.texts++;
    if (size < 12) out.small.push(el.tagName + ' at ' + size.toFixed(1) + ' px: ' + node.data.trim().slice(0, 60));
  }
  for (const el of doc.querySelectorAll('body *')) {
    const style = win.getComputedStyle(el);
    if (!['auto', 'scroll'].includes(style.overflowX)) continue;
    const cue = win.getComputedStyle(el, '::before');
    const children = [...el.children].reduce((h, c) => h + c.getBoundingClientRect().height, 0);
    out.scrollers.push({
      what: el.tagName + (el.className ? '.' + el.className : '') + ' ' + el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40),
      width: el.clientWidth,
      content: el.scrollWidth,
      cue: cue.content !== 'none' && cue.display !== 'none' && cue.visibility === 'visible' && parseFloat(cue.opacity) > 0,
      cueText: cue.content,
      cueSize: parseFloat(cue.fontSize),
      room: el.scrollHeight - children,
    });
  }
  return out;
}
// `--dump-dom` prints the DOM once the test page has loaded; a frame left open holds that
// back until the measurement is written. A scroll timeline is sampled at the start of a
// frame: the page is measured after a few frames, as a reader sees it.
const gate = document.getElementById('gate').contentDocument;
gate.open();
const frame = document.getElementById('f');
frame.addEventListener('load', () => {
  let frames = 0;
  const next = () => {
    if (++frames < 4) return requestAnimationFrame(next);
    try {
      document.getElementById('measured').textContent = JSON.stringify(measure(frame.contentWindow));
    } finally {
      gate.close();
    }
  };
  requestAnimationFrame(next);
});
";

/// `page` at a phone's width, measured: a test page holds it in a `PHONE` px frame (its
/// viewport, for its media queries too; a headless window is at least 500 px wide) with the
/// measurement, which writes what it found into the DOM that `--dump-dom` prints. The
/// exported page itself holds no script.
fn measure_on_a_phone(dir: &Path, page: &Path) -> serde_json::Value {
    let html = std::fs::read_to_string(page).expect("the page");
    let attribute = html
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let test_page = dir.join("phone.html");
    std::fs::write(
        &test_page,
        format!(
            "<!DOCTYPE html>\n<html><body style=\"margin:0\">\
             <iframe id=\"f\" style=\"width:{PHONE}px;height:844px;border:0\" srcdoc=\"{attribute}\"></iframe>\
             <iframe id=\"gate\"></iframe><pre id=\"measured\"></pre><script>{MEASURE}</script></body></html>\n"
        ),
    )
    .unwrap();
    let output = headless(&test_page, &dir.join("profile-phone"), &["--dump-dom"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8(output.stdout).expect("utf-8 DOM");
    let start = dom
        .find("<pre id=\"measured\">")
        .expect("the measurement's element")
        + "<pre id=\"measured\">".len();
    let end = dom[start..].find("</pre>").expect("closed") + start;
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: the page was not measured:\n{dom}"))
}

#[test]
fn on_a_390px_phone_every_text_is_12px_or_more_and_sideways_tables_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let html = export(dir.path(), "html");
    // The measurement is the test page's: the exported page ships no script.
    assert!(!std::fs::read_to_string(&html).unwrap().contains("<script"));
    let measured = measure_on_a_phone(dir.path(), &html);
    assert_eq!(
        measured["width"], PHONE,
        "the page is laid out at a phone's width"
    );
    let count = |key: &str| measured[key].as_u64().unwrap_or_default();
    assert!(
        count("texts") > 100 && count("svgTexts") > 20,
        "the page's texts and the picture's are measured: {measured:#}"
    );
    let small = measured["small"].as_array().expect("a list");
    assert!(
        small.is_empty(),
        "texts under 12 px at {PHONE} px:\n{}",
        small
            .iter()
            .map(|s| s.as_str().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        measured["page"].as_u64() <= Some(u64::from(PHONE)),
        "the page itself scrolls sideways: {measured:#}"
    );
    // The comparison has a column per option: too wide for a phone, so it scrolls.
    let scrollers = measured["scrollers"].as_array().expect("a list");
    let wide = |s: &&serde_json::Value| s["content"].as_f64() > s["width"].as_f64();
    assert!(
        scrollers.iter().any(|s| wide(&s)),
        "no table is wider than the phone: {measured:#}"
    );
    for scroller in scrollers {
        let what = &scroller["what"];
        if wide(&scroller) {
            assert_eq!(
                scroller["cue"], true,
                "{what} scrolls sideways without a cue: {scroller:#}"
            );
            let size = scroller["cueSize"].as_f64().unwrap_or_default();
            assert!(size >= 12.0, "{what}: its cue is {size} px");
            assert!(
                scroller["room"].as_f64().unwrap_or_default() >= size,
                "{what}: its cue takes no room, so it is not drawn: {scroller:#}"
            );
        } else {
            assert_eq!(
                scroller["cue"], false,
                "{what} fits, yet says it scrolls: {scroller:#}"
            );
            assert!(
                scroller["room"].as_f64().unwrap_or_default() < 12.0,
                "{what} fits, yet keeps room for a cue: {scroller:#}"
            );
        }
    }
}
