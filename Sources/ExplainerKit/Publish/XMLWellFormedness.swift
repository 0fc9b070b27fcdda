import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether bytes are a well-formed XML document, by FoundationXML's `XMLParser`.
///
/// Two Linux quirks are handled here: `parse()` returns `true` for malformed XML (the error
/// only reaches a delegate's `parseErrorOccurred`, and only when a delegate is set), and
/// invalid UTF-8 in an element name traps inside the parser — so bytes that are not UTF-8
/// are refused before the parser sees them.
final class XMLWellFormedness: NSObject, XMLParserDelegate {
    /// The first problem met: its line (if known) and a readable reason.
    struct Problem: Sendable, Hashable {
        var line: Int?
        var reason: String
    }

    private var problem: Problem?

    /// The first well-formedness problem of `bytes`, or `nil` if it is well-formed.
    static func problem(in bytes: [UInt8]) -> Problem? {
        if String(validating: bytes, as: UTF8.self) == nil {
            return Problem(line: nil, reason: "it is not valid UTF-8")
        }
        let checker = XMLWellFormedness()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = checker
        let parsed = withExtendedLifetime(checker) { parser.parse() }
        if let problem = checker.problem { return problem }
        if !parsed {
            return Problem(
                line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                reason: parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error")
        }
        return nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard problem == nil else { return }
        let error = parseError as NSError
        let detail = (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "XMLParser error \(error.code)"
        problem = Problem(line: parser.lineNumber > 0 ? parser.lineNumber : nil, reason: detail)
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        self.parser(parser, parseErrorOccurred: validationError)
    }
}
