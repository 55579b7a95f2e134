//! Compiles the embedded decision (`data/web-frameworks.ron`) to JSON at build time, so that
//! starting the app reads it with `serde_json` instead of parsing RON: a third of the first frame's
//! wait went into ron's parser (issue 8). The conversion is structural (a RON struct is a JSON
//! object, `Some(x)` is `x`, `None` and `()` are `null`), and the test
//! `the_embedded_json_is_the_ron_decision` keeps both readings equal.

use std::path::Path;

use ron::Value;
use serde_json::{Map, Value as Json};

const SOURCE: &str = "data/web-frameworks.ron";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let value: Value = ron::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}:{e}"));
    let json = serde_json::to_string(&to_json(value)).expect("JSON text");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("web-frameworks.json"), json).expect("write the JSON");
}

/// The same document as JSON.
fn to_json(value: Value) -> Json {
    match value {
        Value::Bool(b) => Json::Bool(b),
        Value::Char(c) => Json::String(c.to_string()),
        Value::String(s) => Json::String(s),
        Value::Bytes(bytes) => Json::Array(bytes.into_iter().map(Json::from).collect()),
        Value::Number(n) => serde_json::to_value(n).expect("a RON number is a JSON number"),
        Value::Option(Some(inner)) => to_json(*inner),
        Value::Option(None) | Value::Unit => Json::Null,
        Value::Seq(items) => Json::Array(items.into_iter().map(to_json).collect()),
        Value::Map(map) => Json::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let Value::String(key) = key else {
                        panic!("{SOURCE}: a map key that is not a string: {key:?}")
                    };
                    (key, to_json(value))
                })
                .collect::<Map<String, Json>>(),
        ),
    }
}
