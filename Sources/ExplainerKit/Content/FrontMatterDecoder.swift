import Yams

/// Decodes front matter YAML into a `FrontMatter`, reporting every problem with its location.
///
/// Each key is declared where it is read: the `YAMLFields` reader names the key, its type and
/// its check, and makes it known (any key not read is refused). The reads follow the order in
/// which the unknown-key hint lists the keys.
enum FrontMatterDecoder {
    /// The front matter of `yaml` (which starts on line `yamlStartLine` of `file`), or every
    /// problem it has.
    /// `language`: the explainer's when its front matter names none (its file name's, else the
    /// site's), in which its timeline's dates are read.
    static func decode(
        yaml: String, file: String, yamlStartLine: Int, language: LanguageTag = .english
    ) throws(BuildFailure) -> FrontMatter {
        let composed = try YAMLDocument.mapping(yaml, file: file, lineOffset: yamlStartLine - 1, what: "front matter")
        var fields = YAMLFields(file: file, lineOffset: yamlStartLine - 1, composed: composed)
        let title = fields.requiredString("title", what: "\"The explainer's title\"")
        let summary = fields.requiredString("summary", what: "\"One or two sentences saying what it explains.\"")
        let date = fields.date("date", required: true)
        let updated = fields.date("updated", required: false)
        if let date, let updated, updated < date {
            fields.error(
                at: fields.node("updated"), "`updated: \(updated)` is earlier than `date: \(date)`.",
                hint: "`date` is when the explainer was first published and `updated` its last update: fix the one that is wrong.")
        }
        let (tags, tagLocations) = decodeTags(&fields)
        let sections = decodeSections(&fields)
        let keyPoints = fields.stringList("keyPoints", what: "\"A main point\"")
        // `language:` is read (and checked) below; the timeline's dates are read in it already.
        let written = fields.node("language")?.scalar.flatMap { LanguageTag($0.string) }
        let timeline = decodeTimeline(&fields, language: written ?? language)
        let timelineSection = fields.optionalString("timelineSection", what: "history")
        let draft = fields.bool("draft", default: false)
        let slug = fields.optionalString("slug", what: "my-explainer")
        if let slug, !Slug.isValid(slug) {
            fields.error(
                at: fields.node("slug"), "`slug: \(slug)` is not a valid slug.",
                hint:
                    "Use lowercase letters, digits and hyphens only, e.g. `slug: \(Slug.make(slug).isEmpty ? "my-explainer" : Slug.make(slug))`."
            )
        }
        let aliases = ArticleAliasDecoder.decode(&fields)
        let image = decodeLeadImage(&fields)
        let updates = ArticleUpdateDecoder.decode(&fields, published: date)
        let known = fields.stringList("known", what: "\"A fact the explainer establishes\"")
        let unknown = fields.stringList("unknown", what: "\"A question still open\"")
        let authors = AuthorReference.decode(&fields)
        let language = fields.languageTag("language")
        checkExtra(&fields)
        fields.refuseUnknownKeys(extraKey: FrontMatter.extraKey)

        guard let title, let summary, let date, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(fields.diagnostics)
        }
        return FrontMatter(
            title: title, summary: summary, date: date, updated: updated, tags: tags, tagLocations: tagLocations,
            sections: sections, keyPoints: keyPoints, timeline: timeline, draft: draft, slug: slug,
            slugLocation: slug == nil ? nil : fields.location(fields.node("slug")), image: image,
            updates: updates, known: known, unknown: unknown, authors: authors, timelineSection: timelineSection,
            timelineSectionLocation: fields.location(fields.node("timelineSection")), aliases: aliases,
            language: language)
    }

    /// `tags:`, each a topic (`Topics/SiteTopics`): a tag whose slug is empty (no letter or
    /// digit: `"!!!"`, an emoji) is an error at its line, since its topic page would have no
    /// address; a second spelling of one slug in the same list (`[Russia, russia]`) is dropped.
    /// Returns the tags as written, with where each stands.
    private static func decodeTags(_ fields: inout YAMLFields) -> ([String], [SourceLocation]) {
        let tags = fields.stringList("tags", what: "Tag")
        guard !tags.isEmpty, let node = fields.node("tags") else { return ([], []) }
        let nodes: [Node]
        if case .sequence(let sequence) = node { nodes = Array(sequence) } else { nodes = [node] }
        let fallback = fields.location(node) ?? SourceLocation(line: 1, column: 1)
        var out: [String] = []
        var locations: [SourceLocation] = []
        var slugs: Set<String> = []
        // `stringList` kept the items that are text, in order: pair them with their nodes again.
        var remaining = tags[...]
        for item in nodes {
            guard let tag = remaining.first, item.scalar?.string.trimmingWhitespace() == tag else { continue }
            remaining = remaining.dropFirst()
            let slug = Slug.make(tag)
            if slug.isEmpty {
                fields.error(
                    at: item,
                    "The tag \"\(UnsafeCharacters.printable(tag))\" has no letter or digit, so its topic page would have no address.",
                    hint: "Write the topic in words, e.g. `tags: [Elections]`, or remove it.")
                continue
            }
            guard slugs.insert(slug).inserted else { continue }
            out.append(tag)
            locations.append(fields.location(item) ?? fallback)
        }
        return (out, locations)
    }

    /// `image:` with `imageAlt:` (required with it) and `imageCredit:`.
    private static func decodeLeadImage(_ fields: inout YAMLFields) -> LeadImageReference? {
        let path = fields.optionalString("image", what: "images/lead.jpg")
        let alt = fields.optionalString("imageAlt", what: "\"What the image shows\"")
        let credit = fields.optionalString("imageCredit", what: "\"Photo: Name / Agency\"")
        guard let path else {
            if alt != nil || credit != nil {
                let key = alt != nil ? "imageAlt" : "imageCredit"
                fields.error(
                    at: fields.node(key), "`\(key)` describes the lead image, but there is no `image:`.",
                    hint: "Add `image: images/lead.jpg` (a file beside the article's index.md), or remove `\(key)`.")
            }
            return nil
        }
        let trimmedAlt = alt?.trimmingWhitespace() ?? ""
        if trimmedAlt.isEmpty {
            fields.error(
                at: fields.node(alt == nil ? "image" : "imageAlt"),
                "The lead image needs `imageAlt:`, a short description of what it shows.",
                hint: "Add a line `imageAlt: \"…\"` saying what the image shows, for readers who cannot see it (and for link previews).")
        }
        return LeadImageReference(
            path: path, location: fields.location(fields.node("image")), alt: trimmedAlt,
            credit: credit.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `extra:` holds the author's own fields, of any shape; Explainer reads none of them, so
    /// only its own shape is checked (a mapping, or empty).
    private static func checkExtra(_ fields: inout YAMLFields) {
        guard let node = fields.field(FrontMatter.extraKey) else { return }
        switch node {
        case .mapping: return
        case .scalar where fields.tagName(node) == Tag.Name.null.rawValue: return
        default:
            fields.error(
                at: node, "`\(FrontMatter.extraKey)` must be a mapping of your own fields, not a \(fields.kind(of: node)).",
                hint: "Write `\(FrontMatter.extraKey):` then lines like `  editor: \"Name\"`.")
        }
    }

    private static func decodeSections(_ fields: inout YAMLFields) -> [SectionBinding] {
        guard let node = fields.field("sections") else { return [] }
        guard case .mapping(let mapping) = node else {
            fields.error(
                at: node, "`sections` must map page slugs to headings, not be a \(fields.kind(of: node)).",
                hint: "Write `sections:` then lines like `  history: \"The H2 heading\"`.")
            return []
        }
        var out: [SectionBinding] = []
        var seenHeadings: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            guard Slug.isValid(key) else {
                fields.error(
                    at: keyNode, "Section key `\(UnsafeCharacters.printable(key))` is not a valid page slug.",
                    hint: "Use lowercase letters, digits and hyphens, e.g. `\(Slug.make(key).isEmpty ? "history" : Slug.make(key))`.")
                continue
            }
            guard let entry = decodeSectionEntry(&fields, valueNode, key: key) else { continue }
            let (heading, label) = entry
            if !seenHeadings.insert(HeadingMatch.key(heading)).inserted {
                fields.error(
                    at: valueNode, "The heading \"\(heading)\" is named by two sections.",
                    hint: "Each section key names a different H2 heading.")
                continue
            }
            out.append(SectionBinding(key: key, heading: heading, label: label, location: fields.location(keyNode)))
        }
        return out
    }

    /// One `sections:` entry's value: the heading as text, or a mapping `{ heading: "…",
    /// label: "…" }` (`heading` required, `label` optional, no other key).
    private static func decodeSectionEntry(_ fields: inout YAMLFields, _ node: Node, key: String) -> (heading: String, label: String?)? {
        guard case .mapping(let mapping) = node else {
            let what = "\"The H2 heading\"` or `\(key): { heading: \"The H2 heading\", label: \"Short name\" }"
            return fields.string(node, key: "sections.\(key)", what: what).map { ($0, nil) }
        }
        var entry = YAMLFields(
            file: fields.file, lineOffset: fields.lineOffset, composed: YAMLDocument.Composed(mapping: mapping, mark: node.mark))
        let headingNode = entry.field("heading")
        let heading = headingNode.flatMap { entry.string($0, key: "sections.\(key).heading", what: "\"The H2 heading\"") }
        let label = entry.optionalString("label", what: "\"A short name\"")
        if headingNode == nil {
            entry.error(
                at: node, "`sections.\(key)` needs a `heading:`, the text of the H2 it names.",
                hint: "Write `\(key): { heading: \"The H2 heading\", label: \"Short name\" }`, or just `\(key): \"The H2 heading\"`.")
        }
        fields.absorb(entry)
        guard let heading else { return nil }
        return (heading, label)
    }

    private static func decodeTimeline(_ fields: inout YAMLFields, language: LanguageTag) -> [TimelineEntry] {
        guard let node = fields.field("timeline") else { return [] }
        guard case .sequence(let sequence) = node else {
            fields.error(
                at: node, "`timeline` must be a list, not a \(fields.kind(of: node)).",
                hint: "Write items like `  - { date: \"1979\", event: \"What happened\" }`.")
            return []
        }
        var out: [TimelineEntry] = []
        for item in sequence {
            guard case .mapping(let entry) = item,
                let dateNode = fields.value("date", in: entry),
                let eventNode = fields.value("event", in: entry)
            else {
                fields.error(
                    at: item, "Each timeline item needs a `date` and an `event`.",
                    hint: "Write `- { date: \"1979\", event: \"What happened\" }`.")
                continue
            }
            guard let date = fields.string(dateNode, key: "timeline date", what: "\"1979\""),
                let event = fields.string(eventNode, key: "timeline event", what: "\"What happened\"")
            else { continue }
            let placed = TimelineEntry(date: date, event: event, language: language)
            guard placed.span != nil else {
                fields.error(
                    at: dateNode, "The timeline cannot place the date \"\(date)\".",
                    hint: "Write a date it reads, e.g. \(TimelineSpan.examples); it is drawn to scale and listed in date order.")
                continue
            }
            out.append(placed)
        }
        return TimelineEntry.chronological(out)
    }
}
