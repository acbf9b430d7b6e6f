//! The settings bashio reads once when sourced (`LOG_LEVEL`, `SUPERVISOR_API`,
//! ...) with their defaults, and the log levels' names and numbers. The
//! binary (ctx.rs, the log module) reads them here, and the bash library's
//! constants and level names (src/shim_header.sh) are generated from here,
//! so the two cannot disagree.

#![forbid(unsafe_code)]

/// A setting: the public variable and its default.
pub struct Setting {
    pub name: &'static str,
    /// The variable the bash library keeps the setting in, `__BASHIO_NAME`,
    /// which it passes to every call.
    pub library_variable: &'static str,
    pub default: &'static str,
}

/// A [`Setting`] named once: its library variable is spelled from its name.
macro_rules! setting {
    ($name:literal, $default:expr) => {
        Setting {
            name: $name,
            library_variable: concat!("__BASHIO_", $name),
            default: $default,
        }
    };
}

pub const CACHE_DIR: Setting = setting!("CACHE_DIR", "/tmp/.bashio");
pub const HIBP_ENDPOINT: Setting =
    setting!("HIBP_ENDPOINT", "https://api.pwnedpasswords.com/range");
pub const LOG_FORMAT: Setting = setting!("LOG_FORMAT", "[{TIMESTAMP}] {LEVEL}: {MESSAGE}");
/// INFO.
pub const LOG_LEVEL: Setting = setting!("LOG_LEVEL", "5");
pub const LOG_TIMESTAMP: Setting = setting!("LOG_TIMESTAMP", "%T");
pub const SUPERVISOR_API: Setting = setting!("SUPERVISOR_API", "http://supervisor");
pub const SUPERVISOR_TOKEN: Setting = setting!("SUPERVISOR_TOKEN", "");

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
    if is_word(trimmed) {
        return INFO;
    }
    match crate::arith::evaluate(&text) {
        Some(level) => level.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        None => i32::MAX,
    }
}

/// A shell word that names a variable (`[[:alpha:]_][[:alnum:]_]*`, in
/// ASCII): as a log level, the default.
fn is_word(text: &str) -> bool {
    text.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// bashio's exit statuses, as scripts read them.
pub const EXIT_STATUSES: &[(&str, &str)] = &[("OK", "0"), ("NOK", "1")];

/// bashio's colour escapes, as scripts read them (`\033` as written, for
/// `echo -e` and printf to expand).
pub const COLORS: &[(&str, &str)] = &[
    ("ESCAPE", "\\033["),
    ("RESET", "\\033[0m"),
    ("DEFAULT", "\\033[39m"),
    ("BLACK", "\\033[30m"),
    ("RED", "\\033[31m"),
    ("GREEN", "\\033[32m"),
    ("YELLOW", "\\033[33m"),
    ("BLUE", "\\033[34m"),
    ("MAGENTA", "\\033[35m"),
    ("CYAN", "\\033[36m"),
    ("LIGHT_GRAY", "\\033[37m"),
    ("BG_DEFAULT", "\\033[49m"),
    ("BG_BLACK", "\\033[40m"),
    ("BG_RED", "\\033[41m"),
    ("BG_GREEN", "\\033[42m"),
    ("BG_YELLOW", "\\033[43m"),
    ("BG_BLUE", "\\033[44m"),
    ("BG_MAGENTA", "\\033[45m"),
    ("BG_CYAN", "\\033[46m"),
    ("BG_WHITE", "\\033[47m"),
];

/// Every read-only scalar the bash library defines, name and value, in the
/// order it defines them: the settings' defaults, the exit statuses, the
/// level numbers by name, the colours. The function library writes them as
/// `readonly` lines; the builtins library binds them directly.
pub fn constants() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = SETTINGS
        .iter()
        .map(|s| {
            (
                format!("__BASHIO_DEFAULT_{}", s.name),
                s.default.to_string(),
            )
        })
        .collect();
    out.extend(
        EXIT_STATUSES
            .iter()
            .map(|(name, value)| (format!("__BASHIO_EXIT_{name}"), value.to_string())),
    );
    let mut by_name: Vec<&(&str, i32)> = LEVELS.iter().collect();
    by_name.sort();
    out.extend(
        by_name
            .iter()
            .map(|(name, level)| (format!("__BASHIO_LOG_LEVEL_{name}"), level.to_string())),
    );
    out.extend(
        COLORS
            .iter()
            .map(|(name, value)| (format!("__BASHIO_COLORS_{name}"), value.to_string())),
    );
    out
}

/// The bash library's `readonly` lines of [`constants`].
pub fn shell_constants() -> String {
    constants()
        .iter()
        .map(|(name, value)| {
            let number = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
            if number {
                format!("readonly {name}={value}\n")
            } else {
                format!("readonly {name}=\"{value}\"\n")
            }
        })
        .collect()
}

/// The bash library's array of the name of each level's number.
pub const LEVEL_NAMES_ARRAY: &str = "__BASHIO_LOG_LEVELS";

/// The bash library's `__BASHIO_LOG_LEVELS`: the name of each number.
pub fn shell_level_table() -> String {
    let mut out = format!("readonly -A {LEVEL_NAMES_ARRAY}=(\n");
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

/// LOG_LEVEL as the bash library settles it when sourced: a number stays,
/// a level's name (any case) becomes its number, any other single word the
/// default, anything else stays for bashio's arithmetic. None when the
/// answer would depend on the locale (non-ASCII text): bash decides those.
pub fn settle_level(value: &str) -> Option<String> {
    if !value.is_ascii() {
        return None;
    }
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value.to_string());
    }
    if let Some(level) = level_by_name(value) {
        return Some(level.to_string());
    }
    // `^[[:space:]]*[[:alpha:]_][[:alnum:]_]*[[:space:]]*$`, in ASCII.
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let word = value.trim_matches(|c: char| c.is_ascii() && space(&(c as u8)));
    Some(if is_word(word) {
        LOG_LEVEL.default.to_string()
    } else {
        value.to_string()
    })
}

/// The constants and settings as bash code (src/shim_settings.sh, filled
/// in from here): the function library runs it, and the builtins library
/// leaves it to bash when its values depend on more than it decides itself.
pub fn shell_settings() -> String {
    SETTINGS_CODE
        .replace("# @constants (src/defaults.rs)\n", &shell_constants())
        .replace(
            "        # @level-names (src/defaults.rs)\n",
            &shell_level_names(),
        )
}

const SETTINGS_CODE: &str = include_str!("shim_settings.sh");

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
        assert!(!shell_settings().contains("# @"));
        assert!(shell_constants().contains("readonly __BASHIO_DEFAULT_LOG_LEVEL=5\n"));
        assert!(shell_constants().contains("readonly __BASHIO_DEFAULT_SUPERVISOR_TOKEN=\"\"\n"));
        assert!(shell_constants().contains("readonly __BASHIO_COLORS_RED=\"\\033[31m\"\n"));
        assert!(shell_level_names().contains("        fatal | critical) __BASHIO_LOG_LEVEL=1 ;;\n"));
    }
}
