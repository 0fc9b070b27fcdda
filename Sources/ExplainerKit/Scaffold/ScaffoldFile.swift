/// One file `explainer init` or `explainer new` writes: its path inside the folder it is
/// written into (`Content/site.yml`, with `/` between folders) and its text.
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var text: String

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
