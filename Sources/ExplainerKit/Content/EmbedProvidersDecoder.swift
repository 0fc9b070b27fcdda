import Yams

/// Decodes `site.yml`'s `embeds:`, the providers a site adds to the built-in ones: a list of
/// mappings `{ name, hosts, sandbox, allow, ratio | height }`. Such a provider's frames show
/// the address as written (https, or http on this machine for testing); errors are at the
/// offending node's line and column.
enum EmbedProvidersDecoder {
    /// What an entry looks like, for hints.
    static let example = "`- { name: Our charts, hosts: [charts.example.org], ratio: \"16:9\" }`"

    /// The providers `embeds:` adds (the built-in ones alone when it is absent). `siteHost`, the
    /// base URL's host, is refused as a provider's: a frame is always another site's, so its
    /// sandbox's `allow-scripts allow-same-origin` gives it nothing over the page.
    static func decode(_ fields: inout YAMLFields, siteHost: String? = nil) -> EmbedProviders {
        guard let node = fields.field("embeds") else { return .standard }
        if case .scalar = node, fields.tagName(node) == Tag.Name.null.rawValue { return .standard }
        guard case .sequence(let items) = node else {
            fields.error(at: node, "`embeds` must be a list of providers, not a \(fields.kind(of: node)).", hint: "Write e.g. \(example).")
            return .standard
        }
        var added: [EmbedProvider] = []
        var taken: [String: String] = [:]
        if let siteHost { taken[siteHost] = "the site itself (its baseURL)" }
        for provider in EmbedProviders.builtIn { for host in provider.hosts { taken[host] = provider.name } }
        for item in items.prefix(1000) {
            guard case .mapping(let mapping) = item else {
                fields.error(
                    at: item, "Each item of `embeds` must be a mapping, not a \(fields.kind(of: item)).", hint: "Write e.g. \(example).")
                continue
            }
            var entry = YAMLFields(
                file: fields.file, lineOffset: fields.lineOffset, composed: YAMLDocument.Composed(mapping: mapping, mark: item.mark))
            let name = entry.optionalString("name", what: "\"Our charts\"")
            if entry.node("name") == nil {
                entry.error(at: nil, "The embed provider has no `name`.", hint: "Add `name: Our charts`: captions and messages name it.")
            }
            let hostsNode = entry.node("hosts")
            var hosts: [String] = []
            for host in entry.stringList("hosts", what: "charts.example.org") {
                let lowered = host.lowercased()
                if !EmbedAddress.isHost(lowered) {
                    entry.error(
                        at: hostsNode, "`\(UnsafeCharacters.printable(host))` is not a host name.",
                        hint: "Write the host alone, without https:// or a path: `charts.example.org`.")
                } else if let owner = taken[lowered] {
                    entry.error(
                        at: hostsNode, "The host `\(lowered)` belongs to \(owner) already.",
                        hint: "Leave it out: each host belongs to one provider.")
                } else {
                    taken[lowered] = name ?? "another provider"
                    hosts.append(lowered)
                }
            }
            if hostsNode == nil {
                entry.error(
                    at: nil, "The embed provider has no `hosts`.", hint: "Add `hosts: [charts.example.org]`: the hosts its addresses have.")
            }
            var sandbox = EmbedProvider.defaultSandbox
            if entry.node("sandbox") != nil {
                let sandboxNode = entry.node("sandbox")
                sandbox = []
                for token in entry.stringList("sandbox", what: "allow-scripts") {
                    if EmbedProvider.sandboxTokens.contains(token) {
                        if !sandbox.contains(token) { sandbox.append(token) }
                    } else {
                        entry.error(
                            at: sandboxNode, "`\(UnsafeCharacters.printable(token))` is not a sandbox token embeds may have.",
                            hint: "Use \(EmbedProvider.sandboxTokens.joined(separator: ", ")), or an empty list for none.")
                    }
                }
            } else {
                _ = entry.field("sandbox")
            }
            let allow = entry.optionalString("allow", what: "fullscreen") ?? ""
            if allow.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "&" }) {
                entry.error(
                    at: entry.node("allow"), "`allow` may not contain quotes, `<`, `>` or `&`.",
                    hint: "Write a Permissions Policy list: `allow: \"fullscreen; encrypted-media\"`.")
            }
            var size = EmbedProvider.Size.ratio("16:9")
            let ratio = entry.optionalString("ratio", what: "\"16:9\"")
            let heightNode = entry.node("height")
            let height = entry.integer("height", default: 400, range: EmbedProvider.heights)
            if let ratio {
                if heightNode != nil {
                    entry.error(
                        at: heightNode, "The embed provider names both `ratio` and `height`.",
                        hint: "Keep one: `ratio: \"16:9\"` or `height: 400`.")
                } else if let parsed = EmbedBlock.ratio(ratio) {
                    size = parsed
                } else {
                    entry.error(at: entry.node("ratio"), EmbedBlock.ratioMessage(ratio), hint: EmbedBlock.ratioHint)
                }
            } else if heightNode != nil {
                size = .height(height)
            }
            fields.absorb(entry)
            if let name, !hosts.isEmpty {
                added.append(EmbedProvider(name: name, hosts: hosts, sandbox: sandbox, allow: allow, size: size, rewrite: .asGiven))
            }
        }
        return EmbedProviders(added: added)
    }
}
