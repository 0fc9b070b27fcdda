/// The template variables one type answers: a table of names, each with a one-line
/// documentation (what docs/templates.md's table says) and how to read the value from the type.
///
/// The table is the only place a variable is defined: the renderer looks names up in it, the
/// template check's "no page provides it" warning and docs/templates.md's table come from it
/// (`TemplateVocabulary`). Reading is indexed by `TemplateKey`: the table keeps, for each
/// key, the reader of the field with that name.
struct TemplateFields<Owner>: Sendable {
    /// The fields, in the order they are documented.
    let all: [TemplateField<Owner>]
    /// `readers[key.index]`: the reader of the field named by `key`, if `Owner` has one.
    private let readers: [(@Sendable (Owner) -> TemplateValue?)?]

    init(_ fields: [TemplateField<Owner>]) {
        all = fields
        var readers: [(@Sendable (Owner) -> TemplateValue?)?] = []
        for field in fields {
            let index = TemplateKey(field.name).index
            if index >= readers.count { readers += Array(repeating: nil, count: index + 1 - readers.count) }
            precondition(readers[index] == nil, "two template fields of \(Owner.self) are named `\(field.name)`")
            readers[index] = field.read
        }
        self.readers = readers
    }

    /// The value `owner` gives the name `key`, or `nil` when `Owner` has no such field or the
    /// value is absent (then the lookup goes on down the context stack).
    @inline(__always)
    func value(of owner: Owner, for key: TemplateKey) -> TemplateValue? {
        key.index < readers.count ? readers[key.index]?(owner) : nil
    }

    /// The value of the field named `name` (for swift-mustache, which looks up by string).
    func value(of owner: Owner, named name: String) -> TemplateValue? {
        all.first { $0.name == name }?.read(owner)
    }
}

/// One template variable of `Owner`: its name, what it is, and how it is read.
struct TemplateField<Owner>: Sendable {
    let name: String
    /// One line for docs/templates.md's table: what the value is.
    let documentation: String
    /// What kind of value it is (for the documentation: which names it has in turn).
    let shape: TemplateShape
    /// The page kinds whose context has it; `nil` for a field of a nested object (it is where
    /// its parent is). Only the fields of the top of a page's context say it.
    let pageKinds: [Page.Kind]?
    let read: @Sendable (Owner) -> TemplateValue?

    /// A variable named `name`, documented by `documentation`, whose value `read` gives (a key
    /// path such as `\.title`, or a closure).
    static func field<Value: TemplateRepresentable>(
        _ name: String, _ documentation: String, on pageKinds: [Page.Kind]? = nil,
        _ read: @escaping @Sendable (Owner) -> Value
    ) -> Self {
        TemplateField(name: name, documentation: documentation, shape: Value.templateShape, pageKinds: pageKinds) {
            read($0).templateValue
        }
    }

    /// The same field on a type that holds an `Owner` at `path` (for a view model that adds
    /// names to another's).
    func reading<Holder>(through path: @escaping @Sendable (Holder) -> Owner) -> TemplateField<Holder> {
        let read = self.read
        return TemplateField<Holder>(name: name, documentation: documentation, shape: shape, pageKinds: pageKinds) {
            read(path($0))
        }
    }
}

/// What a template variable's value is, as far as its documentation needs: plain (text, a
/// number, a flag), an object with names of its own, or a list (of objects or of text).
enum TemplateShape: Sendable {
    case plain
    case object(any TemplateObject.Type)
    case list(of: (any TemplateObject.Type)?)
}

/// A Swift type a template variable may have: it gives its values as `TemplateValue`s.
protocol TemplateRepresentable {
    /// `nil` when absent (an optional's `nil`), as a missing dictionary key was.
    var templateValue: TemplateValue? { get }
    static var templateShape: TemplateShape { get }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue? { .string(self) }
    static var templateShape: TemplateShape { .plain }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue? { .int(self) }
    static var templateShape: TemplateShape { .plain }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue? { .bool(self) }
    static var templateShape: TemplateShape { .plain }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    var templateValue: TemplateValue? { self?.templateValue ?? nil }
    static var templateShape: TemplateShape { Wrapped.templateShape }
}

/// An object put in its `TemplateValue` once, when the context is made, rather than at each
/// lookup (a struct larger than an existential's inline buffer is boxed by each `.object`):
/// for the objects a page looks up many times (`section.…`).
/// (Sendable: it only ever holds `.object` of a `Sendable` `Object`.)
struct Prepared<Object: TemplateObject>: TemplateRepresentable, @unchecked Sendable {
    let templateValue: TemplateValue?

    init(_ object: Object?) {
        templateValue = object.map { .object($0) }
    }

    static var templateShape: TemplateShape { .object(Object.self) }
}

extension Array: TemplateRepresentable where Element: TemplateElement {
    var templateValue: TemplateValue? { .list(self) }
    static var templateShape: TemplateShape {
        if case .object(let type) = Element.templateShape { return .list(of: type) }
        return .list(of: nil)
    }
}
