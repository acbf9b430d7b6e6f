//! A plain key's value read straight from JSON text: one pass over the
//! text that builds only the value the key leads to, and skips the rest.
//!
//! A call in `x=$(bashio::config KEY)` runs in a fresh subshell, so nothing
//! parsed by an earlier call is left to reuse: building every value of the
//! options only to print one of them was most of what such a call did. The
//! skipped parts are still read in full, so a text that is not one
//! well-formed JSON document is refused as before and left to jq.

#![forbid(unsafe_code)]

use super::path::{cannot_index, Segment, WalkError};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// What a key leads to.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// `null`, a missing field or index, or anything below a `null`.
    Null,
    Value(Value),
    /// jq's "Cannot index" error.
    Error(WalkError),
    /// What this reader leaves to a parse of the whole text: an index
    /// counted from the end (it needs the array's length first), or a text
    /// whose skipped parts serde would not refuse where jq does.
    Unsupported,
}

/// The key's value in `input`, which must be exactly one JSON text; `None`
/// when it is not one that serde reads as jq does.
pub fn lookup(input: &[u8], path: &[Segment]) -> Option<Found> {
    if !skipping_reads_as_jq(input) {
        return Some(Found::Unsupported);
    }
    let mut reader = serde_json::Deserializer::from_slice(input);
    let found = Seek(path).deserialize(&mut reader).ok()?;
    reader.end().ok()?;
    Some(found)
}

/// Whether skipping over parts of `input` refuses all that jq refuses
/// there. serde checks a skipped part's syntax but neither how deep it nests
/// (jq stops at [`MAX_DEPTH`](super::jq::MAX_DEPTH)) nor whether a `\\u`
/// escape is half of a surrogate pair with no other half (jq refuses those);
/// a text that could hold either is read whole instead.
fn skipping_reads_as_jq(input: &[u8]) -> bool {
    let mut brackets = 0;
    for (at, c) in input.iter().enumerate() {
        match c {
            b'[' | b'{' => brackets += 1,
            b'\\'
                if input.get(at + 1) == Some(&b'u')
                    && matches!(input.get(at + 2), Some(b'd' | b'D'))
                    && matches!(
                        input.get(at + 3),
                        Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
                    ) =>
            {
                return false
            }
            _ => {}
        }
    }
    brackets < super::jq::MAX_DEPTH
}

/// serde_json hands a number to a visitor as a map holding this one key
/// when numbers keep their text (its `arbitrary_precision` feature), as
/// they do here.
const NUMBER_KEY: &str = "$serde_json::private::Number";

/// The rest of the key, applied to the value being read.
struct Seek<'p>(&'p [Segment]);

