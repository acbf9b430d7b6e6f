//! The bash builtins as a shared object, `libbashio_builtins.so`: the
//! bashio library linked whole, so that the entry points it exports
//! (`src/builtins/`, one `NAME_struct` per function) are what bash's
//! `enable -f` finds. No code of its own.

extern crate bashio;
