import CCmark

/// A non-owning view of one node of a `CmarkDocument`; valid while the document lives.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    /// The direct children, in order.
    var children: [CmarkNode] {
        var out: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            out.append(node)
            child = node.next
        }
        return out
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// Whether this is a bullet list (`-`, `*` or `+` items).
    var isBulletList: Bool { type == CMARK_NODE_LIST && cmark_node_get_list_type(pointer) == CMARK_BULLET_LIST }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    var title: String? {
        cmark_node_get_title(pointer).map { String(cString: $0) }
    }

    /// A fenced code block's info string (`embed` after the backticks), trimmed.
    var fenceInfo: String? {
        cmark_node_get_fence_info(pointer).map { String(cString: $0).trimmingWhitespace() }
    }

    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }

    /// Whether a node above this one is of `type`.
    func hasAncestor(_ type: cmark_node_type) -> Bool {
        var node = parent
        while let current = node {
            if current.type == type { return true }
            node = current.parent
        }
        return false
    }

    /// Puts a custom node (`CMARK_NODE_CUSTOM_INLINE` or `CMARK_NODE_CUSTOM_BLOCK`) that
    /// renders as `html` where this node is, and frees this node with its subtree. cmark
    /// writes a custom node's text as it is, in safe mode too: `html` must be escaped.
    func replace(withHTML html: String, type: cmark_node_type) {
        guard let custom = cmark_node_new(type) else { return }
        _ = cmark_node_set_on_enter(custom, html)
        guard cmark_node_replace(pointer, custom) == 1 else {
            cmark_node_free(custom)
            return
        }
        cmark_node_free(pointer)
    }

    /// Takes this node and its subtree out of the document and frees them; the node must
    /// not be used after.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// Visits this node and every descendant in document order, without recursion (so
    /// deeply nested input cannot overflow the stack).
    func walk(_ visit: (CmarkNode) -> Void) {
        guard let iter = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) {
                visit(CmarkNode(node))
            }
        }
    }

    /// The text a reader sees: the concatenated text, code and line breaks of the subtree.
    var plainText: String {
        var out = ""
        walk { node in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                out += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out
    }
}
