//! Strings without the C library or core's comparisons: neither `==` on
//! slices nor `contains` (the one calls memcmp, the other core's memchr,
//! which the binary's link-time optimization keeps to itself), and no
//! indexing that could panic. Buffers live on the stack or in the start's
//! own mapping and are filled byte by byte.

use core::mem::MaybeUninit;

/// The bytes of a NUL-terminated string, which lives as long as the process.
///
/// # Safety
/// `pointer` points at a NUL-terminated string that is never freed.
pub unsafe fn c_bytes(pointer: *const u8) -> &'static [u8] {
    let mut length = 0;
    while *pointer.add(length) != 0 {
        length += 1;
    }
    core::slice::from_raw_parts(pointer, length)
}

pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

#[allow(clippy::manual_contains)] // contains calls memchr (above)
pub fn has(bytes: &[u8], byte: u8) -> bool {
    bytes.iter().any(|b| *b == byte)
}

pub fn after_last(bytes: &[u8], byte: u8) -> &[u8] {
    match bytes.iter().rposition(|b| *b == byte) {
        Some(at) => bytes
            .split_at_checked(at + 1)
            .map_or(&[], |(_, after)| after),
        None => bytes,
    }
}

pub fn before_last(bytes: &[u8], byte: u8) -> &[u8] {
    match bytes.iter().rposition(|b| *b == byte) {
        Some(at) => bytes.split_at_checked(at).map_or(&[], |(before, _)| before),
        None => &[],
    }
}

/// The name of ENTRY (`NAME=value`): what comes before its first `=`.
pub fn name_of(entry: &[u8]) -> Option<&[u8]> {
    let at = entry.iter().position(|b| *b == b'=')?;
    entry.split_at_checked(at).map(|(name, _)| name)
}

/// The value of ENTRY (`NAME=value`) when its name is NAME.
pub fn value_of<'a>(entry: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let (head, rest) = entry.split_at_checked(name.len())?;
    match rest.split_first() {
        Some((b'=', value)) if same(head, name) => Some(value),
        _ => None,
    }
}

/// Bytes on the stack, filled one by one.
pub struct Buffer<const N: usize> {
    bytes: MaybeUninit<[u8; N]>,
    pub length: usize,
}

impl<const N: usize> Buffer<N> {
    pub fn new() -> Self {
        Buffer {
            bytes: MaybeUninit::uninit(),
            length: 0,
        }
    }

    pub fn pointer(&self) -> *const u8 {
        self.bytes.as_ptr().cast()
    }

    /// The rest of the buffer, for the kernel to write in.
    pub fn room(&mut self) -> &mut [u8] {
        // SAFETY: within N; u8 has no invalid values, and the start reads
        // only the length the kernel says it wrote.
        unsafe {
            let start = self.bytes.as_mut_ptr().cast::<u8>().add(self.length);
            core::slice::from_raw_parts_mut(start, N - self.length)
        }
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `length` bytes were written.
        unsafe { core::slice::from_raw_parts(self.pointer(), self.length) }
    }

    /// Appends each of PARTS; false when they do not fit.
    pub fn push(&mut self, parts: &[&[u8]]) -> bool {
        parts.iter().all(|part| {
            if part.len() > N - self.length {
                return false;
            }
            let start = self.bytes.as_mut_ptr().cast::<u8>();
            for (i, byte) in part.iter().enumerate() {
                // SAFETY: within N, checked above.
                unsafe { start.add(self.length + i).write(*byte) };
            }
            self.length += part.len();
            true
        })
    }
}

/// A NULL-terminated array of string pointers, on the stack.
pub struct Pointers<const N: usize> {
    items: MaybeUninit<[*const u8; N]>,
    pub length: usize,
}

impl<const N: usize> Pointers<N> {
    pub fn new() -> Self {
        Pointers {
            items: MaybeUninit::uninit(),
            length: 0,
        }
    }

    /// Appends ITEM, keeping room for the NULL; false when full.
    pub fn push(&mut self, item: *const u8) -> bool {
        if self.length + 1 >= N {
            return false;
        }
        // SAFETY: within N, checked above.
        unsafe { self.start().add(self.length).write(item) };
        self.length += 1;
        true
    }

    pub fn items(&self) -> &[*const u8] {
        // SAFETY: the first `length` items were written.
        unsafe { core::slice::from_raw_parts(self.items.as_ptr().cast(), self.length) }
    }

    /// Sets item AT (below the length) to ITEM.
    pub fn set(&mut self, at: usize, item: *const u8) {
        if at < self.length {
            // SAFETY: an item written before.
            unsafe { self.start().add(at).write(item) };
        }
    }

    /// Removes item AT by moving the last one into its place, as
    /// `Vec::swap_remove` (the order skalibs' envdir merge leaves).
    pub fn swap_remove(&mut self, at: usize) {
        if let Some(&last) = self.items().last() {
            self.set(at, last);
            self.length -= 1;
        }
    }

    /// The array, NULL-terminated, for execve.
    pub fn terminated(&mut self) -> *const *const u8 {
        // SAFETY: push keeps a slot free for the NULL.
        unsafe { self.start().add(self.length).write(core::ptr::null()) };
        self.items.as_ptr().cast()
    }

    fn start(&mut self) -> *mut *const u8 {
        self.items.as_mut_ptr().cast()
    }
}

/// Bytes in the start's own anonymous mapping, for what the environment's
/// files hold; they live until the exec.
pub struct Arena {
    start: *mut u8,
    capacity: usize,
    pub length: usize,
}

impl Arena {
    pub fn new(start: *mut u8, capacity: usize) -> Arena {
        Arena {
            start,
            capacity,
            length: 0,
        }
    }

    /// Where the next byte goes.
    pub fn next(&self) -> *mut u8 {
        // SAFETY: within the mapping (length <= capacity).
        unsafe { self.start.add(self.length) }
    }

    pub fn push(&mut self, bytes: &[u8]) -> bool {
        if bytes.len() > self.capacity - self.length {
            return false;
        }
        for (i, byte) in bytes.iter().enumerate() {
            // SAFETY: within the mapping, checked above.
            unsafe { self.next().add(i).write(*byte) };
        }
        self.length += bytes.len();
        true
    }

    /// The rest of the mapping, for the kernel to write in.
    pub fn room(&mut self) -> &mut [u8] {
        // SAFETY: within the mapping; bytes read are those written.
        unsafe { core::slice::from_raw_parts_mut(self.next(), self.capacity - self.length) }
    }

    /// The bytes from FROM (an earlier length) to the end.
    pub fn since(&mut self, from: usize) -> &mut [u8] {
        let from = from.min(self.length);
        // SAFETY: written bytes of the mapping.
        unsafe { core::slice::from_raw_parts_mut(self.start.add(from), self.length - from) }
    }
}
