/// The templates as a graph of partial (`{{>name}}`) and parent (`{{<name}}`) references,
/// checked so that rendering always ends: no template includes or inherits from itself,
/// directly or through others, and no page nests deeper than `maximumDepth` (counting the
/// sections, blocks and partials on the way), so that neither swift-mustache nor
/// `MustacheRenderer` can exhaust the stack. Walked without recursion, in linear time.
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
    }

    private let templates: [Template]
    private let edges: [[Edge]]

    /// `templates` with their references; references to templates not among them are left
    /// out (they are reported as missing partials).
    init(_ templates: [Template]) {
        self.templates = templates
        var index: [String: Int] = [:]
        for (i, template) in templates.enumerated() { index[template.name] = i }
        edges = templates.map { template in
            template.scan.references.compactMap { reference in
                guard reference.kind == .partial || reference.kind == .parent, let target = index[reference.name] else { return nil }
                return Edge(target: target, reference: reference)
            }
        }
    }

    /// Every cycle (one diagnostic each, at the reference that starts it) or, when there is
    /// none, the deepest page if it is too deep.
    func problems() -> [Diagnostic] {
        var state = [UInt8](repeating: 0, count: templates.count)  // 0 new, 1 on the path, 2 done
        var depth = [Int](repeating: 0, count: templates.count)
        var deepestEdge = [Int?](repeating: nil, count: templates.count)
        var diagnostics: [Diagnostic] = []
        for root in templates.indices where state[root] == 0 {
            // The path being walked: a template and the index of the next edge to follow.
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = path.last {
                guard next < edges[node].count else {
                    path.removeLast()
                    state[node] = 2
                    var best = templates[node].scan.deepest?.level ?? 0
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
        guard diagnostics.isEmpty, let top = depth.indices.max(by: { depth[$0] < depth[$1] }),
              depth[top] > Self.maximumDepth else { return diagnostics }
        var chain = [templates[top].name]
        var node = top
        while let i = deepestEdge[node], chain.count <= 6 {
            node = edges[node][i].target
            chain.append(templates[node].name)
        }
        let at = deepestEdge[top].map { edges[top][$0].reference.location } ?? templates[top].scan.deepest?.location
        return [Diagnostic(
            file: templates[top].path, line: at?.line, column: at?.column,
            message: "`\(templates[top].name)` nests \(depth[top]) levels deep (\(chain.joined(separator: " → "))\(deepestEdge[node] == nil ? "" : " → …")); the limit is \(Self.maximumDepth).",
            hint: "Include fewer partials inside one another, or nest fewer sections; a page that deep cannot be rendered safely.")]
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

    /// The diagnostic for a cycle: each template with the edge it follows to the next one.
    private func cycle(_ steps: [(node: Int, edge: Int)]) -> Diagnostic {
        let first = edges[steps[0].node][steps[0].edge].reference
        let name = templates[steps[0].node].name
        var sentence = "`\(name)` "
        // A long cycle is told by its first steps and the one that closes it.
        let shown = steps.count > 6 ? Array(steps.prefix(4)) + [steps[steps.count - 1]] : steps
        for (k, step) in shown.enumerated() {
            let edge = edges[step.node][step.edge]
            if shown.count < steps.count && k == shown.count - 1 { sentence += ", … (\(steps.count) templates in all)" }
            let verb = edge.reference.kind == .parent ? "inherits from" : "includes"
            if steps.count == 1 {
                sentence += "\(verb) itself"
            } else {
                sentence += (k == 0 ? "" : ", which ") + "\(verb) `\(templates[edge.target].name)`"
            }
        }
        return Diagnostic(
            file: templates[steps[0].node].path, line: first.location.line, column: first.location.column,
            message: "Template cycle: \(sentence), so rendering would never end.",
            hint: "Remove one of these references: a template cannot include or inherit from itself, even through others.")
    }
}