impl Seek<'_> {
    fn cannot(&self, kind: &str) -> Found {
        Found::Error(cannot_index(kind, &self.0[0]))
    }
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = Found;

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<Found, D::Error> {
        if self.0.is_empty() {
            return Ok(match Value::deserialize(reader)? {
                Value::Null => Found::Null,
                value => Found::Value(value),
            });
        }
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Found, E> {
        Ok(self.cannot("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Found, E> {
        Ok(self.cannot("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Found, E> {
        Ok(self.cannot("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Found, E> {
        Ok(self.cannot("number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Found, E> {
        Ok(self.cannot("string"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Found, A::Error> {
        let wanted = match self.0[0] {
            Segment::Index(i) if i < 0 => {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Found::Unsupported);
            }
            Segment::Index(i) => i,
            Segment::Key(_) => {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(self.cannot("array"));
            }
        };
        let mut found = Found::Null;
        let mut at = 0;
        loop {
            if at == wanted {
                match items.next_element_seed(Seek(&self.0[1..]))? {
                    Some(value) => found = value,
                    None => break,
                }
            } else if items.next_element::<IgnoredAny>()?.is_none() {
                break;
            }
            at += 1;
        }
        Ok(found)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Found, A::Error> {
        let wanted = match &self.0[0] {
            Segment::Key(name) => Some(name.as_str()),
            Segment::Index(_) => None,
        };
        let mut found = Found::Null;
        let mut first = true;
        while let Some(key) = members.next_key_seed(KeyIs(wanted))? {
            match key {
                Key::Number if first => {
                    members.next_value::<IgnoredAny>()?;
                    return Ok(self.cannot("number"));
                }
                Key::Wanted => found = members.next_value_seed(Seek(&self.0[1..]))?,
                Key::Number | Key::Other => {
                    members.next_value::<IgnoredAny>()?;
                }
            }
            first = false;
        }
        Ok(match wanted {
            Some(_) => found,
            None => self.cannot("object"),
        })
    }
}

/// A member's key, compared with the wanted one without being kept.
enum Key {
    Wanted,
    /// serde_json's marker of a number ([`NUMBER_KEY`]).
    Number,
    Other,
}

struct KeyIs<'k>(Option<&'k str>);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<Key, D::Error> {
        reader.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if self.0 == Some(key) {
            Key::Wanted
        } else if key == NUMBER_KEY {
            Key::Number
        } else {
            Key::Other
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::path::{parse_plain_key, walk};

    /// The reader agrees with building the whole document and walking it.
    fn agrees(doc: &str, key: &str) {
        let path = parse_plain_key(key).expect("a plain key");
        let whole: Value = serde_json::from_str(doc).expect("plain JSON");
        let expected = match walk(&whole, &path) {
            Ok(None) => Found::Null,
            Ok(Some(v)) => Found::Value(v.clone()),
            Err(e) => Found::Error(e),
        };
        match lookup(doc.as_bytes(), &path) {
            // Left to the whole parse: an index from the end, a surrogate escape.
            Some(Found::Unsupported) => assert!(
                key.contains("[-") || doc.to_ascii_lowercase().contains("\\ud"),
                "{key} on {doc}"
            ),
            found => assert_eq!(found, Some(expected), "{key} on {doc}"),
        }
    }

    #[test]
    fn finds_what_the_whole_document_holds() {
        let doc = r#"{"database":{"host":"db","port":3306,"ssl":false,"opts":{}},"n":1.50,"big":1e1000,"neg":-0,"list":[1,[2,3],{"k":null}],"s":"x","t":true,"z":null,"dup":1,"dup":{"a":2},"esc\u0041":"escaped key"}"#;
        for key in [
            "database",
            "database.host",
            "database.port",
            "database.port.x",
            "database.host.x",
            "database.ssl.x",
            "database.opts",
            "database.missing.deeper",
            "database[0]",
            "n",
            "n.x",
            "n[0]",
            "big",
            "neg",
            "list",
            "list[0]",
            "list[1][1]",
            "list[1][5]",
            "list[2].k",
            "list[2].k.deeper[3]",
            "list.x",
            "s[0]",
            "t.x",
            "z.x",
            "dup",
            "dup.a",
            "escA",
            "missing",
            "list[-1]",
        ] {
            agrees(doc, key);
        }
        agrees("[1,2]", "[1]");
        agrees("7", "a");
        agrees("null", "a.b");
        agrees(r#""text""#, "[0]");
    }

    /// Random documents (nested, with repeated keys and odd spacing) and
    /// random keys into them: the reader agrees with the whole parse.
    #[test]
    fn agrees_on_random_documents() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        const NAMES: [&str; 4] = ["a", "b", "c d", "\\u0061"];
        fn value(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
            let space = [" ", "", "\n", "\t"][next(4) as usize];
            match next(if depth > 3 { 6 } else { 8 }) {
                0 => "null".into(),
                1 => "true".into(),
                2 => ["0", "-1.50", "1e1000", "100000000000000000001"][next(4) as usize].into(),
                3 => format!(
                    "\"{}\"",
                    ["x", "\\n", "\\ud83d\\ude00", ""][next(4) as usize]
                ),
                4 => "{}".into(),
                5 => "[]".into(),
                6 => {
                    let items: Vec<String> = (0..next(4)).map(|_| value(next, depth + 1)).collect();
                    format!("[{space}{}]", items.join(&format!(",{space}")))
                }
                _ => {
                    let members: Vec<String> = (0..next(5))
                        .map(|_| {
                            format!(
                                "\"{}\"{space}:{}",
                                NAMES[next(4) as usize],
                                value(next, depth + 1)
                            )
                        })
                        .collect();
                    format!("{{{}}}", members.join(","))
                }
            }
        }
        let mut compared = 0;
        for _ in 0..3000 {
            let doc = value(&mut next, 0);
            let key: Vec<String> = (0..=next(3))
                .map(|_| match next(3) {
                    0 => format!("[{}]", next(3)),
                    1 => "[-1]".into(),
                    _ => ["a", "b", "[\"c d\"]", "a"][next(4) as usize].into(),
                })
                .collect();
            let key = key.join(".").replace(".[", "[");
            if parse_plain_key(&key).is_some() && serde_json::from_str::<Value>(&doc).is_ok() {
                agrees(&doc, &key);
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn a_number_first_in_an_object_is_a_number_only_when_serde_says_so() {
        let path = parse_plain_key("x").expect("a plain key");
        let found = lookup(br#"{"$serde_json::private::Number":"1","x":2}"#, &path);
        // serde_json reads such an object as a number; so did the whole parse.
        assert!(matches!(found, None | Some(Found::Error(_))));
    }

    #[test]
    fn refuses_what_is_not_one_json_text() {
        let path = parse_plain_key("a").expect("a plain key");
        for input in crate::engine::path::tests::NOT_ONE_JSON_TEXT {
            assert!(
                matches!(lookup(input, &path), None | Some(Found::Unsupported)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn skipped_parts_are_refused_where_jq_refuses_them() {
        let path = parse_plain_key("a").expect("a plain key");
        // jq reads a stray byte without complaint, and so does this reader.
        let input = b"{\"c\":\"\xff\",\"a\":1}";
        assert!(matches!(lookup(input, &path), Some(Found::Value(_))));
        // A surrogate escape or deep nesting sends the text to be read whole.
        let input = br#"{"b":"\uD83D\ude00","a":1}"#;
        assert_eq!(lookup(input, &path), Some(Found::Unsupported));
        let deep = format!(
            "{{\"a\":1,\"b\":{}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert_eq!(lookup(deep.as_bytes(), &path), Some(Found::Unsupported));
    }
}
