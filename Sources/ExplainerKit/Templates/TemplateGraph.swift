/// The templates as a graph of what rendering one can render next, checked so that
/// rendering always ends: nothing includes, inherits from or expands itself, directly or
/// through others, and no page nests deeper than `maximumDepth` (counting the sections,
/// blocks and partials on the way), so that neither swift-mustache nor `MustacheRenderer` can
/// exhaust the stack. Walked without recursion, in linear time.
///
/// Nodes are the templates and the block names. A template leads to the partials it includes
/// (`{{>name}}`), the parents it inherits from (`{{<name}}`) and the blocks it expands
/// (`{{$name}}`); a block leads to what every override of it contains
/// (`{{<parent}}{{$name}}…{{/name}}{{/parent}}`), since an override reaches every expansion of
/// its block rendered below its parent tag, in any template (the outermost override wins).
struct TemplateGraph {
    /// The deepest nesting of sections, blocks and partials a page may reach. Far above what
    /// real templates need and far below what exhausts a build thread's stack (measured: the
    /// debug build overflows between 2,000 and 4,000 levels).
    static let maximumDepth = 100

    struct Template {
        var name: String
        var path: String
        var scan: TemplateScanner.Scan
    }

    private struct Edge {
        var target: Int
        var reference: TemplateScanner.Reference
        /// The template the reference is in.
        var template: Int
    }

    private let templates: [Template]
    /// Block names; block `k` is node `templates.count + k`.
    private let blocks: [String]
    private let edges: [[Edge]]

    /// `templates` with their references; references to templates not among them are left
    /// out (they are reported as missing partials).
    init(_ templates: [Template]) {
        self.templates = templates
        var index: [String: Int] = [:]
        for (i, template) in templates.enumerated() { index[template.name] = i }
        var blocks: [String] = []
        var blockIndex: [String: Int] = [:]
        func block(_ name: String) -> Int {
            if let node = blockIndex[name] { return node }
            blocks.append(name)
            blockIndex[name] = templates.count + blocks.count - 1
            return templates.count + blocks.count - 1
        }
        var edges = [[Edge]](repeating: [], count: templates.count)
        for (t, template) in templates.enumerated() {
            for reference in template.scan.references {
                let target: Int
                switch reference.kind {
                case .partial, .parent:
                    guard let node = index[reference.name] else { continue }
                    target = node
                case .block:
                    target = block(reference.name)
                case .dynamicPartial, .variable:
                    continue
                }
                let edge = Edge(target: target, reference: reference, template: t)
                edges[t].append(edge)
                for name in Set(reference.overrides) {
                    let source = block(name)
                    if source >= edges.count { edges += [[Edge]](repeating: [], count: source - edges.count + 1) }
                    edges[source].append(edge)
                }
            }
        }
        edges += [[Edge]](repeating: [], count: templates.count + blocks.count - edges.count)
        self.blocks = blocks
        self.edges = edges
    }

