import Foundation

/// The Pagefind program a build indexes the site with (PyPI `pagefind-bin`, which installs only
/// a binary): where it is and which version it is.
///
/// `locate` finds it as documented in docs/search.md: `$EXPLAINER_PAGEFIND`, else `pagefind` on
/// `PATH`, else through `python3` (`pagefind_bin.get_executable()`). Its `--version` is
/// checked: another version than `pinnedVersion` indexes the site too, with a warning (its
/// bundle may differ from the committed one).
struct Pagefind: Sendable, Hashable {
    /// The version Explainer is tested with (`Scripts/setup.sh` installs it).
    static let pinnedVersion = "1.5.2"
    /// The environment variable naming the program's path.
    static let variable = "EXPLAINER_PAGEFIND"
    /// The pip requirement that installs it.
    static let requirement = "pagefind-bin==\(pinnedVersion)"

    /// The program's path.
    let executable: String
    /// What its `--version` says: `1.5.2`.
    let version: String

    /// What `locate` found: the program, and a warning when its version is not the pinned one.
    struct Located: Sendable {
        var pagefind: Pagefind
        var warnings: [Diagnostic]
    }

    /// Finds the program through `environment` (the process's by default); throws a
    /// diagnostic saying how to install it (or turn search off) when there is none.
    static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment, config: String = "site.yml"
    ) throws(BuildFailure) -> Located {
        let executable: String
        if let named = environment[variable], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw BuildFailure(
                    Diagnostic(
                        file: variable, message: "\(variable) names \(named), which is not a program that can be run.",
                        hint: "Set \(variable) to the path of the pagefind binary, or unset it to look on PATH."))
            }
            executable = named
        } else if let found = onPath("pagefind", environment: environment) ?? throughPython(environment: environment) {
            executable = found
        } else {
            throw BuildFailure(missing(config: config))
        }
        let output = try program(executable).run(["--version"])
        // `pagefind 1.5.2`
        let words = output.line.split(separator: " ")
        guard output.succeeded, words.count == 2, words[0] == "pagefind" else {
            throw BuildFailure(
                Diagnostic(
                    file: executable, message: "\(executable) --version did not say which pagefind it is (\(output.line)).",
                    hint: "Install pagefind again: pip install \(requirement)."))
        }
        let pagefind = Pagefind(executable: executable, version: String(words[1]))
        var warnings: [Diagnostic] = []
        if pagefind.version != pinnedVersion {
            warnings.append(
                Diagnostic(
                    .warning, file: executable,
                    message:
                        "pagefind \(pagefind.version) is not the version Explainer is tested with (\(pinnedVersion)): the search index may differ from another machine's.",
                    hint: "Install the pinned version: pip install \(requirement) (or run Scripts/setup.sh)."))
        }
        return Located(pagefind: pagefind, warnings: warnings)
    }

    /// The error of a site with search on and no pagefind.
    static func missing(config: String) -> Diagnostic {
        Diagnostic(
            file: config, message: "Search is on, but the pagefind program that indexes the site was not found.",
            hint:
                "Install it with pip install \(requirement) (or run Scripts/setup.sh), or set \(variable) to its path; or set search: false in site.yml."
        )
    }

    /// Runs this program.
    var program: ExternalProgram { Self.program(executable) }

    private static func program(_ executable: String) -> ExternalProgram {
        ExternalProgram(executable: executable, name: "pagefind", installHint: "Install it with pip install \(requirement).")
    }

    /// The first executable `name` in the folders of `environment`'s `PATH`.
    static func onPath(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let path = FolderPath(String(folder)).appending(name)
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The binary `pagefind-bin` installed for the `python3` on `PATH`, if any.
    private static func throughPython(environment: [String: String]) -> String? {
        guard let python = onPath("python3", environment: environment) else { return nil }
        let probe = ExternalProgram(
            executable: python, name: "python3", installHint: "", environment: ["PATH": environment["PATH"] ?? ""])
        guard let output = try? probe.run(["-c", "import pagefind_bin; print(pagefind_bin.get_executable())"]), output.succeeded
        else { return nil }
        let path = output.line
        return path.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
