/// Reads a built site folder back into `OutputFile`s, for `explainer check`.
public enum BuiltSiteReader {
    /// Every file below `folder` (hidden ones aside, as `FileSystem.listFiles` lists them);
    /// throws when there is no folder, or naming each file that could not be read.
    public static func read(_ folder: String) throws(BuildFailure) -> [OutputFile] {
        guard FileSystem.isDirectory(folder) else {
            throw BuildFailure(
                Diagnostic(
                    file: folder, message: "There is no built site at \(folder).",
                    hint: "Build it first with `explainer build`, or pass --output PATH."))
        }
        var files: [OutputFile] = []
        var problems: [Diagnostic] = []
        for path in FileSystem.listFiles(folder) {
            do {
                files.append(OutputFile(path: path, bytes: try FileSystem.read(FolderPath(folder).appending(path))))
            } catch {
                problems.append(
                    Diagnostic(
                        file: FolderPath(folder).appending(path), message: "The file could not be read: \(error.description).",
                        hint: "Check its permissions, then check again."))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return files
    }
}
