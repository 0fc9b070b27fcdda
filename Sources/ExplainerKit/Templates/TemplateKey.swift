import Synchronization

/// A template variable name, interned: a small integer, the same for the same name
/// everywhere. Templates turn their names into keys once, when they are compiled, and each
/// view model's table (`TemplateFields`) is indexed by key, so a lookup while rendering is an
/// array index and one call: no string compares, no `Any`.
///
/// There is no list of keys to keep: a name gets its key the first time a table or a
/// template uses it. The names the pages provide are those of the tables (see
/// `TemplateVocabulary`).
struct TemplateKey: Hashable, Sendable {
    /// Position of the name in the order names were first seen.
    let index: Int

    init(_ name: String) {
        index = Self.interned.withLock { table in
            if let index = table[name] { return index }
            let index = table.count
            table[name] = index
            return index
        }
    }

    private static let interned = Mutex<[String: Int]>([:])
}
