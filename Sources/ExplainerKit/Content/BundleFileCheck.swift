/// The one check of bundle files that needs `site.yml`: each is at most `media.maxFileSize`.
enum BundleFileCheck {
    /// An error for each of `files` larger than `limit` bytes, naming its size and the limit,
    /// and how to raise it.
    static func problems(_ files: [BundleFile], limit: Int) -> [Diagnostic] {
        files.compactMap { file in
            guard file.size > limit else { return nil }
            return Diagnostic(
                file: file.source,
                message: "This file is \(ByteCount.text(file.size)); the limit for an explainer's file is \(ByteCount.limit(limit)).",
                hint:
                    "Make it smaller (resize the photo, compress the data), or raise the limit in site.yml: `media: { maxFileSize: \((file.size >> 20) + 1) }` (in MB)."
            )
        }
    }
}
