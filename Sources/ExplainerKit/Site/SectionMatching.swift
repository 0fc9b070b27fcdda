/// The errors for `sections:` entries that name no H2 of the body (compared by
/// `HeadingMatch.key`): each names the nearest heading, with what differs marked.
enum SectionMatching {
    /// One error per entry of `bindings` whose heading key is not in `headingKeys`; `headings`
    /// are the body's H2 texts, in order.
    static func unmatched(
        _ bindings: [SectionBinding], headings: [String], headingKeys: Set<String>, file: String
    ) -> [Diagnostic] {
        bindings.filter { !headingKeys.contains(HeadingMatch.key($0.heading)) }.map { binding in
            let hint: String
            if let nearest = HeadingMatch.nearest(to: binding.heading, in: headings) {
                let (entry, heading) = HeadingMatch.difference(binding.heading, nearest)
                hint =
                    "The nearest H2 is \"\(UnsafeCharacters.printable(nearest))\"; what differs is marked: the entry \"\(entry)\", "
                    + "the heading \"\(heading)\". Make them the same (case, curly or straight quotes, trailing punctuation "
                    + "and runs of spaces do not count), or use another of the H2 headings: "
                    + headings.map { "\"\(UnsafeCharacters.printable($0))\"" }.joined(separator: ", ") + "."
            } else {
                hint = "Add a line `## \(binding.heading)` to the body, or remove this entry."
            }
            return Diagnostic(
                file: file, line: binding.location?.line, column: binding.location?.column,
                message: "`sections.\(binding.key)` names the heading \"\(binding.heading)\", which the body does not have.",
                hint: hint)
        }
    }
}
