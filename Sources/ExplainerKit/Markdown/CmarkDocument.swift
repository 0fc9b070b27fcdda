import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed cmark document that owns its node tree and frees it when released.
///
/// Not `Sendable`: a document and the `CmarkNode`s taken from it stay inside the task that
/// parsed it. Everything that leaves the Markdown stage is a plain Swift value.
final class CmarkDocument {
    let root: CmarkNode
    /// The cmark options used to parse, reused to render subtrees the same way.
    let options: Int32

    /// Parses `markdown`. `unsafe` lets raw HTML and dangerous URLs through (cmark's
    /// `CMARK_OPT_UNSAFE`); the default is cmark's safe mode. `smart` sets curly quotes,
    /// dashes and ellipses (`CMARK_OPT_SMART`); the default is CommonMark's straight text.
    init(markdown: String, unsafe: Bool = false, smart: Bool = false) {
        let options = Self.options(unsafe: unsafe, smart: smart)
        self.options = options
        var markdown = markdown
        let pointer = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        // cmark_parse_document returns NULL only when allocation fails, which cmark's default
        // allocator turns into an abort; treat a NULL as a programming error.
        self.root = CmarkNode(pointer!)
    }

    deinit {
        cmark_node_free(root.pointer)
    }

    /// Renders `node` and its subtree as HTML with the document's options.
    func html(_ node: CmarkNode) -> String {
        guard let cString = cmark_render_html(node.pointer, options) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Renders the whole document, exactly as `cmark_markdown_to_html` would.
    func html() -> String { html(root) }

    /// cmark's option bits for safe or unsafe mode, with or without smart punctuation.
    static func options(unsafe: Bool, smart: Bool) -> Int32 {
        (unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) | (smart ? CMARK_OPT_SMART : 0)
    }
}

/// cmark's rendering of `markdown` in one call, with no post-processing: the reference our
/// Markdown stage is checked against.
func cmarkReferenceHTML(_ markdown: String, unsafe: Bool = false, smart: Bool = false) -> String {
    let options = CmarkDocument.options(unsafe: unsafe, smart: smart)
    var markdown = markdown
    return markdown.withUTF8 { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            guard let out = cmark_markdown_to_html(chars.baseAddress, chars.count, options) else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
    }
}
