/// The preview's own URLs, which no site may use: the build reserves their folder
/// (`SitePlanner.claimPaths`), the preview (`ExplainerPreview`'s `LiveReload`) serves them.
public enum PreviewAddresses {
    /// The folder they are in, at the root of the served site.
    public static let folder = "_explainer"
    /// The live-reload client script injected into pages.
    public static let script = "/" + folder + "/live.js"
    /// The live-reload event stream.
    public static let events = "/" + folder + "/events"
}
