//! The JSON query engines behind bashio's jq contract: jq filters through jaq,
//! `$`-prefixed keys through JSONPath, and a native walk for plain dotted keys.

pub mod call;
pub mod jq;
pub mod jsonpath;
pub mod path;
pub mod seek;
