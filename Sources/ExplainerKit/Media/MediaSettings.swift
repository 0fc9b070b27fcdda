/// `site.yml`'s `media:` settings and their limits.
enum MediaSettings {
    /// The largest bundle file published, unless `media: { maxFileSize: … }` says otherwise.
    static let defaultMaxFileSize = 50 * 1024 * 1024

    /// The error for a bundle file over the limit.
    static func tooLarge(_ source: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            file: source,
            message: "This file is \(ByteCount.text(size)), more than the \(ByteCount.text(limit)) a bundle file may have.",
            hint: "Make it smaller (export photos at most 4000 pixels wide), or raise the limit in site.yml: `media: { maxFileSize: \(max(1, (size >> 20) + 1)) }` (in megabytes).")
    }
}
