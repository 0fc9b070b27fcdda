/// A 1-based line and column in a source file.
struct SourceLocation: Sendable, Hashable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
