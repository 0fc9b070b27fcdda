import CMimalloc

/// The process's memory allocator.
///
/// The `explainer` executable links mimalloc, which then serves every `malloc` and `free` of
/// the process (Swift's runtime included) in place of glibc's. A build allocates millions of
/// small, short-lived objects across threads while tens of thousands of articles stay alive;
/// glibc's allocator spent about a fifth of a 10,000-explainer build's CPU time on that, and
/// mimalloc about half as much (see docs/benchmark.md). Only the executable links it: the
/// library and the tests use the system allocator.
enum Allocator {
    /// mimalloc's version, e.g. `2.0.9` (shown by `explainer --version`).
    static var description: String {
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }
}
