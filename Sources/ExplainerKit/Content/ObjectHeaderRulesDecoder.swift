/// Decodes `site.yml`'s `publish:` into the `ObjectHeaderRules` of a publish to a bucket:
/// `publish: { cacheControl: { immutable: …, pages: …, other: … }, gzip: true }`, every key
/// optional.
enum ObjectHeaderRulesDecoder {
    /// The rules `fields` hold under `publish:` (the defaults where a key is absent); the
    /// problems join `fields`' diagnostics at their lines.
    static func decode(_ fields: inout YAMLFields) -> ObjectHeaderRules {
        var rules = ObjectHeaderRules.standard
        guard var publish = fields.mapping("publish", what: "{ gzip: true }") else { return rules }
        if var cache = publish.mapping("cacheControl", what: "{ pages: \"\(rules.pages)\" }") {
            rules.immutable = value(&cache, "immutable", default: rules.immutable)
            rules.pages = value(&cache, "pages", default: rules.pages)
            rules.other = value(&cache, "other", default: rules.other)
            publish.absorb(cache)
        }
        rules.gzip = publish.bool("gzip", default: rules.gzip)
        fields.absorb(publish)
        return rules
    }

    /// A Cache-Control value: text of printable ASCII (what an HTTP header may carry), or
    /// `value` when the key is absent or wrong (an error then).
    static func value(_ fields: inout YAMLFields, _ key: String, default value: String) -> String {
        let example = "\"\(value)\""
        guard let text = fields.optionalString(key, what: example) else { return value }
        guard text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            fields.error(
                at: fields.node(key), "`\(key)` must be a Cache-Control value in plain ASCII.",
                hint: "Write e.g. `\(key): \(example)`.")
            return value
        }
        return text
    }
}
