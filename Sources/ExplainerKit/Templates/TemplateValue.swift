import Mustache

/// One value of a page's template context, as `MustacheRenderer` reads it.
///
/// The view models answer template names with these instead of `Any`, so that rendering a
/// page needs no dynamic casts: each lookup is a `switch` on a `TemplateKey` and each value
/// is one of a few known shapes. `other` carries anything else (what a swift-mustache
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
        case .object(let value): value
        case .list(let value): value
        case .other(let value): value
        }
    }

    /// Reads a value swift-mustache produced (a transform's result) into a `TemplateValue`.
    init(any value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let object as any TemplateObject: self = .object(object)
        case let list as any TemplateList: self = .list(list)
        default: self = .other(value)
        }
    }
}

/// A view model (a class: copying one in a `TemplateValue` is one retain, with no value
/// witness call): answers the template names it defines (and `nil` for every other name, so
/// the lookup goes on down the context stack, as Mustache requires).
///
/// It is also a swift-mustache `MustacheParent`, answering the same names with the same
/// values, so swift-mustache itself can render the same context (the reference the tests
/// compare against, and the fallback for templates using features `MustacheRenderer` lacks).
protocol TemplateObject: AnyObject, MustacheParent, TemplateElement {
    func value(for name: TemplateKey) -> TemplateValue?
}

extension TemplateObject {
    func child(named name: String) -> Any? {
        guard let key = TemplateKey(rawValue: name) else { return nil }
        return value(for: key)?.any
    }
}

/// A list in a template context (`{{#cards}}…{{/cards}}`): an array of view models or strings.
protocol TemplateList: Sendable {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

/// A type whose values can be elements of a `TemplateList`.
protocol TemplateElement: Sendable {
    var templateValue: TemplateValue { get }
}

extension Array: TemplateList where Element: TemplateElement {
    func element(_ index: Int) -> TemplateValue { self[index].templateValue }
}

extension String: TemplateElement {
    var templateValue: TemplateValue { .string(self) }
}

extension TemplateObject {
    var templateValue: TemplateValue { .object(self) }
}

extension Optional where Wrapped == String {
    var templateValue: TemplateValue? { map(TemplateValue.string) }
}

extension Optional where Wrapped == Int {
    var templateValue: TemplateValue? { map(TemplateValue.int) }
}
