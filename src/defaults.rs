//! The settings bashio reads once when sourced (`LOG_LEVEL`, `SUPERVISOR_API`,
//! ...) with their defaults, and the log levels' names and numbers. The
//! binary (ctx.rs, the log module) reads them here, and the bash library's
//! constants and level names (src/shim_header.sh) are generated from here,
//! so the two cannot disagree.

#![forbid(unsafe_code)]

/// A setting: the public variable and its default.
pub struct Setting {
    pub name: &'static str,
    pub default: &'static str,
}

pub const CACHE_DIR: Setting = Setting {
    name: "CACHE_DIR",
    default: "/tmp/.bashio",
};
pub const HIBP_ENDPOINT: Setting = Setting {
    name: "HIBP_ENDPOINT",
    default: "https://api.pwnedpasswords.com/range",
};
pub const LOG_FORMAT: Setting = Setting {
    name: "LOG_FORMAT",
    default: "[{TIMESTAMP}] {LEVEL}: {MESSAGE}",
};
/// INFO.
pub const LOG_LEVEL: Setting = Setting {
    name: "LOG_LEVEL",
    default: "5",
};
pub const LOG_TIMESTAMP: Setting = Setting {
    name: "LOG_TIMESTAMP",
    default: "%T",
};
pub const SUPERVISOR_API: Setting = Setting {
    name: "SUPERVISOR_API",
    default: "http://supervisor",
};
pub const SUPERVISOR_TOKEN: Setting = Setting {
    name: "SUPERVISOR_TOKEN",
    default: "",
};

/// Every setting, by name.
pub const SETTINGS: &[Setting] = &[
    CACHE_DIR,
    HIBP_ENDPOINT,
    LOG_FORMAT,
    LOG_LEVEL,
    LOG_TIMESTAMP,
    SUPERVISOR_API,
    SUPERVISOR_TOKEN,
];

pub const OFF: i32 = 0;
pub const FATAL: i32 = 1;
pub const ERROR: i32 = 2;
pub const WARNING: i32 = 3;
pub const NOTICE: i32 = 4;
pub const INFO: i32 = 5;
pub const DEBUG: i32 = 6;
pub const TRACE: i32 = 7;
pub const ALL: i32 = 8;

/// The log levels, by number.
pub const LEVELS: &[(&str, i32)] = &[
    ("OFF", OFF),
    ("FATAL", FATAL),
    ("ERROR", ERROR),
    ("WARNING", WARNING),
    ("NOTICE", NOTICE),
    ("INFO", INFO),
    ("DEBUG", DEBUG),
    ("TRACE", TRACE),
    ("ALL", ALL),
];

/// Other names a level answers to.
pub const LEVEL_ALIASES: &[(&str, i32)] = &[("CRITICAL", FATAL)];

/// A level name as `bashio::log.level` and LOG_LEVEL accept it, in any case.
pub fn level_by_name(name: &str) -> Option<i32> {
    LEVELS
        .iter()
        .chain(LEVEL_ALIASES)
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|&(_, level)| level)
}

/// LOG_LEVEL as bashio compares it: `[[ LEVEL -gt "${__BASHIO_LOG_LEVEL}" ]]`
/// evaluates it as bash arithmetic, so `-1` logs nothing, `+6` and `0x6` are
/// 6, and a value bash cannot evaluate (`08`, `6.0`) makes every comparison
/// fail, which logs every line. A level name (`debug`) is the level it names,
/// where bashio dies with "unbound variable"; any other word is the default.
pub fn parse_level(value: &[u8]) -> i32 {
    let text = String::from_utf8_lossy(value);
    let trimmed = text.trim();
    if let Some(level) = level_by_name(trimmed) {
        return level;
    }
    let word = trimmed
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if word {
        return INFO;
    }
    match crate::arith::evaluate(&text) {
        Some(level) => level.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        None => i32::MAX,
    }
}

/// The bash library's `readonly __BASHIO_DEFAULT_*` lines.
pub fn shell_defaults() -> String {
    SETTINGS
        .iter()
        .map(|setting| {
            let number =
                !setting.default.is_empty() && setting.default.bytes().all(|b| b.is_ascii_digit());
            if number {
                format!(
                    "readonly __BASHIO_DEFAULT_{}={}\n",
                    setting.name, setting.default
                )
            } else {
                format!(
                    "readonly __BASHIO_DEFAULT_{}=\"{}\"\n",
                    setting.name, setting.default
                )
            }
        })
        .collect()
}

/// The bash library's level constants (`__BASHIO_LOG_LEVEL_INFO`, by name)
/// and `__BASHIO_LOG_LEVELS` (the name of each number).
pub fn shell_levels() -> String {
    let mut by_name: Vec<&(&str, i32)> = LEVELS.iter().collect();
    by_name.sort();
    let mut out: String = by_name
        .iter()
        .map(|(name, level)| format!("readonly __BASHIO_LOG_LEVEL_{name}={level}\n"))
        .collect();
    out.push_str("readonly -A __BASHIO_LOG_LEVELS=(\n");
    for line in LEVELS.chunks(5) {
        let words: Vec<String> = line
            .iter()
            .map(|(name, level)| format!("[{level}]=\"{name}\""))
            .collect();
        out.push_str(&format!("    {}\n", words.join(" ")));
    }
    out.push_str(")\n");
    out
}

/// The bash library's `case` arms that take a LOG_LEVEL given by name, from
/// the most verbose level down.
pub fn shell_level_names() -> String {
    LEVELS
        .iter()
        .rev()
        .map(|&(name, level)| {
            let mut names = vec![name.to_lowercase()];
            names.extend(
                LEVEL_ALIASES
                    .iter()
                    .filter(|&&(_, alias)| alias == level)
                    .map(|(alias, _)| alias.to_lowercase()),
            );
            format!(
                "        {}) __BASHIO_LOG_LEVEL={level} ;;\n",
                names.join(" | ")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_level_is_info() {
        assert_eq!(LOG_LEVEL.default.parse::<i32>().ok(), Some(INFO));
        assert!(LEVELS
            .iter()
            .enumerate()
            .all(|(i, &(_, level))| level == i as i32));
    }

    #[test]
    fn names_are_found_in_any_case() {
        assert_eq!(level_by_name("Debug"), Some(DEBUG));
        assert_eq!(level_by_name("critical"), Some(FATAL));
        assert_eq!(level_by_name("verbose"), None);
    }

    #[test]
    fn shell_text() {
        assert!(shell_defaults().contains("readonly __BASHIO_DEFAULT_LOG_LEVEL=5\n"));
        assert!(shell_defaults().contains("readonly __BASHIO_DEFAULT_SUPERVISOR_TOKEN=\"\"\n"));
        assert!(shell_level_names().contains("        fatal | critical) __BASHIO_LOG_LEVEL=1 ;;\n"));
    }
}
