//! bashio's color.sh: escape sequences that switch the terminal's colours.

#![forbid(unsafe_code)]

use crate::ctx::{Args, Ctx, Ret, OK};
use crate::table::row::{Body::*, Function};

macro_rules! colour {
    ($name:literal, $code:literal, $what:literal) => {
        Function::new(
            concat!("bashio::color.", $name),
            Native(|ctx: &mut Ctx, _: &Args| -> Ret {
                if !super::log::colours_off() {
                    ctx.print(concat!("\x1b[", $code, "m").as_bytes());
                }
                OK
            }),
            concat!(": switch output to ", $what),
        )
    };
}

pub const FUNCTIONS: &[Function] = &[
    colour!("reset", "0", "the default colours"),
    colour!("default", "39", "the default foreground"),
    colour!("black", "30", "black"),
    colour!("red", "31", "red"),
    colour!("green", "32", "green"),
    colour!("yellow", "33", "yellow"),
    colour!("blue", "34", "blue"),
    colour!("magenta", "35", "magenta"),
    colour!("cyan", "36", "cyan"),
    colour!("bg.default", "49", "the default background"),
    colour!("bg.black", "40", "a black background"),
    colour!("bg.red", "41", "a red background"),
    colour!("bg.green", "42", "a green background"),
    colour!("bg.yellow", "43", "a yellow background"),
    colour!("bg.blue", "44", "a blue background"),
    colour!("bg.magenta", "45", "a magenta background"),
    colour!("bg.cyan", "46", "a cyan background"),
    colour!("bg.white", "47", "a white background"),
];
