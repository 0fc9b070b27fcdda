import Mustache

/// A faster renderer for templates parsed by swift-mustache, with the same output.
///
/// swift-mustache (2.1.1) spends most of a page's time on things that do not depend on the
/// page: splitting every variable name at each lookup, building an intermediate `String` per
/// token and per section, and escaping text one `Character` at a time through a dictionary.
/// This renderer takes the token trees swift-mustache parsed (read once per build through
/// reflection, so the templates mean exactly what they mean to swift-mustache: same parser,
/// same standalone-line and inheritance rules), pre-splits names, renders into one buffer and
/// escapes UTF-8 bytes. Its rules are those of `MustacheTemplate.render(context:)`, token by
/// token. Features it does not implement (lambdas' own section text, content-type pragmas,
/// dynamic partials, sequence-context transforms like `{{#first()}}`) make `compile` return
/// `nil`, and the caller renders with swift-mustache instead. Tests render every page with
/// both and compare.
struct MustacheRenderer: Sendable {
    private let templates: [String: Compiled]

    /// `nil` when a template uses something this renderer does not implement.
    init?(library: MustacheLibrary, names: Set<String>) {
        var templates: [String: Compiled] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name), let compiled = Compiled(template) else { return nil }
            templates[name] = compiled
        }
        self.templates = templates
    }

    /// Renders a page's context (the usual case: no dynamic casts on the way) to UTF-8 bytes.
    func render(_ root: some TemplateObject, withTemplate name: String) -> [UInt8]? {
        render(.object(root), withTemplate: name)
    }

    /// Renders any context swift-mustache accepts (e.g. a `[String: Any]` dictionary).
    func render(_ object: Any, withTemplate name: String) -> [UInt8]? {
        render(TemplateValue(any: object), withTemplate: name)
    }

    private func render(_ root: TemplateValue, withTemplate name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(12288)
        var context = Context(stack: [root], indentation: nil, inherited: nil)
        context.stack.reserveCapacity(8)
        render(template, &context, into: &out)
        return out
    }

    // MARK: Rendering (mirrors Template+Render.swift)

    /// The render state, changed in place and restored after each section and partial (the
    /// stack is pushed and popped, never copied).
    private struct Context {
        var stack: [TemplateValue]
        var indentation: String?
        var inherited: [String: Compiled]?
    }

    private func render(_ template: Compiled, _ context: inout Context, into out: inout [UInt8]) {
        if let indentation = context.indentation, indentation != "" {
            var string: [UInt8] = []
            for token in template.tokens {
                var rendered: [UInt8] = []
                renderToken(token, &context, into: &rendered)
                if !rendered.isEmpty, string.last == UInt8(ascii: "\n") {
                    string += indentation.utf8
                }
                string += rendered
            }
            out += string
        } else {
            for token in template.tokens {
                renderToken(token, &context, into: &out)
            }
        }
    }

    private func renderToken(_ token: Compiled.Token, _ context: inout Context, into out: inout [UInt8]) {
        switch token {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let child = lookup(name, context.stack) else { return }
            let text: String
            switch child {
            case .string(let string):
                if escaped { MustacheEscaping.append(string, to: &out) } else { Self.append(string, to: &out) }
                return
            case .int(let int):
                Self.append(String(int), to: &out)
                return
            case .bool(let bool):
                text = bool ? "true" : "false"
            case .object, .list:
                text = String(describing: child.any)
            case .other(let value):
                if let renderable = value as? MustacheCustomRenderable {
                    text = renderable.renderText
                } else {
                    switch Self.unwrapOptional(value) {
                    case .some(.some(let wrapped)): text = String(describing: wrapped)
                    default: text = String(describing: value)
                    }
                }
            }
            if escaped { MustacheEscaping.append(text, to: &out) } else { Self.append(text, to: &out) }
        case .section(let name, let template):
            guard let child = lookup(name, context.stack) else { return }
            switch child {
            case .list(let list):
                context.stack.append(child)
                let top = context.stack.count - 1
                for index in 0..<list.count {
                    context.stack[top] = list.element(index)
                    render(template, &context, into: &out)
                }
                context.stack.removeLast()
            case .bool(let bool):
                if bool { render(template, &context, into: &out) }
            case .other(let value):
                switch value {
                case let sequence as any MustacheSequence:
                    renderSequence(sequence, template, &context, into: &out)
                case let null as MustacheCustomRenderable where null.isNull:
                    break
                default:
                    push(child, template, &context, into: &out)
                }
            case .string, .int, .object:
                push(child, template, &context, into: &out)
            }
        case .invertedSection(let name, let template):
            guard let child = lookup(name, context.stack) else {
                render(template, &context, into: &out)
                return
            }
            switch child {
            case .list(let list):
                if list.count == 0 { push(child, template, &context, into: &out) }
            case .bool(let bool):
                if !bool { render(template, &context, into: &out) }
            case .other(let value):
                switch value {
                case let sequence as any MustacheSequence:
                    if Self.isEmpty(sequence) { push(child, template, &context, into: &out) }
                case let null as MustacheCustomRenderable where null.isNull:
                    render(template, &context, into: &out)
                default:
                    break
                }
            case .string, .int, .object:
                break
            }
        case .blockExpansion(let name, let defaultTemplate, let indented):
            let template = context.inherited?[name] ?? defaultTemplate
            let savedIndentation = context.indentation
            if let indented { context.indentation = (savedIndentation ?? "") + indented }
            render(template, &context, into: &out)
            context.indentation = savedIndentation
        case .partial(let name, let indented, let inheriting):
            guard let template = templates[name] else { return }
            let savedIndentation = context.indentation
            let savedInherited = context.inherited
            if let indented { context.indentation = (savedIndentation ?? "") + indented }
            if let inheriting {
                context.inherited = savedInherited.map { $0.merging(inheriting) { value, _ in value } } ?? inheriting
            }
            render(template, &context, into: &out)
            context.indentation = savedIndentation
            context.inherited = savedInherited
        }
    }

    private static func append(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { out.append(contentsOf: $0) }
    }

    private func push(_ value: TemplateValue, _ template: Compiled, _ context: inout Context, into out: inout [UInt8]) {
        context.stack.append(value)
        render(template, &context, into: &out)
        context.stack.removeLast()
    }

    private func renderSequence<S: MustacheSequence>(_ sequence: S, _ template: Compiled, _ context: inout Context, into out: inout [UInt8])
    {
        context.stack.append(.bool(false))
        let top = context.stack.count - 1
        for element in sequence {
            context.stack[top] = TemplateValue(any: element)
            render(template, &context, into: &out)
        }
        context.stack.removeLast()
    }

    private static func isEmpty<S: MustacheSequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    // MARK: Lookup (mirrors MustacheTemplate.getChild)

    private func lookup(_ name: Compiled.Name, _ stack: [TemplateValue]) -> TemplateValue? {
        var found: TemplateValue?
        switch name.scope {
        case .current:
            found = stack[stack.count - 1]
        case .top:
            found = Self.path(name, from: 0, of: stack[stack.count - 1])
        case .stack:
            var index = stack.count - 1
            while index >= 0 {
                if let first = Self.immediateChild(name, 0, of: stack[index]) {
                    found = Self.path(name, from: 1, of: first)
                    break
                }
                index -= 1
            }
        }
        guard var child = found else { return nil }
        if case .other(let value) = child, let custom = value as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            child = TemplateValue(any: representation)
        }
        for transform in name.transforms.reversed() {
            // `empty(list)` (in the shipped templates): Array's own transform, without the casts.
            if transform == "empty", case .list(let list) = child {
                child = .bool(list.count == 0)
                continue
            }
            guard let transformable = child.any as? MustacheTransformable, let transformed = transformable.transform(transform) else {
                return nil
            }
            child = TemplateValue(any: transformed)
        }
        return child
    }

    private static func path(_ name: Compiled.Name, from start: Int, of value: TemplateValue) -> TemplateValue? {
        var value = value
        var index = start
        while index < name.parts.count {
            guard let child = immediateChild(name, index, of: value) else { return nil }
            value = child
            index += 1
        }
        return value
    }

    /// The child named by part `index` of `name`. Strings, numbers, booleans and lists have no
    /// named children (swift-mustache finds none in their `Mirror`).
    private static func immediateChild(_ name: Compiled.Name, _ index: Int, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let object):
            return object.value(for: name.keys[index])
        case .other(let object):
            return immediateChild(name.parts[index], of: object).map(TemplateValue.init(any:))
        case .string, .int, .bool, .list:
            return nil
        }
    }

    private static func immediateChild(_ name: String, of object: Any) -> Any? {
        if let parent = object as? MustacheParent {
            return parent.child(named: name)
        }
        let object: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        if let parent = object as? MustacheParent {
            return parent.child(named: name)
        } else if let object {
            guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
            switch unwrapOptional(matched.value) {
            case .none: return matched.value
            case .some(let wrapped): return wrapped
            }
        }
        return nil
    }

    /// `.some(nil)` for an `Optional.none` inside `Any`, `.some(value)` for `Optional.some`,
    /// `nil` for a value that is not an optional.
    private static func unwrapOptional(_ object: Any) -> Any?? {
        let mirror = Mirror(reflecting: object)
        guard mirror.displayStyle == .optional else { return nil }
        guard let first = mirror.children.first else { return .some(nil) }
        return .some(first.value)
    }
}