    /// Every cycle (one diagnostic each, at the reference that starts it) or, when there is
    /// none, the deepest page if it is too deep.
    func problems() -> [Diagnostic] {
        var state = [UInt8](repeating: 0, count: edges.count)  // 0 new, 1 on the path, 2 done
        var depth = [Int](repeating: 0, count: edges.count)
        var deepestEdge = [Int?](repeating: nil, count: edges.count)
        var diagnostics: [Diagnostic] = []
        for root in edges.indices where state[root] == 0 {
            // The path being walked: a template and the index of the next edge to follow.
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = path.last {
                guard next < edges[node].count else {
                    path.removeLast()
                    state[node] = 2
                    var best = node < templates.count ? templates[node].scan.deepest?.level ?? 0 : 0
                    for (i, edge) in edges[node].enumerated() where state[edge.target] == 2 {
                        let through = edge.reference.level + 1 + depth[edge.target]
                        if through > best { best = through; deepestEdge[node] = i }
                    }
                    depth[node] = best
                    continue
                }
                path[path.count - 1].next += 1
                let target = edges[node][next].target
                switch state[target] {
                case 0:
                    state[target] = 1
                    path.append((target, 0))
                case 1:
                    let start = path.lastIndex { $0.node == target }!
                    diagnostics.append(cycle(path[start...].map { ($0.node, $0.next - 1) }))
                default:
                    break
                }
            }
        }
        guard diagnostics.isEmpty, let top = templates.indices.max(by: { depth[$0] < depth[$1] }),
            depth[top] > Self.maximumDepth
        else { return diagnostics }
        var chain = [templates[top].name]
        var node = top
        while let i = deepestEdge[node], chain.count <= 6 {
            node = edges[node][i].target
            chain.append(node < templates.count ? templates[node].name : "$" + blocks[node - templates.count])
        }
        let at = deepestEdge[top].map { edges[top][$0].reference.location } ?? templates[top].scan.deepest?.location
        return [
            Diagnostic(
                file: templates[top].path, line: at?.line, column: at?.column,
                message:
                    "`\(templates[top].name)` nests \(depth[top]) levels deep (\(chain.joined(separator: " → "))\(deepestEdge[node] == nil ? "" : " → …")); the limit is \(Self.maximumDepth).",
                hint: "Include fewer partials inside one another, or nest fewer sections; a page that deep cannot be rendered safely.")
        ]
    }

    /// Why swift-mustache cannot be trusted to parse a template (it parses nested sections
    /// and transforms recursively, and matches delimiters by canonical equivalence), if so.
    static func parsingProblem(_ scan: TemplateScanner.Scan, file: String) -> Diagnostic? {
        if let deepest = scan.deepest, deepest.level > maximumDepth {
            return Diagnostic(
                file: file, line: deepest.location.line, column: deepest.location.column,
                message: "Sections, blocks and transforms nest \(deepest.level) levels deep here; the limit is \(maximumDepth).",
                hint: "Close sections sooner (every `{{#name}}` needs its `{{/name}}`), or nest fewer of them or fewer transforms.")
        }
        if let location = scan.nonASCIIDelimiters {
            return Diagnostic(
                file: file, line: location.line, column: location.column,
                message: "This set-delimiter tag chooses delimiters that are not ASCII.",
                hint: "Use ASCII delimiters, e.g. `{{=<% %>=}}`.")
        }
        return nil
    }

    /// A template by name, or a block: "`layout`", "the block `content`".
    private func describe(_ node: Int) -> String {
        node < templates.count ? "`\(templates[node].name)`" : "the block `\(blocks[node - templates.count])`"
    }

    /// The diagnostic for a cycle: each node with the edge it follows to the next one.
    private func cycle(_ found: [(node: Int, edge: Int)]) -> Diagnostic {
        // Told from a template where there is one (a cycle may pass through blocks only).
        let start = found.firstIndex { $0.node < templates.count } ?? 0
        let steps = Array(found[start...] + found[..<start])
        let first = edges[steps[0].node][steps[0].edge]
        var sentence = describe(steps[0].node)
        // A long cycle is told by its first steps and the one that closes it.
        let shown = steps.count > 6 ? Array(steps.prefix(4)) + [steps[steps.count - 1]] : steps
        for (k, step) in shown.enumerated() {
            let edge = edges[step.node][step.edge]
            if shown.count < steps.count && k == shown.count - 1 { sentence += ", … (\(steps.count) steps in all)" }
            var verb =
                switch edge.reference.kind {
                case .parent: "inherits from"
                case .block: "expands"
                default: "includes"
                }
            if step.node >= templates.count { verb = "in its override in `\(templates[edge.template].name)` " + verb }
            sentence += (k == 0 ? " " : ", which ") + verb + " " + (steps.count == 1 ? "itself" : describe(edge.target))
        }
        return Diagnostic(
            file: templates[first.template].path, line: first.reference.location.line, column: first.reference.location.column,
            message: "Template cycle: \(sentence), so rendering would never end.",
            hint:
                "Remove one of these references: a template cannot include or inherit from itself, even through others or through a block override."
        )
    }
}
