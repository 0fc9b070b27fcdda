/// Sorts a build's files by path, reusing the last build's order when the files come in the
/// same sequence of paths: a rebuild after an edit produces the same files in the same order,
/// and comparing 70,000 paths (mostly the very same strings) is much cheaper than sorting them.
///
/// The result is exactly what `files.sorted { $0.path < $1.path }` gives: the order reused
/// is the one that sort found for the same sequence of paths.
struct PathOrderMemo {
    private var paths: [String] = []
    private var order: [Int] = []

    mutating func sorted(_ files: [OutputFile]) -> [OutputFile] {
        let same = paths.count == files.count && zip(paths, files).allSatisfy { $0 == $1.path }
        if !same {
            order = files.indices.sorted { files[$0].path < files[$1].path }
            paths = files.map(\.path)
        }
        return order.map { files[$0] }
    }
}
