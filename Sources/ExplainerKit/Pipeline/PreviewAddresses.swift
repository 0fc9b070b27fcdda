/// The preview's own URLs, which no site may use: the build reserves their folder
/// (`SitePlanner.claimPaths`), the preview (`ExplainerPreview`'s `LiveReload`) serves them.
package enum PreviewAddresses {
    /// The folder they are in, at the root of the served site.
    package static let folder = "_explainer"
    /// The live-reload client script injected into pages.
    package static let script = "/" + folder + "/live.js"
    /// The live-reload event stream.
    package static let events = "/" + folder + "/events"
}
