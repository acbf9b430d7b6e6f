//! sprig's `semverCompare CONSTRAINT VERSION`, with Masterminds/semver's
//! version and constraint grammar: `=`, `!=`, `>`, `<`, `>=`, `<=`, `~`,
//! `^`, wildcards (`1.2.x`, `*`), hyphen ranges (`1.2 - 1.4`), `,` or space
//! for AND and `||` for OR, prerelease versions matching only constraints
//! that name a prerelease.

#![forbid(unsafe_code)]

use super::funcs::{f, Func, Param::*};
use super::value::Value;
use std::cmp::Ordering;
use std::sync::OnceLock;

const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
const VERSION: &str = r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$";

struct Patterns {
    version: regex::Regex,
    constraint: regex::Regex,
    range: regex::Regex,
    find: regex::Regex,
    valid: regex::Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            Some(Patterns {
                version: regex::Regex::new(VERSION).ok()?,
                constraint: regex::Regex::new(&format!(r"^\s*({OPS})\s*({CV})\s*$")).ok()?,
                range: regex::Regex::new(&format!(r"\s*({CV})\s+-\s+({CV})\s*")).ok()?,
                find: regex::Regex::new(&format!(r"({OPS})\s*({CV})")).ok()?,
                valid: regex::Regex::new(&format!(
                    r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$"
                ))
                .ok()?,
            })
        })
        .as_ref()
}

#[derive(Clone, Debug)]
struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: String,
}

const INVALID: &str = "Invalid Semantic Version";

fn parse_version(text: &str) -> Result<Version, String> {
    let p = patterns().ok_or(INVALID)?;
    let m = p.version.captures(text).ok_or(INVALID)?;
    let number = |i: usize| -> Result<u64, String> {
        match m.get(i) {
            None => Ok(0),
            Some(g) => g
                .as_str()
                .trim_start_matches('.')
                .parse()
                .map_err(|_| INVALID.to_string()),
        }
    };
    Ok(Version {
        major: number(1)?,
        minor: number(2)?,
        patch: number(3)?,
        pre: m.get(5).map_or(String::new(), |g| g.as_str().to_string()),
    })
}

fn compare_pre(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let (xs, ys): (Vec<&str>, Vec<&str>) = (a.split('.').collect(), b.split('.').collect());
    for (x, y) in xs.iter().zip(ys.iter()) {
        let order = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(i), Ok(j)) => i.cmp(&j),
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            _ => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    xs.len().cmp(&ys.len())
}

fn compare(a: &Version, b: &Version) -> Ordering {
    (a.major, a.minor, a.patch)
        .cmp(&(b.major, b.minor, b.patch))
        .then_with(|| compare_pre(&a.pre, &b.pre))
}

struct Constraint {
    op: String,
    con: Version,
    minor_dirty: bool,
    patch_dirty: bool,
    dirty: bool,
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "*" | "X")
}

fn parse_constraint(c: &str, p: &Patterns) -> Result<Constraint, String> {
    let m = p
        .constraint
        .captures(c)
        .ok_or_else(|| format!("improper constraint: {c}"))?;
    let group = |i: usize| m.get(i).map_or("", |g| g.as_str());
    let (major, minor, patch, pre) = (group(3), group(4), group(5), group(6));
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    let version = if is_x(major) || major.is_empty() {
        dirty = true;
        format!("0.0.0{pre}")
    } else if is_x(minor.trim_start_matches('.')) || minor.is_empty() {
        minor_dirty = true;
        dirty = true;
        format!("{major}.0.0{pre}")
    } else if is_x(patch.trim_start_matches('.')) || patch.is_empty() {
        dirty = true;
        patch_dirty = true;
        format!("{major}{minor}.0{pre}")
    } else {
        group(2).to_string()
    };
    let con = parse_version(&version).map_err(|_| "constraint Parser Error".to_string())?;
    Ok(Constraint {
        op: group(1).to_string(),
        con,
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

fn tilde(v: &Version, c: &Constraint) -> bool {
    if compare(v, &c.con) == Ordering::Less {
        return false;
    }
    if c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty
    {
        return true;
    }
    v.major == c.con.major && (v.minor == c.con.minor || c.minor_dirty)
}

fn check(v: &Version, c: &Constraint) -> bool {
    if !v.pre.is_empty() && c.con.pre.is_empty() {
        return false;
    }
    let order = compare(v, &c.con);
    match c.op.as_str() {
        "" | "=" => {
            if c.dirty {
                tilde(v, c)
            } else {
                order == Ordering::Equal
            }
        }
        "!=" => {
            if c.dirty {
                if c.con.major != v.major {
                    return true;
                }
                if c.con.minor != v.minor && !c.minor_dirty {
                    return true;
                } else if c.minor_dirty {
                    return false;
                } else if c.con.patch != v.patch && !c.patch_dirty {
                    return true;
                } else if c.patch_dirty {
                    return compare_pre(&v.pre, &c.con.pre) != Ordering::Equal
                        && (!v.pre.is_empty() || !c.con.pre.is_empty());
                }
            }
            order != Ordering::Equal
        }
        ">" => {
            if !c.dirty {
                order == Ordering::Greater
            } else if v.major != c.con.major {
                v.major > c.con.major
            } else if c.minor_dirty {
                false
            } else if c.patch_dirty {
                v.minor > c.con.minor
            } else {
                order == Ordering::Greater
            }
        }
        "<" => order == Ordering::Less,
        ">=" | "=>" => order != Ordering::Less,
        "<=" | "=<" => {
            if !c.dirty {
                return order != Ordering::Greater;
            }
            !(v.major > c.con.major
                || v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty)
        }
        "~" | "~>" => tilde(v, c),
        _ => {
            // ^
            if order == Ordering::Less {
                return false;
            }
            if c.con.major > 0 || c.minor_dirty {
                return v.major == c.con.major;
            }
            if v.major > 0 {
                return false;
            }
            if c.con.minor > 0 || c.patch_dirty {
                return v.minor == c.con.minor;
            }
            if v.minor > 0 {
                return false;
            }
            c.con.patch == v.patch
        }
    }
}

fn semver_compare(a: &[Value]) -> Result<Value, String> {
    let p = patterns().ok_or(INVALID)?;
    let constraint = a[0].as_str().unwrap_or_default();
    let mut text = constraint.to_string();
    for m in p.range.captures_iter(constraint) {
        let whole = m.get(0).map_or("", |g| g.as_str());
        let from = m.get(1).map_or("", |g| g.as_str());
        let to = m.get(11).map_or("", |g| g.as_str());
        text = text.replacen(whole, &format!(">= {from}, <= {to}"), 1);
    }
    let mut ors = Vec::new();
    for part in text.split("||") {
        if !p.valid.is_match(part) {
            return Err(format!("improper constraint: {part}"));
        }
        let found: Vec<&str> = p.find.find_iter(part).map(|m| m.as_str()).collect();
        let found = if found.is_empty() { vec![part] } else { found };
        let ands = found
            .into_iter()
            .map(|c| parse_constraint(c, p))
            .collect::<Result<Vec<_>, _>>()?;
        ors.push(ands);
    }
    let version = parse_version(a[1].as_str().unwrap_or_default())?;
    Ok(Value::Bool(
        ors.iter()
            .any(|ands| ands.iter().all(|c| check(&version, c))),
    ))
}

pub static TABLE: &[(&str, Func)] = &[("semverCompare", f(&[Str, Str], semver_compare))];
