import Mustache

/// The "template" step: renders planned pages to HTML with the site's templates. Pure.
struct PageRenderer: Sendable {
    let templates: TemplateSet
    let shared: PageContext.Shared

    /// The same templates for the faster renderer; `nil` when they use a feature it lacks.
    let fast: MustacheRenderer?

    init(templates: TemplateSet, shared: PageContext.Shared, fastRenderer: Bool = true) {
        self.templates = templates
        self.shared = shared
        self.fast = fastRenderer ? MustacheRenderer(library: templates.library, names: templates.names) : nil
    }

    /// Whether pages are rendered by `MustacheRenderer` (rather than swift-mustache itself).
    var usesFastRenderer: Bool { fast != nil }

    /// Renders `pages` (which must all belong to the same explainer, or to none).
    func render(_ pages: [Page]) -> [(file: String, html: [UInt8])] {
        let explainer = pages.first.flatMap { first in
            first.article.map {
                PageContext.explainer(
                    $0, urls: shared.urls, authors: shared.authors, topics: first.topics,
                    strings: shared.translations.strings(for: PageContext.language(of: first, site: shared.config)))
            }
        }
        return pages.map { page in
            let context = PageContext.make(page, shared: shared, explainer: page.article == nil ? nil : explainer)
            let html =
                fast?.render(context, withTemplate: page.kind.template)
                ?? Array((templates.library.render(MustacheView(object: context), withTemplate: page.kind.template) ?? "").utf8)
            return (page.file, EagerFirstImage.apply(html))
        }
    }
}