/// A swift-mustache template's token tree, with names split once.
private final class Compiled: Sendable {
    struct Name: Sendable {
        enum Scope: Sendable { case current, top, stack }
        let scope: Scope
        let parts: [String]
        /// `parts` as keys.
        let keys: [TemplateKey]
        let transforms: [String]

        /// `nil` for the names this renderer does not implement (`""` with transforms: the
        /// sequence context).
        init?(_ name: String, transforms: [String]) {
            self.transforms = transforms
            if name == "." {
                scope = .current
                parts = []
                keys = []
            } else if name == "" {
                return nil
            } else {
                scope = name.first == "." ? .top : .stack
                parts = name.split(separator: ".").map(String.init)
                if scope == .stack && parts.isEmpty { return nil }
                keys = parts.map(TemplateKey.init)
            }
        }
    }

    indirect enum Token: Sendable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, Compiled)
        case invertedSection(Name, Compiled)
        case blockExpansion(String, Compiled, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: Compiled]?)
    }

    let tokens: [Token]

    /// Reads `template`'s tokens (`MustacheTemplate.tokens`, internal to swift-mustache)
    /// through reflection; `nil` when a token is one this renderer does not implement or the
    /// shape is not the expected one (another swift-mustache version).
    init?(_ template: MustacheTemplate) {
        guard let raw = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            return nil
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(raw.count)
        for token in raw {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
            let fields = Mirror(reflecting: payload.value).children.map(\.value)
            switch kind {
            case "text":
                guard let text = payload.value as? String else { return nil }
                tokens.append(.text(Array(text.utf8)))
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                    let parsed = Name(name, transforms: transforms)
                else { return nil }
                tokens.append(.variable(parsed, escaped: kind == "variable"))
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                    let parsed = Name(name, transforms: transforms),
                    let inner = fields[2] as? MustacheTemplate, let compiled = Compiled(inner)
                else { return nil }
                tokens.append(kind == "section" ? .section(parsed, compiled) : .invertedSection(parsed, compiled))
            case "blockExpansion":
                guard fields.count == 3, let name = fields[0] as? String,
                    let inner = fields[1] as? MustacheTemplate, let compiled = Compiled(inner),
                    let indentation = fields[2] as? String?
                else { return nil }
                tokens.append(.blockExpansion(name, compiled, indentation: indentation))
            case "partial":
                guard fields.count == 3, let name = fields[0] as? String,
                    let indentation = fields[1] as? String?,
                    let inherits = fields[2] as? [String: MustacheTemplate]?
                else { return nil }
                var compiledInherits: [String: Compiled]?
                if let inherits {
                    var out: [String: Compiled] = [:]
                    for (key, value) in inherits {
                        guard let compiled = Compiled(value) else { return nil }
                        out[key] = compiled
                    }
                    compiledInherits = out
                }
                tokens.append(.partial(name, indentation: indentation, inherits: compiledInherits))
            default:
                // blockDefinition (never rendered), dynamicNamePartial, contentType.
                return nil
            }
        }
        self.tokens = tokens
    }
}

/// swift-mustache's HTML escaping (`<`, `>`, `&`, `"`, `'` as `&lt;` `&gt;` `&amp;` `&quot;`
/// `&#39;`), byte for byte, on UTF-8 bytes. swift-mustache compares whole `Character`s, so a
/// special character that is part of a larger grapheme cluster (joined to a neighbouring
/// non-ASCII scalar, e.g. `<` + U+0338) is not escaped; a string where a special byte touches
/// a non-ASCII byte takes that exact per-`Character` path.
enum MustacheEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        let simple: Bool = text.withUTF8 { bytes in
            guard !specialByteTouchesNonASCII(bytes) else { return false }
            HTMLEscaping.append(bytes, to: &out)
            return true
        }
        guard !simple else { return }
        var escaped = ""
        for c in text {
            switch c {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(c)
            }
        }
        out += escaped.utf8
    }

    /// Whether a special byte has a non-ASCII neighbour, so that it may belong to a larger
    /// `Character` (then the per-`Character` path decides, as swift-mustache does).
    private static func specialByteTouchesNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<bytes.count {
            switch bytes[i] {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27:
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return true }
            default:
                continue
            }
        }
        return false
    }
}
