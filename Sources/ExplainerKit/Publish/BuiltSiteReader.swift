/// Reads a built site folder back into `OutputFile`s, for `explainer check`.
public enum BuiltSiteReader {
    public static func read(_ folder: String) -> Result<[OutputFile], BuildFailure> {
        guard FileSystem.isDirectory(folder) else {
            return .failure(BuildFailure(Diagnostic(
                file: folder, message: "There is no built site at \(folder).",
                hint: "Build it first with `explainer build`, or pass --output PATH.")))
        }
        var files: [OutputFile] = []
        var problems: [Diagnostic] = []
        for path in FileSystem.listFiles(folder) {
            do {
                files.append(OutputFile(path: path, bytes: try FileSystem.read(FolderPath(folder).appending(path))))
            } catch {
                problems.append(Diagnostic(file: FolderPath(folder).appending(path), message: "The file could not be read: \(error.description).",
                                           hint: "Check its permissions, then check again."))
            }
        }
        return problems.isEmpty ? .success(files) : .failure(BuildFailure(problems))
    }
}
