//! What a row of the function table is (`row.rs`: its kinds, native,
//! shell, document getters, add-on getters, Supervisor actions) and the rule
//! for bashio's deprecated names (`deprecated.rs`): the words the modules
//! under `bashio/` build their rows with. It names none of them, so
//! everything points one way: `bashio/` builds rows from here, and the joined
//! table (`functions`) lists, finds and calls them.
//!
//! A row is data wherever bashio's function is data (an add-on getter is a
//! cache key and a jq filter); the moment it needs an `if`, it is native code.

#![forbid(unsafe_code)]

pub mod deprecated;
pub mod row;

pub use row::*;

/// Levenshtein distance, for "closest name" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}
