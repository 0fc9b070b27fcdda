/// Whether a new explainer's slug is taken by an article of the site: by its file or folder
/// name, or by its `slug:`. The same slugs the build gives (`ArticleParser`), so that a slug
/// `explainer new` accepts is one no other explainer claims (`SitePlanner.claimPaths`).
enum SlugConflict {
    /// The error naming the first of `articles` (read from `contentFolder`) whose slug is
    /// `slug`, or nil. An article that does not parse is taken to have its name's slug.
    static func find(_ slug: String, among articles: [SourceFile], contentFolder: String) -> Diagnostic? {
        for file in articles {
            let taken: String
            var location: SourceLocation?
            do {
                let article = try ArticleParser.parse(file, contentFolder: contentFolder)
                taken = article.slug
                location = article.frontMatter.slugLocation
            } catch {
                taken = ArticleParser.nameSlug(of: file, contentFolder: contentFolder)
            }
            guard taken.utf8.elementsEqual(slug.utf8) else { continue }
            let name = URLResolver.bundle(ofArticle: ContentNames.contentPath(of: file.path, in: contentFolder)) == nil ? "file" : "folder"
            let how = location == nil ? "its \(name) name gives it" : "its front matter sets `slug: \(slug)`"
            return Diagnostic(
                file: file.path, line: location?.line, column: location?.column,
                message: "The slug `\(slug)` is taken by the explainer \(file.path): \(how).",
                hint: "Choose another slug with --slug, or another title (or delete that explainer first).")
        }
        return nil
    }
}
