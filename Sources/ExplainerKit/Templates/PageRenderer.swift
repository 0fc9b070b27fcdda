import Mustache

/// The "template" step: renders planned pages to HTML with the site's templates. Pure.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let shared: PageContext.Shared

    public init(templates: TemplateSet, shared: PageContext.Shared) {
        self.templates = templates
        self.shared = shared
    }

    /// Renders `pages` (which must all belong to the same explainer, or to none).
    public func render(_ pages: [Page]) -> [(file: String, html: String)] {
        let explainer = pages.first?.article.map(PageContext.explainer)
        return pages.map { page in
            let context = PageContext.make(page, shared: shared, explainer: page.article == nil ? nil : explainer)
            let html = templates.library.render(context, withTemplate: page.kind.template) ?? ""
            return (page.file, html)
        }
    }
}
