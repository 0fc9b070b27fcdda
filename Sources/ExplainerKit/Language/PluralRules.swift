import Synchronization
import _FoundationICU

/// CLDR's plural rules of one language, as the platform's ICU has them (`uplrules_*`, which
/// Foundation's ICU on Linux exports as `swift_uplrules_*`): which `PluralCategory` a count
/// takes (English 1 → `one`; Arabic 3 → `few`, 11 → `many`; French 0 → `one`). Not a table
/// of ours: the rules are the locale data's.
///
/// One per language, opened once (`rules(for:)`) and shared; a selection holds its lock, since
/// ICU promises nothing about concurrent use of one rule set.
final class PluralRules: Sendable {
    /// The language the rules are for.
    let language: LanguageTag
    /// The ICU rule set (nil when ICU could not open one: every count is then `other`, or `one` for 1).
    private let handle: Mutex<OpaquePointer?>

    private init(_ language: LanguageTag) {
        self.language = language
        var status = U_ZERO_ERROR
        let rules = swift_uplrules_open(language.locale.identifier, &status)
        if status.rawValue > U_ZERO_ERROR.rawValue, let rules {
            swift_uplrules_close(rules)
            handle = Mutex(nil)
        } else {
            handle = Mutex(status.rawValue > U_ZERO_ERROR.rawValue ? nil : rules)
        }
    }

    deinit {
        handle.withLock { rules in
            if let rules { swift_uplrules_close(rules) }
        }
    }

    /// The category `count` falls in.
    func category(_ count: Int) -> PluralCategory {
        handle.withLock { rules -> PluralCategory in
            guard let rules else { return count == 1 ? .one : .other }
            var status = U_ZERO_ERROR
            var keyword = [UChar](repeating: 0, count: 16)
            let length = swift_uplrules_select(rules, Double(count), &keyword, Int32(keyword.count), &status)
            guard status.rawValue <= U_ZERO_ERROR.rawValue, length > 0, length <= keyword.count else {
                return count == 1 ? .one : .other
            }
            return PluralCategory(rawValue: String(decoding: keyword[..<Int(length)], as: UTF16.self)) ?? .other
        }
    }

    /// The categories the language uses (English: `one`, `other`; Arabic: all six), in
    /// `PluralCategory`'s order: what a table's plural message for it should give.
    var categories: [PluralCategory] {
        handle.withLock { rules -> [PluralCategory] in
            guard let rules else { return [.one, .other] }
            var status = U_ZERO_ERROR
            guard let keywords = swift_uplrules_getKeywords(rules, &status), status.rawValue <= U_ZERO_ERROR.rawValue else {
                return [.one, .other]
            }
            defer { swift_uenum_close(keywords) }
            var found: Set<PluralCategory> = []
            while true {
                var length: Int32 = 0
                guard let word = swift_uenum_next(keywords, &length, &status), status.rawValue <= U_ZERO_ERROR.rawValue else { break }
                if let category = PluralCategory(rawValue: String(cString: word)) { found.insert(category) }
            }
            return PluralCategory.allCases.filter(found.contains)
        }
    }

    /// The rules of `language`, opened once per language.
    static func rules(for language: LanguageTag) -> PluralRules {
        if let made = cache.withLock({ $0[language] }) { return made }
        let rules = PluralRules(language)
        return cache.withLock { cache in
            if let made = cache[language] { return made }
            cache[language] = rules
            return rules
        }
    }

    private static let cache = Mutex<[LanguageTag: PluralRules]>([:])
}
