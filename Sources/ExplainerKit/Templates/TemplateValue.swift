import Mustache

/// One value of a page's template context, as `MustacheRenderer` reads it.
///
/// The view models answer template names with these instead of `Any`, so that rendering a
/// page needs no dynamic casts: each lookup is an index into a table by `TemplateKey` and each
/// value is one of a few known shapes. `other` carries anything else (what a swift-mustache
/// transform such as `reversed(list)` returns), rendered by swift-mustache's rules for `Any`.
enum TemplateValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case object(any TemplateObject)
    case list(any TemplateList)
    case other(Any)

    /// The value as swift-mustache sees it (for its own renderer and its transforms).
    var any: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .bool(let value): value
        case .object(let value): MustacheView(object: value)
        case .list(let value): (0..<value.count).map { value.element($0).any }
        case .other(let value): value
        }
    }

    /// Reads a value swift-mustache produced (a transform's result) into a `TemplateValue`.
    init(any value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let view as MustacheView: self = .object(view.object)
        case let object as any TemplateObject: self = .object(object)
        case let list as any TemplateList: self = .list(list)
        default: self = .other(value)
        }
    }
}

/// A value with template variables of its own (`{{section.title}}`): a view model, or a
/// domain type answering for itself (`PageLink`, `TOCEntry`…). Its names are those of its
/// `templateFields` table, and it answers `nil` for every other name, so the lookup goes on
/// down the context stack, as Mustache requires.
///
/// swift-mustache sees it through a `MustacheView`, answering the same names with the same
/// values, so swift-mustache itself can render the same context (the reference the tests
/// compare against, and the fallback for templates using features `MustacheRenderer` lacks).
protocol TemplateObject: TemplateElement {
    /// The type's template variables.
    static var templateFields: TemplateFields<Self> { get }
    /// The value of the variable `key` names. A requirement (answered by the default below),
    /// so that a call on `any TemplateObject` reaches code specialized for the type, without
    /// generic metadata lookups while rendering.
    func value(for key: TemplateKey) -> TemplateValue?
}

extension TemplateObject {
    /// The value of the variable `key` names (from `templateFields`).
    func value(for key: TemplateKey) -> TemplateValue? {
        Self.templateFields.value(of: self, for: key)
    }

    var templateValue: TemplateValue? { .object(self) }
    var element: TemplateValue { .object(self) }
    static var templateShape: TemplateShape { .object(Self.self) }
}

/// A `TemplateObject` as swift-mustache sees it (its names, by string). The domain
/// types (`PageLink`…) are `TemplateObject`s without being swift-mustache's public
/// `MustacheParent`s themselves.
struct MustacheView: MustacheParent, Sendable {
    let object: any TemplateObject

    func child(named name: String) -> Any? {
        func child<Object: TemplateObject>(_ object: Object) -> Any? {
            Object.templateFields.value(of: object, named: name)?.any
        }
        return child(object)
    }
}

/// A list in a template context (`{{#cards}}…{{/cards}}`): an array of view models or strings.
protocol TemplateList: Sendable {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

/// A type whose values can be elements of a `TemplateList`: text or objects.
protocol TemplateElement: TemplateRepresentable, Sendable {
    var element: TemplateValue { get }
}

extension Array: TemplateList where Element: TemplateElement {
    func element(_ index: Int) -> TemplateValue { self[index].element }
}

extension String: TemplateElement {
    var element: TemplateValue { .string(self) }
}
