//! The JSON query engines behind bashio's jq contract: jq filters through jaq,
//! `$`-prefixed keys through JSONPath, and a native walk for plain dotted keys.

pub mod call;
pub mod jq;
pub mod jq_error;
pub mod jq_lex;
pub mod jq_syntax;
pub mod jq_units;
pub mod jsonpath;
pub mod path;
